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
