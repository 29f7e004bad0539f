package dev.dsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsim.run.RunOptions;
import dev.dsim.run.RunResult;
import dev.dsim.run.Runner;
import dev.dsim.scenario.Scenario;
import dev.dsim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dsim sweep --swarm}: every run of the sweep under swarm testing, the per-kind tally of
 * the failing runs in the summary and sweep.json (the same serially and in parallel), replay
 * commands that reproduce a swarm run, and bad input when there are no random kinds.
 */
final class SwarmSweepTest {
  /** The planted bug of SwarmTestingTest (its server class is on the test classpath). */
  static final Path LEAKY = Path.of("src/test/resources/swarm/leaky-sessions.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void sweepSwarm_countsTheKindsOfTheFailingRuns_alikeSeriallyAndInParallel() throws Exception {
    CliRunner.Result parallel = CliRunner.run("sweep", LEAKY.toString(), "--seeds", "1..20",
        "--swarm", "--jobs", "2", "--no-charts", "--out", dir.resolve("p").toString());
    CliRunner.Result serial = CliRunner.run("sweep", LEAKY.toString(), "--seeds", "1..20",
        "--swarm", "--jobs", "1", "--no-charts", "--out", dir.resolve("s").toString());
    assertThat(parallel.exitCode()).as(parallel.err()).isEqualTo(1);
    assertThat(parallel.out()).isEqualTo(serial.out().replace(dir.resolve("s").toString(),
        dir.resolve("p").toString()));
    assertThat(Files.readAllBytes(dir.resolve("p/sweep.json")))
        .isEqualTo(Files.readAllBytes(dir.resolve("s/sweep.json")));

    // What each seed drew and whether it failed, run by run through the library.
    Scenario s = ScenarioLoader.load(LEAKY).resolve(null);
    s = s.withFaults(s.faults().withSwarm(true));
    int failing = 0;
    int failingWithCrash = 0;
    int runsWithCrash = 0;
    for (long seed = 1; seed <= 20; seed++) {
      RunResult r = Runner.run(s, seed, RunOptions.defaults()).result();
      boolean failed = r.expectations().stream().anyMatch(e -> !e.ok());
      boolean crash = r.swarm().enabled().contains("crash");
      failing += failed ? 1 : 0;
      failingWithCrash += failed && crash ? 1 : 0;
      runsWithCrash += crash ? 1 : 0;
    }
    assertThat(failing).isPositive();
    assertThat(failingWithCrash).isZero();

    JsonNode sweep = JSON.readTree(dir.resolve("p/sweep.json").toFile());
    JsonNode swarm = sweep.get("swarm");
    assertThat(swarm.get("runs").asInt()).isEqualTo(20);
    assertThat(swarm.get("failing").asInt()).isEqualTo(failing);
    List<String> kinds = new ArrayList<>();
    for (JsonNode k : swarm.get("kinds")) {
      kinds.add(k.get("kind").asText());
      assertThat(k.get("failingEnabled").asInt() + k.get("failingDisabled").asInt())
          .isEqualTo(failing);
      assertThat(k.get("runsEnabled").asInt() + k.get("runsDisabled").asInt()).isEqualTo(20);
      if (k.get("kind").asText().equals("crash")) {
        assertThat(k.get("failingEnabled").asInt()).isZero();
        assertThat(k.get("failingDisabled").asInt()).isEqualTo(failing);
        assertThat(k.get("runsEnabled").asInt()).isEqualTo(runsWithCrash);
      }
    }
    assertThat(kinds).containsExactly("crash", "partition", "slow", "degrade", "clockJump");
    for (JsonNode f : sweep.get("failing")) {
      assertThat(f.get("swarm").get("disabled").toString()).contains("\"crash\"");
    }
    assertThat(parallel.out()).contains("swarm testing: random fault kinds in the " + failing
        + " failing runs (and all 20)", "every failing run had crash disabled")
        .containsPattern("crash\\s+0\\s+" + failing + "\\s+" + runsWithCrash + "\\s+"
            + (20 - runsWithCrash));
  }

  @Test
  void aSwarmSweepsReplayCommand_reproducesTheRun() throws Exception {
    CliRunner.Result sweep = CliRunner.run("sweep", LEAKY.toString(), "--seeds", "1..3",
        "--swarm", "--stop-after", "1", "--no-charts", "--out", dir.resolve("r").toString());
    assertThat(sweep.exitCode()).as(sweep.err()).isEqualTo(1);
    Matcher m = Pattern.compile("replay \\S+ --seed (\\d+) --set faults\\.swarm=true "
        + "--expect-hash ([0-9a-f]{16})").matcher(sweep.out());
    assertThat(m.find()).as(sweep.out()).isTrue();
    CliRunner.Result replay = CliRunner.run("replay", LEAKY.toString(), "--seed", m.group(1),
        "--set", "faults.swarm=true", "--expect-hash", m.group(2), "--trace",
        dir.resolve("t.jsonl").toString());
    assertThat(replay.out()).contains("traceHash " + m.group(2) + " (as expected");
    // The scenario the failing run ran says swarm, and its manifest says --swarm.
    Path resolved = dir.resolve("r/failing/base/seed-" + m.group(1)
        + "/scenario.resolved.json");
    assertThat(JSON.readTree(resolved.toFile()).get("faults").get("swarm").asBoolean())
        .isTrue();
    assertThat(Files.readString(dir.resolve("r/dsim-run.json"))).contains("--swarm");
  }

  @Test
  void sweepSwarm_withoutRandomKinds_isBadInput() throws Exception {
    Path f = dir.resolve("none.json");
    Files.writeString(f, """
        {"name": "none", "duration": "5s", "clients": {"rate": 10},
         "tiers": {"web": {"kind": "stateless", "nodes": 2, "work": "1ms"}},
         "faults": {"schedule": [{"at": "1s", "crash": "web-1"}]},
         "variants": {"random": {"faults": {"random": {"crash": {"mttf": "1s", "mttr": "1s"}}}}}}
        """);
    CliRunner.Result r = CliRunner.run("sweep", f.toString(), "--seeds", "1..2", "--swarm",
        "--variant", "base", "--out", dir.resolve("x").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains(f + ":3:", "at faults.random", "--swarm",
        "the scenario has none", "hint:", "or sweep without --swarm", "nothing was run")
        .doesNotContain("Exception");
    assertThat(dir.resolve("x")).doesNotExist();
    // The variant with random kinds sweeps; a scenario without faults at all is refused too.
    CliRunner.Result ok = CliRunner.run("sweep", f.toString(), "--seeds", "1..2", "--swarm",
        "--variant", "random", "--no-charts", "--out", dir.resolve("y").toString());
    assertThat(ok.exitCode()).as(ok.err()).isIn(0, 1);
    Path bare = dir.resolve("bare.json");
    Files.writeString(bare, """
        {"name": "bare", "duration": "5s", "clients": {"rate": 10},
         "tiers": {"web": {"kind": "stateless", "nodes": 2, "work": "1ms"}}}
        """);
    CliRunner.Result none = CliRunner.run("sweep", bare.toString(), "--seeds", "1", "--swarm");
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).contains("at faults.random", "has none");
  }
}
