package dev.dsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code expect} turns a run into a check: exit 1 and a message naming what failed. */
final class ExpectCommandTest {
  private static final String SCENARIO = """
      {"name": "expecting", "seed": 3, "duration": "10s", "warmup": "1s",
       "clients": {"rate": 200, "timeout": "1s"},
       "tiers": {"web": {"kind": "stateless", "nodes": 2, "cores": 2, "work": "5ms"}},
       "expect": {"availability": ">= 0.99", "latencyMs.p99": "< 100"},
       "variants": {"fine": {},
                    "crashed": {"faults": {"schedule": [{"at": "2s", "crash": "web-1"}]}}}}
      """;

  @TempDir
  Path dir;

  private Path scenario() throws Exception {
    Path f = dir.resolve("expecting.json");
    Files.writeString(f, SCENARIO);
    return f;
  }

  @Test
  void expectationsThatHold_exitZero_andAreWrittenWithTheirValues() throws Exception {
    Path out = dir.resolve("out");
    CliRunner.Result r = CliRunner.run("run", scenario().toString(), "--variant", "fine",
        "--out", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("expect:", "availability >= 0.99: ok");
    JsonNode e = new ObjectMapper().readTree(out.resolve("fine/seed-3/results.json").toFile())
        .get("expectations");
    assertThat(e).hasSize(2);
    assertThat(e.get(0).get("metric").asText()).isEqualTo("availability");
    assertThat(e.get(0).get("condition").asText()).isEqualTo(">= 0.99");
    assertThat(e.get(0).get("actual").asDouble()).isEqualTo(1.0);
    assertThat(e.get(0).get("ok").asBoolean()).isTrue();
  }

  @Test
  void aFailedExpectation_exitsOne_namesIt_andStillWritesResults() throws Exception {
    Path out = dir.resolve("out");
    CliRunner.Result r = CliRunner.run("run", scenario().toString(), "--out", out.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("expectation failed: crashed (seed 3): availability >= 0.99")
        .doesNotContain("fine (seed");
    assertThat(r.out()).contains("availability >= 0.99: FAILED");
    JsonNode e = new ObjectMapper().readTree(out.resolve("crashed/seed-3/results.json")
        .toFile()).get("expectations");
    assertThat(e.get(0).get("ok").asBoolean()).isFalse();
    assertThat(e.get(0).get("actual").asDouble()).isLessThan(0.99);
    assertThat(out.resolve("fine/seed-3/results.json")).exists();
  }

  @Test
  void anUnmeasuredMetric_failsWithNothingToCompare() throws Exception {
    Path f = dir.resolve("nostore.json");
    Files.writeString(f, SCENARIO.replace("\"latencyMs.p99\": \"< 100\"",
        "\"lostWrites\": \"== 0\""));
    CliRunner.Result r = CliRunner.run("run", f.toString(), "--variant", "fine", "--out",
        dir.resolve("o").toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("consistency.lostWrites == 0, got nothing (not measured");
  }

  @Test
  void badExpectations_areLocatedInputErrors() throws Exception {
    Path f = dir.resolve("bad.json");
    Files.writeString(f, """
        {"name": "bad", "duration": "10s", "clients": {"rate": 1},
         "tiers": {"web": {"kind": "stateless", "work": "5ms"}},
         "expect": {"availabilty": ">= 0.9",
                    "latencyMs.p99": "about 200",
                    "throughput": 5}}
        """);
    CliRunner.Result r = CliRunner.run("run", f.toString(), "--out", dir.resolve("o")
        .toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("bad.json:3:13", "unknown metric 'availabilty'",
        "did you mean 'availability'?")
        .contains("bad.json:4:30", "expected a condition like \">= 0.999\", got \"about 200\"")
        .contains("bad.json:5:27", "got 5 (a number)")
        .doesNotContain("Exception");
  }
}
