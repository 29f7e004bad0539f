package dev.dsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command through the real jar in its own JVM: sweep finds the planted failures and the
 * replay command it prints reproduces the run; compare, validate and schema; report directories
 * are never mixed; Ctrl-C (SIGINT/SIGTERM) still leaves a report of what finished.
 */
final class CommandsJarIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private Path planted() throws Exception {
    Path f = dir.resolve("planted-failure.json");
    Files.copy(Path.of("src/test/resources/cli/planted-failure.json"), f);
    return f;
  }

  @Test
  void sweep_findsThePlantedFailures_andItsReplayCommandReproducesTheHash() throws Exception {
    planted();
    JarProcess.Result sweep = JarProcess.run(dir, "sweep", "planted-failure.json", "--seeds",
        "1..30", "--jobs", "2");
    assertThat(sweep.exitCode()).as(sweep.err()).isEqualTo(1);
    assertThat(sweep.err()).doesNotContain("\tat ");
    Matcher m = Pattern.compile("(?m)^    java -jar \\S+ (replay .*)$").matcher(sweep.out());
    List<String> replays = new ArrayList<>();
    while (m.find()) {
      replays.add(m.group(1));
    }
    assertThat(replays).isNotEmpty();
    assertThat(CliCommandsTest.seedsIn(sweep.out(), "--seed (\\d+) "))
        .isEqualTo(CliCommandsTest.failingSeeds(1, 30));
    String[] args = replays.get(0).split(" ");
    JarProcess.Result replay = JarProcess.run(dir, args);
    assertThat(replay.exitCode()).as(replay.err()).isEqualTo(1);
    String hash = args[args.length - 1];
    assertThat(replay.out()).contains("traceHash " + hash + " (as expected: the same run)");
    assertThat(replay.err()).contains("expectation failed: base").doesNotContain("MISMATCH");
    JsonNode report = JSON.readTree(dir.resolve("reports/planted-failure-sweep/sweep.json")
        .toFile());
    assertThat(report.get("failing")).hasSize(replays.size());
    assertThat(report.get("failing").get(0).get("replay").asText()).endsWith(replays.get(0));
  }

  @Test
  void compare_writesItsTablesAndFiles_badSeedsAreUsageErrors() throws Exception {
    Path scenario = JarProcess.repo().resolve("scenarios/mmk-pooled-vs-split.json");
    JarProcess.Result r = JarProcess.run(dir, "compare", scenario.toString(), "--seeds", "3",
        "--set", "duration=2m", "--set", "warmup=10s");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("latencyMs.mean", "one-fast-server", "±");
    Path out = dir.resolve("reports/mmk-pooled-vs-split-compare");
    assertThat(out.resolve("comparison.json")).exists();
    assertThat(out.resolve("comparison.csv")).exists();
    assertThat(Files.readString(out.resolve(dev.dsim.report.ReportDirectory.MANIFEST)))
        .contains("compare", "--seeds 3", "duration=2m");
    JarProcess.Result bad = JarProcess.run(dir, "compare", scenario.toString(), "--seeds",
        "ten");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("--seeds").doesNotContain("\tat ");
  }

  @Test
  void validate_reportsSeveralErrorsWithLineAndColumn() throws Exception {
    Files.writeString(dir.resolve("bad.json"), """
        {
          "name": "bad one",
          "duration": "soon",
          "clients": {"rate": 10},
          "tiers": {"web": {"kind": "stateless", "nodes": 2, "work": "1ms", "cpus": 2}}
        }
        """);
    JarProcess.Result r = JarProcess.run(dir, "validate", "bad.json",
        JarProcess.repo().resolve("scenarios/web-kv.json").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("bad.json:2:11: at name", "bad.json:3:15: at duration",
        "bad.json:5:69: at tiers.web.cpus", "3 errors in 1 of 2 files");
    assertThat(r.out()).contains("ok ", "web-kv.json");
  }

  @Test
  void usageErrors_exit2_withAHintAndNoStackTrace() throws Exception {
    planted();
    String[][] cases = {
      {"sweep", "planted-failure.json"},
      {"sweep", "planted-failure.json", "--seeds", "1..3", "--stop-after", "0"},
      {"replay", "planted-failure.json"},
      {"replay", "planted-failure.json", "--seed", "1", "--variant", "nope"},
      {"compare", "planted-failure.json", "--jobs", "0"},
      {"validate"},
      {"run", "planted-failure.json", "--set", "tiers.app.nodes=zero"},
      {"frobnicate"},
    };
    for (String[] args : cases) {
      JarProcess.Result r = JarProcess.run(dir, args);
      String what = String.join(" ", args);
      assertThat(r.exitCode()).as(what + "\n" + r.err()).isEqualTo(2);
      assertThat(r.err()).as(what).startsWith("error: ").contains("hint:")
          .doesNotContain("\tat ").doesNotContain("Exception");
    }
    assertThat(dir.resolve("reports")).doesNotExist();
  }

  @Test
  void schema_isTheFileShippedInTheRepo() throws Exception {
    JarProcess.Result r = JarProcess.run(dir, "schema");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo(Files.readString(
        JarProcess.repo().resolve("scenarios/scenario.schema.json"), StandardCharsets.UTF_8));
  }

  @Test
  void run_twice_keepsTheFirstReportAndSaysWhereTheSecondWent() throws Exception {
    Path scenario = JarProcess.repo().resolve("scenarios/mmk-pooled-vs-split.json");
    JarProcess.Result first = JarProcess.run(dir, "run", scenario.toString(), "--variant",
        "pooled", "--set", "duration=1m", "--set", "warmup=5s");
    JarProcess.Result second = JarProcess.run(dir, "run", scenario.toString(), "--variant",
        "pooled", "--set", "duration=1m", "--set", "warmup=5s", "--json");
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(dir.resolve("reports/mmk-pooled-vs-split/pooled/seed-42/results.json")).exists();
    JsonNode json = JSON.readTree(second.out());
    assertThat(json.get("runs").get(0).get("resultsFile").asText())
        .isEqualTo("reports/mmk-pooled-vs-split-2/pooled/seed-42/results.json");
    assertThat(Files.readAllBytes(dir.resolve(
        "reports/mmk-pooled-vs-split-2/pooled/seed-42/results.json")))
        .isEqualTo(Files.readAllBytes(dir.resolve(
            "reports/mmk-pooled-vs-split/pooled/seed-42/results.json")));
  }

  @Test
  void interruptedSweep_stillWritesWhatFinished() throws Exception {
    planted();
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-jar", JarProcess.jar().toAbsolutePath().toString(), "sweep",
        "planted-failure.json", "--seeds", "1..100000", "--jobs", "2");
    Path err = dir.resolve("err.txt");
    Process p = new ProcessBuilder(cmd).directory(dir.toFile())
        .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(err.toFile()).start();
    // Wait until some runs have finished (the sweep has started), then interrupt it the way a
    // terminal's Ctrl-C or a CI timeout does: a signal that runs the JVM's shutdown hooks.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.readString(err).contains("sweeping") && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    Thread.sleep(3000);
    p.destroy();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    Path report = dir.resolve("reports/planted-failure-sweep/sweep.json");
    assertThat(report).as(Files.readString(err)).exists();
    JsonNode json = JSON.readTree(report.toFile());
    assertThat(json.get("interrupted").asBoolean()).isTrue();
    assertThat(json.get("finished").asInt()).isPositive().isLessThan(100000);
    assertThat(Files.readAllLines(dir.resolve("reports/planted-failure-sweep/sweep.csv")))
        .hasSize(json.get("finished").asInt() + 1);
    assertThat(Files.readString(err)).contains("interrupted").doesNotContain("\tat ");
  }
}
