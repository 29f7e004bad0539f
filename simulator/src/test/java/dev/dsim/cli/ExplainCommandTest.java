package dev.dsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dsim explain} and theory in the other commands: the README's pooled-vs-split walk
 * through, the refusal to predict an overloaded tier, capacity warnings on {@code run} and
 * {@code validate}, the {@code theory} section of results.json and compare's theory marking.
 */
final class ExplainCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String POOLED = Path.of("..", "scenarios", "mmk-pooled-vs-split.json")
      .toString();

  @TempDir
  Path dir;

  @Test
  void pooledVsSplit_printsErlangCAndTheSplitQueues_andTheyAgree() {
    CliRunner.Result r = CliRunner.run("explain", POOLED, "--seeds", "3", "--variant",
        "pooled,random-split");
    assertThat(r.exitCode()).as(r.err()).isZero();
    String pooled = r.out().substring(0, r.out().indexOf("variant random-split"));
    String split = r.out().substring(r.out().indexOf("variant random-split"));
    assertThat(pooled).contains("M/M/4 (Erlang C)").containsPattern(
        "latencyMs.mean +end to end +17.455 ").contains("Poisson arrivals at 320/s")
        .contains("load 80%");
    assertThat(split).contains("M/M/1 per node").containsPattern("latencyMs.mean +end to end +50 ")
        .containsPattern("latencyMs.p99 +end to end +230.26 ")
        .contains("random balancing: each node gets a Poisson 1/4 of the arrivals");
    assertThat(r.out()).contains("agrees").doesNotContain("differs")
        .doesNotContain("one-fast-server");
    assertThat(r.err()).contains("2 variants over 3 seeds");
  }

  @Test
  void overloadedTier_isWarnedOf_andGetsNoPrediction() {
    CliRunner.Result r = CliRunner.run("explain", POOLED, "--seeds", "1", "--variant", "pooled",
        "--set", "clients.rate=500", "--set", "duration=20s", "--set", "warmup=2s");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).contains("warning:").contains("offered 500 requests/s but can complete "
        + "at most 400/s").contains("1.25x");
    assertThat(r.out()).contains("no model applies to this variant")
        .contains("latencyMs.mean (end to end): offered load 1.25x tier \"app\"'s capacity")
        .contains("no steady state").contains("load 125%").contains("OVERLOADED")
        .doesNotContain("Erlang");
  }

  @Test
  void validateAndRun_warnOfAnOverloadedTier_withTheFigures() {
    CliRunner.Result validate = CliRunner.run("validate", POOLED, "--set", "clients.rate=500");
    assertThat(validate.exitCode()).as(validate.err()).isZero();
    assertThat(validate.err()).contains("(variant random-split): tier \"app\" is offered 500 "
        + "requests/s but can complete at most 400/s (10 ms of work per request on 4 x 1 cores "
        + "at speed 1)");
    CliRunner.Result run = CliRunner.run("run", POOLED, "--variant", "pooled", "--set",
        "clients.rate=500", "--set", "duration=10s", "--set", "warmup=1s", "--out",
        dir.resolve("run").toString());
    assertThat(run.err()).contains("warning:").contains("load 1.25x its capacity");
    CliRunner.Result fine = CliRunner.run("validate", POOLED);
    assertThat(fine.err()).doesNotContain("warning");
  }

  @Test
  void resultsJson_carriesTheTheorySection() throws Exception {
    CliRunner.Result r = CliRunner.run("run", POOLED, "--variant", "pooled", "--set",
        "duration=10m", "--out", dir.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode theory = JSON.readTree(dir.resolve("pooled/seed-42/results.json").toFile())
        .path("theory");
    JsonNode mean = null;
    for (JsonNode p : theory.path("predictions")) {
      if (p.path("metric").asText().equals("latencyMs.mean")) {
        mean = p;
      }
    }
    assertThat(mean).as(theory.toString()).isNotNull();
    assertThat(mean.path("model").asText()).contains("Erlang C");
    assertThat(mean.path("exact").asBoolean()).isTrue();
    assertThat(mean.path("predicted").asDouble()).isCloseTo(17.455, within(1e-3));
    assertThat(mean.path("measured").asDouble()).isCloseTo(17.455, within(17.455 * 0.05));
    assertThat(mean.path("error").asDouble()).isEqualTo(
        mean.path("measured").asDouble() / mean.path("predicted").asDouble() - 1,
        within(1e-5));
    assertThat(mean.path("assumptions")).isNotEmpty();
    JsonNode app = theory.path("capacity").get(0);
    assertThat(app.path("tier").asText()).isEqualTo("app");
    assertThat(app.path("capacityPerSecond").asDouble()).isEqualTo(400.0);
    assertThat(app.path("loadFactor").asDouble()).isEqualTo(0.8);
    assertThat(theory.path("notPredicted").isArray()).isTrue();
  }

  @Test
  void compare_marksTheVariantTheoryPredictsBest() throws Exception {
    CliRunner.Result r = CliRunner.run("compare", POOLED, "--seeds", "2", "--set",
        "duration=10m", "--out", dir.toString());
    assertThat(r.exitCode()).as(r.err()).isIn(0, 1);
    assertThat(r.out()).containsPattern("latencyMs.mean .* one-fast-server; theory: "
        + "one-fast-server \\(agrees\\)").contains("theory: all equal");
    JsonNode metrics = JSON.readTree(dir.resolve("comparison.json").toFile()).path("metrics");
    for (JsonNode m : metrics) {
      switch (m.path("metric").asText()) {
        case "latencyMs.mean" -> {
          assertThat(m.path("theory").path("predictsBest").asText()).isEqualTo(
              "one-fast-server");
          assertThat(m.path("theory").path("predicted").path("random-split").asDouble())
              .isEqualTo(50.0);
        }
        case "availability" -> assertThat(m.path("theory").path("predictsBest").isNull())
            .isTrue();
        case "latencyMs.p999", "cost.total" -> assertThat(m.has("theory")).isFalse();
        default -> { }
      }
    }
    String page = Files.readString(dir.resolve("index.html"));
    assertThat(page).contains("Theory vs simulation").contains("What each variant changes")
        .contains("{&quot;tiers&quot;:{&quot;app&quot;:{&quot;nodes&quot;:4,")
        .contains("<p class=\"verdict\"><strong>")
        .contains("is the cheapest and as available as any");
  }

  @Test
  void badInput_isExit2() {
    assertThat(CliRunner.run("explain", POOLED, "--variant", "nope").exitCode()).isEqualTo(2);
    assertThat(CliRunner.run("explain", POOLED, "--jobs", "0").exitCode()).isEqualTo(2);
    CliRunner.Result missing = CliRunner.run("explain", dir.resolve("none.json").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).doesNotContain("Exception");
  }
}
