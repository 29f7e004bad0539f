package dev.dsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsim.engine.Durations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failing run leaves {@code scenario.resolved.json} beside its results.json, and running that
 * file alone (no variant, no --set, no --seed) reproduces the failure with the same trace hash;
 * a run that passes leaves none.
 */
final class ResolvedScenarioTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void aFailingSweepSeed_leavesAScenarioThatFailsAlikeOnItsOwn() throws Exception {
    CliRunner.Result sweep = CliRunner.run("sweep", CliCommandsTest.PLANTED.toString(),
        "--seeds", "1..30", "--set", "clients.rate=25", "--out", dir.resolve("s").toString());
    assertThat(sweep.exitCode()).isEqualTo(1);
    Matcher m = Pattern.compile("the scenario it ran: (\\S+)").matcher(sweep.out());
    assertThat(m.find()).as(sweep.out()).isTrue();
    Path resolved = Path.of(m.group(1));
    assertThat(resolved).exists().hasFileName("scenario.resolved.json");
    JsonNode failing = JSON.readTree(dir.resolve("s/sweep.json").toFile()).path("failing").get(0);
    assertThat(dir.resolve("s").resolve(failing.path("resolvedScenario").asText()))
        .isEqualTo(resolved.toAbsolutePath().normalize());
    JsonNode doc = JSON.readTree(resolved.toFile());
    assertThat(doc.path("clients").path("rate").asInt()).as("--set applied").isEqualTo(25);
    assertThat(doc.path("seed").asLong()).isEqualTo(failing.path("seed").asLong());
    // The crashes the nemesis drew are listed, as the run's results.json has them.
    JsonNode results = JSON.readTree(resolved.resolveSibling("results.json").toFile());
    JsonNode drawn = doc.path("faults").path("drawn");
    assertThat(drawn.size()).isPositive().isEqualTo(results.path("faults").size());
    for (int i = 0; i < drawn.size(); i++) {
      JsonNode fault = results.path("faults").get(i);
      assertThat(drawn.get(i).path("crash").asText()).isEqualTo(fault.path("targets").asText());
      assertThat(Durations.parse(drawn.get(i).path("at").asText()) / 1e9)
          .isCloseTo(fault.path("atSeconds").asDouble(), org.assertj.core.data.Offset.offset(1e-6));
    }
    assertThat(doc.path("faults").path("random").has("crash")).as("the nemesis stays").isTrue();

    CliRunner.Result alone = CliRunner.run("run", resolved.toString(), "--json", "--out",
        dir.resolve("r").toString());
    assertThat(alone.exitCode()).as(alone.err()).isEqualTo(1);
    assertThat(JSON.readTree(alone.out()).path("runs").get(0).path("traceHash").asText())
        .isEqualTo(failing.path("traceHash").asText());
    // The run of the resolved file failed too, and left its own resolved scenario, naming it.
    assertThat(alone.err()).contains("the scenario it ran: ");
  }

  @Test
  void aReplay_leavesTheScenarioItRanBesideItsTrace() throws Exception {
    Path trace = dir.resolve("t.jsonl");
    CliRunner.Result replay = CliRunner.run("replay", CliCommandsTest.PLANTED.toString(),
        "--seed", "4", "--set", "clients.rate=25", "--trace", trace.toString());
    Path resolved = dir.resolve("t.resolved.json");
    assertThat(replay.out()).contains("wrote the scenario it ran");
    assertThat(resolved).exists();
    Matcher m = Pattern.compile("traceHash (\\p{XDigit}{16})").matcher(replay.out());
    assertThat(m.find()).isTrue();
    CliRunner.Result alone = CliRunner.run("run", resolved.toString(), "--json", "--out",
        dir.resolve("r").toString());
    assertThat(JSON.readTree(alone.out()).path("runs").get(0).path("traceHash").asText())
        .isEqualTo(m.group(1));
    // Again without --force: the file stays as it is, and a note says so.
    Files.writeString(resolved, "{}");
    Files.delete(trace);
    CliRunner.Result again = CliRunner.run("replay", CliCommandsTest.PLANTED.toString(),
        "--seed", "4", "--trace", trace.toString());
    assertThat(again.exitCode()).isIn(0, 1);
    assertThat(again.err()).contains("already exists and was left as it is");
    assertThat(Files.readString(resolved)).isEqualTo("{}");
  }

  @Test
  void aPassingRun_leavesNone() throws Exception {
    Path f = dir.resolve("ok.json");
    Files.writeString(f, """
        {"name": "ok", "duration": "5s", "clients": {"rate": 10},
         "tiers": {"web": {"kind": "stateless", "work": "1ms"}},
         "expect": {"availability": ">= 0.5"}}
        """);
    CliRunner.Result r = CliRunner.run("run", f.toString(), "--no-charts", "--out",
        dir.resolve("o").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(dir.resolve("o/base/seed-1/results.json")).exists();
    assertThat(dir.resolve("o/base/seed-1/scenario.resolved.json")).doesNotExist();
  }
}
