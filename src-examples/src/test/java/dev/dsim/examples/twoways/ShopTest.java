package dev.dsim.examples.twoways;

import static dev.dsim.scenario.Build.ms;
import static dev.dsim.scenario.Build.openLoop;
import static dev.dsim.scenario.Build.process;
import static dev.dsim.scenario.Build.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsim.report.ResultsJson;
import dev.dsim.run.RunOptions;
import dev.dsim.run.RunResult;
import dev.dsim.run.Runner;
import dev.dsim.scenario.Scenario;
import dev.dsim.scenario.ScenarioException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The JSON scenario and the Java builder are one model: same scenario, same run, same file. */
final class ShopTest {
  @Test
  void jsonAndJava_giveTheSameScenario() throws Exception {
    assertThat(Shop.fromJava()).isEqualTo(Shop.fromJson());
    // The builder's JSON is the file's document (key order aside).
    ObjectMapper json = new ObjectMapper();
    try (InputStream in = Shop.class.getResourceAsStream("shop.json")) {
      assertThat(json.readTree(Shop.builder().toJson())).isEqualTo(json.readTree(in));
    }
  }

  @Test
  void jsonAndJava_giveTheSameRun_eventForEvent() throws Exception {
    Scenario fromJson = Shop.fromJson();
    Scenario fromJava = Shop.fromJava();
    RunResult a = Runner.run(fromJson, 11, RunOptions.defaults()).result();
    RunResult b = Runner.run(fromJava, 11, RunOptions.defaults()).result();
    assertThat(b.traceHash()).isEqualTo(a.traceHash());
    assertThat(ResultsJson.toJson(b)).isEqualTo(ResultsJson.toJson(a));
    // And the run shows what the scenario is about: the crash is absorbed.
    assertThat(a.availability()).isGreaterThan(0.99);
    assertThat(a.expectations()).allMatch(RunResult.ExpectationResult::ok);
    assertThat(a.faults()).hasSize(1);
  }

  /**
   * Shrinking works on a tier of the user's own process as on dsim's: under random crashes,
   * splits and slow spells of the catalog (our CatalogServer), with health checks switched off
   * and a strict availability bar, the drawn faults become a schedule cut to a few, the tiers
   * get fewer nodes where the failure survives, and the shrunk file fails on its own.
   */
  @Test
  void aProcessTierFailure_shrinksToAFewFaults_andFailsOnItsOwn() throws Exception {
    String text = new String(Shop.class.getResourceAsStream("shop.json").readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    Scenario s = dev.dsim.scenario.ScenarioLoader.parse("shop.json", text,
        dev.dsim.scenario.ScenarioOverride.parseAll(java.util.List.of(
            "loadBalancer={\"policy\": \"round-robin\"}",
            "expect={\"availability\": \">= 0.999\"}",
            "faults={\"random\": {\"crash\": {\"mttf\": \"1m\", \"mttr\": \"5s\", "
                + "\"targets\": [\"catalog\"]}, \"slow\": {\"mtbf\": \"10s\", \"for\": "
                + "\"2s\", \"factor\": 5, \"targets\": [\"catalog\"]}, \"partition\": "
                + "{\"mtbf\": \"20s\", \"for\": \"3s\"}}}"))).resolve(null);
    java.util.List<String> progress = new java.util.ArrayList<>();
    dev.dsim.run.Shrinker.Outcome o = dev.dsim.run.Shrinker.shrink(s, 11,
        RunOptions.defaults(), progress::add, 120);
    assertThat(o.failing()).containsExactly("availability");
    assertThat(o.faultsBefore()).as(String.join("\n", progress))
        .isGreaterThan(o.faultsAfter());
    assertThat(o.minimal().faults().random()).isEmpty();
    assertThat(o.minimal().faults().randomCrash()).isNull();
    assertThat(o.minimal().tiers().get("catalog"))
        .isInstanceOf(dev.dsim.scenario.Tier.UserProcess.class);
    assertThat(o.nodesAfter()).isLessThan(o.nodesBefore());
    Scenario alone = dev.dsim.scenario.ScenarioLoader.parse("shrunk", o.text()).resolve(null);
    RunResult again = Runner.run(alone, 11, RunOptions.defaults()).result();
    assertThat(again.traceHash()).isEqualTo(o.result().traceHash());
    assertThat(again.expectations()).anyMatch(e -> !e.ok());
  }

  @Test
  void aMistakeInJava_isReportedByJsonPath_likeAMistakeInAFile() {
    ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class,
        () -> Shop.builder().tier("catalog", process(CatalogServer.class).nodes(0))
            .duration(ms(0)).build());
    assertThat(e.getMessage()).contains("at tiers.catalog.nodes", "at duration");
    ScenarioException unknown = org.junit.jupiter.api.Assertions.assertThrows(
        ScenarioException.class,
        () -> Scenario.named("x").duration(seconds(1)).clients(openLoop(1))
            .tier("t", process("com.example.Missing")).build());
    assertThat(unknown.getMessage()).contains("no class com.example.Missing");
  }
}
