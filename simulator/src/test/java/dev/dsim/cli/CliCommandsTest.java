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
 * Each command of the CLI, in-process: happy paths and error paths, --set, --json, report
 * directories, compare's statistics, sweep's failing seeds and replay's proof of sameness.
 */
final class CliCommandsTest {
  static final Path PLANTED = Path.of("src/test/resources/cli/planted-failure.json");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TINY = """
      {"name": "tiny", "seed": 3, "duration": "10s", "warmup": "1s",
       "clients": {"rate": 200, "timeout": "1s"},
       "tiers": {"web": {"kind": "stateless", "nodes": 2, "cores": 1, "work": "8ms"}},
       "variants": {"small": {}, "big": {"tiers": {"web": {"nodes": 4}}}}}
      """;

  @TempDir
  Path dir;

  private Path tiny() throws Exception {
    Path f = dir.resolve("tiny.json");
    Files.writeString(f, TINY);
    return f;
  }

  // --- run: --set, --json, report directories ---

  @Test
  void set_overridesAValueInEveryVariant() throws Exception {
    Path out = dir.resolve("o");
    CliRunner.Result r = CliRunner.run("run", tiny().toString(), "--variant", "small",
        "--set", "tiers.web.nodes=3", "--set", "duration=5s", "--out", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode res = JSON.readTree(out.resolve("small/seed-3/results.json").toFile());
    assertThat(nodeNames(res)).contains("web-3").doesNotContain("web-4");
    assertThat(res.get("simulated").get("seconds").asDouble()).isBetween(5.0, 6.0);
    // The override wins over the variant's own patch too.
    CliRunner.Result big = CliRunner.run("run", tiny().toString(), "--variant", "big",
        "--set", "tiers.web.nodes=3", "--out", dir.resolve("o2").toString());
    assertThat(big.exitCode()).as(big.err()).isZero();
    assertThat(nodeNames(JSON.readTree(dir.resolve("o2/big/seed-3/results.json").toFile())))
        .contains("web-3").doesNotContain("web-4");
  }

  private static List<String> nodeNames(JsonNode results) {
    List<String> names = new ArrayList<>();
    results.get("nodes").forEach(n -> names.add(n.get("name").asText()));
    return names;
  }

  @Test
  void set_badPathsAndValues_areBadInputWithSuggestions_andWriteNothing() throws Exception {
    Path out = dir.resolve("o");
    CliRunner.Result r = CliRunner.run("run", tiny().toString(), "--set", "tiers.wbe.nodes=3",
        "--set", "tiers.web.nodez=3", "--out", out.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("tiers has no 'wbe'", "did you mean 'web'?");
    assertThat(out).doesNotExist();

    CliRunner.Result unknownKey = CliRunner.run("run", tiny().toString(), "--set",
        "tiers.web.nodez=3", "--out", out.toString());
    assertThat(unknownKey.exitCode()).isEqualTo(2);
    assertThat(unknownKey.err()).contains("nodez", "--set tiers.web.nodez=3", "nodes");

    CliRunner.Result badValue = CliRunner.run("run", tiny().toString(), "--set",
        "tiers.web.nodes=-1", "--out", out.toString());
    assertThat(badValue.exitCode()).isEqualTo(2);
    assertThat(badValue.err()).contains("at tiers.web.nodes (set by --set tiers.web.nodes=-1)");

    CliRunner.Result malformed = CliRunner.run("run", tiny().toString(), "--set", "nodes",
        "--out", out.toString());
    assertThat(malformed.exitCode()).isEqualTo(2);
    assertThat(malformed.err()).contains("expected PATH=VALUE");

    CliRunner.Result index = CliRunner.run("validate", tiny().toString(), "--set",
        "tiers.web.work[0]=1");
    assertThat(index.exitCode()).isEqualTo(2);
    assertThat(index.err()).contains("not a list");
    assertThat(r.err()).doesNotContain("Exception");
  }

  @Test
  void checkDeterminism_comparesTwoRunsAndWritesNothing() throws Exception {
    Path out = dir.resolve("o");
    CliRunner.Result r = CliRunner.run("run", tiny().toString(), "--check-determinism", "--out",
        out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("tiny (small), seed 3: deterministic: two runs fired the same")
        .contains("tiny (big), seed 3: deterministic");
    assertThat(out).doesNotExist();
  }

  @Test
  void json_printsTheResultsOfEveryRun() throws Exception {
    Path out = dir.resolve("o");
    CliRunner.Result r = CliRunner.run("run", tiny().toString(), "--json", "--out",
        out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode doc = JSON.readTree(r.out());
    assertThat(doc.get("runs")).hasSize(2);
    assertThat(doc.get("expectationsHold").asBoolean()).isTrue();
    JsonNode first = doc.get("runs").get(0);
    assertThat(first.get("variant").asText()).isEqualTo("small");
    JsonNode file = JSON.readTree(out.resolve("small/seed-3/results.json").toFile());
    assertThat(first.get("traceHash")).isEqualTo(file.get("traceHash"));
    assertThat(first.get("resultsFile").asText()).endsWith("small/seed-3/results.json");
  }

  @Test
  void reportDirectory_isNeverMixed_forceReplacesOnlyADsimReport() throws Exception {
    Path out = dir.resolve("o");
    assertThat(CliRunner.run("run", tiny().toString(), "--variant", "small", "--out",
        out.toString()).exitCode()).isZero();
    assertThat(out.resolve(dev.dsim.report.ReportDirectory.MANIFEST)).exists();
    byte[] before = Files.readAllBytes(out.resolve("small/seed-3/results.json"));

    CliRunner.Result again = CliRunner.run("run", tiny().toString(), "--variant", "big",
        "--out", out.toString());
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains("already holds files", "--force");
    assertThat(out.resolve("big")).doesNotExist();
    assertThat(Files.readAllBytes(out.resolve("small/seed-3/results.json"))).isEqualTo(before);

    CliRunner.Result forced = CliRunner.run("run", tiny().toString(), "--variant", "big",
        "--out", out.toString(), "--force");
    assertThat(forced.exitCode()).as(forced.err()).isZero();
    assertThat(out.resolve("big/seed-3/results.json")).exists();
    assertThat(out.resolve("small")).doesNotExist();

    Path foreign = dir.resolve("mine");
    Files.createDirectories(foreign);
    Files.writeString(foreign.resolve("notes.txt"), "precious");
    CliRunner.Result refused = CliRunner.run("run", tiny().toString(), "--out",
        foreign.toString(), "--force");
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("did not write");
    assertThat(foreign.resolve("notes.txt")).hasContent("precious");
    try (var s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".tmp") || n.contains(".dsim-staging"));
    }
  }

  @Test
  void run_severalFiles_writesOneReportEach_underOut() throws Exception {
    Path other = dir.resolve("other.json");
    Files.writeString(other, TINY.replace("\"tiny\"", "\"other\""));
    Path out = dir.resolve("many");
    CliRunner.Result r = CliRunner.run("run", tiny().toString(), other.toString(),
        "--variant", "small", "--out", out.toString(), "--no-charts");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(out.resolve("tiny/small/seed-3/results.json")).exists();
    assertThat(out.resolve("other/small/seed-3/results.json")).exists();
    assertThat(out.resolve("tiny/index.html")).doesNotExist();
    Path same = dir.resolve("same.json");
    Files.writeString(same, TINY);
    CliRunner.Result clash = CliRunner.run("run", tiny().toString(), same.toString(),
        "--out", dir.resolve("clash").toString());
    assertThat(clash.exitCode()).isEqualTo(2);
    assertThat(clash.err()).contains("same report");
  }

  @Test
  void estimate_refusesAnEnormousRunUpFront() throws Exception {
    CliRunner.Result r = CliRunner.run("run", tiny().toString(), "--set", "duration=1000d",
        "--set", "clients.rate=100000", "--out", dir.resolve("o").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("would be too large", "billion events", "--max-events");
    assertThat(dir.resolve("o")).doesNotExist();
  }

  // --- compare ---

  @Test
  void compare_meansAndIntervals_matchTheRunsAndAWinnerIsNamed() throws Exception {
    Path out = dir.resolve("cmp");
    CliRunner.Result r = CliRunner.run("compare", tiny().toString(), "--seeds", "5..8",
        "--jobs", "2", "--out", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("latencyMs.mean", "small", "big", "±", "winner");
    JsonNode c = JSON.readTree(out.resolve("comparison.json").toFile());
    assertThat(c.get("seeds")).hasSize(4);
    assertThat(c.get("runs")).hasSize(8);
    JsonNode mean = metric(c, "latencyMs.mean");
    // Four 1-core servers at 200 req/s x 8 ms are far less loaded than two: "big" wins clearly.
    assertThat(mean.get("winner").asText()).isEqualTo("big");
    // The mean is the mean of the runs' results.json.
    double sum = 0;
    for (long seed = 5; seed <= 8; seed++) {
      sum += JSON.readTree(out.resolve("runs/small/seed-" + seed + "/results.json").toFile())
          .get("latencyMs").get("mean").asDouble();
    }
    assertThat(mean.get("variants").get("small").get("mean").asDouble())
        .isCloseTo(sum / 4, org.assertj.core.data.Offset.offset(1e-4));
    JsonNode ci = mean.get("variants").get("small").get("ci95");
    assertThat(ci.get(0).asDouble()).isLessThan(sum / 4);
    assertThat(ci.get(1).asDouble()).isGreaterThan(sum / 4);
    // Throughput is the same offered load for both: the intervals overlap, no winner.
    assertThat(metric(c, "throughput").get("winner").isNull()).isTrue();
    List<String> csv = Files.readAllLines(out.resolve("comparison.csv"));
    assertThat(csv.get(0)).startsWith("metric,better,variant,n,mean");
    assertThat(csv).anyMatch(l -> l.startsWith("latencyMs.mean,lower,big,4,") && l.endsWith(",yes"));
  }

  @Test
  void compare_inParallel_writesExactlyWhatASerialCompareWrites() throws Exception {
    Path serial = dir.resolve("serial");
    Path parallel = dir.resolve("parallel");
    assertThat(CliRunner.run("compare", tiny().toString(), "--seeds", "3", "--jobs", "1",
        "--out", serial.toString()).exitCode()).isZero();
    assertThat(CliRunner.run("compare", tiny().toString(), "--seeds", "3", "--jobs", "3",
        "--out", parallel.toString()).exitCode()).isZero();
    for (String f : List.of("comparison.json", "comparison.csv",
        "runs/big/seed-4/results.json")) {
      assertThat(Files.readAllBytes(parallel.resolve(f))).as(f)
          .isEqualTo(Files.readAllBytes(serial.resolve(f)));
    }
  }

  @Test
  void compare_badSeedsAndJobs_areUsageErrors() throws Exception {
    CliRunner.Result r = CliRunner.run("compare", tiny().toString(), "--seeds", "9..3");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("empty", "low..high");
    CliRunner.Result j = CliRunner.run("compare", tiny().toString(), "--jobs", "0", "--out",
        dir.resolve("x").toString());
    assertThat(j.exitCode()).isEqualTo(2);
    assertThat(j.err()).contains("--jobs");
  }

  private static JsonNode metric(JsonNode comparison, String name) {
    for (JsonNode m : comparison.get("metrics")) {
      if (m.get("metric").asText().equals(name)) {
        return m;
      }
    }
    throw new AssertionError("no metric " + name);
  }

  // --- sweep and replay ---

  /** The seeds in [from, to] whose run of the planted scenario fails its expectation. */
  static List<Long> failingSeeds(long from, long to) throws Exception {
    Scenario s = ScenarioLoader.load(PLANTED).resolve(null);
    List<Long> failing = new ArrayList<>();
    for (long seed = from; seed <= to; seed++) {
      RunResult r = Runner.run(s, seed, RunOptions.defaults()).result();
      if (r.expectations().stream().anyMatch(e -> !e.ok())) {
        failing.add(seed);
      }
    }
    return failing;
  }

  static List<Long> seedsIn(String out, String regex) {
    List<Long> seeds = new ArrayList<>();
    Matcher m = Pattern.compile(regex).matcher(out);
    while (m.find()) {
      seeds.add(Long.parseLong(m.group(1)));
    }
    return seeds;
  }

  @Test
  void sweep_findsExactlyTheFailingSeeds_inParallelAsSerially() throws Exception {
    List<Long> expected = failingSeeds(1, 30);
    assertThat(expected).isNotEmpty().hasSizeLessThan(30);
    CliRunner.Result parallel = CliRunner.run("sweep", PLANTED.toString(), "--seeds", "1..30",
        "--jobs", "2", "--out", dir.resolve("p").toString());
    CliRunner.Result serial = CliRunner.run("sweep", PLANTED.toString(), "--seeds", "1..30",
        "--jobs", "1", "--out", dir.resolve("s").toString());
    assertThat(parallel.exitCode()).isEqualTo(1);
    assertThat(serial.exitCode()).isEqualTo(1);
    assertThat(seedsIn(parallel.out(), "--seed (\\d+) ")).isEqualTo(expected);
    assertThat(parallel.out()).isEqualTo(serial.out().replace(dir.resolve("s").toString(),
        dir.resolve("p").toString()));
    for (String f : List.of("sweep.json", "sweep.csv")) {
      assertThat(Files.readAllBytes(dir.resolve("p").resolve(f))).as(f)
          .isEqualTo(Files.readAllBytes(dir.resolve("s").resolve(f)));
    }
    assertThat(Files.readAllLines(dir.resolve("p/sweep.csv"))).hasSize(31);
    assertThat(dir.resolve("p/failing/base/seed-" + expected.get(0) + "/results.json"))
        .exists();
  }

  @Test
  void sweep_stopAfter_keepsTheFirstFailingSeedsInOrder_whateverTheJobs() throws Exception {
    List<Long> expected = failingSeeds(1, 30);
    assertThat(expected.size()).isGreaterThanOrEqualTo(2);
    CliRunner.Result r = CliRunner.run("sweep", PLANTED.toString(), "--seeds", "1..30",
        "--jobs", "2", "--stop-after", "2", "--out", dir.resolve("k").toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(seedsIn(r.out(), "--seed (\\d+) ")).isEqualTo(expected.subList(0, 2));
    assertThat(r.err()).contains("stopped after 2 failing runs");
  }

  @Test
  void sweep_noFailingSeed_exitsZero() throws Exception {
    CliRunner.Result r = CliRunner.run("sweep", PLANTED.toString(), "--seeds", "1..4",
        "--set", "faults={}", "--out", dir.resolve("ok").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("no failing seed among 4 runs");
  }

  @Test
  void sweep_loads_writesAThroughputAgainstLoadTable() throws Exception {
    CliRunner.Result r = CliRunner.run("sweep", tiny().toString(), "--seeds", "2",
        "--variant", "small", "--loads", "50,100..200:50", "--out", dir.resolve("l").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> loads = Files.readAllLines(dir.resolve("l/loads.csv"));
    assertThat(loads).hasSize(5);
    assertThat(loads.get(1)).startsWith("small,50,2,");
    assertThat(loads.get(4)).startsWith("small,200,2,");
    double low = Double.parseDouble(loads.get(1).split(",")[3]);
    double high = Double.parseDouble(loads.get(4).split(",")[3]);
    assertThat(high).isGreaterThan(3 * low);
    CliRunner.Result bad = CliRunner.run("sweep", tiny().toString(), "--seeds", "2",
        "--loads", "100..50:10");
    assertThat(bad.exitCode()).isEqualTo(2);
  }

  @Test
  void replay_reproducesTheSweepsHash_andWritesTheFilteredTrace() throws Exception {
    long seed = failingSeeds(1, 30).get(0);
    CliRunner.Result sweep = CliRunner.run("sweep", PLANTED.toString(), "--seeds",
        seed + ".." + seed, "--out", dir.resolve("s").toString());
    Matcher m = Pattern.compile("--expect-hash ([0-9a-f]{16})").matcher(sweep.out());
    assertThat(m.find()).as(sweep.out()).isTrue();
    String hash = m.group(1);
    Path trace = dir.resolve("t.jsonl");
    CliRunner.Result replay = CliRunner.run("replay", PLANTED.toString(), "--seed",
        Long.toString(seed), "--expect-hash", hash, "--trace", trace.toString(),
        "--from", "10s", "--to", "20s", "--node", "app-1");
    assertThat(replay.exitCode()).isEqualTo(1); // the expectation fails again, as it should
    assertThat(replay.out()).contains("traceHash " + hash + " (as expected");
    assertThat(replay.err()).contains("expectation failed").doesNotContain("MISMATCH");
    List<String> lines = Files.readAllLines(trace);
    assertThat(lines).isNotEmpty();
    for (String line : lines) {
      JsonNode e = JSON.readTree(line);
      assertThat(e.get("t").asLong()).isBetween(10_000_000_000L, 20_000_000_000L);
      assertThat(e.get("node").asText()).isEqualTo("app-1");
    }

    byte[] kept = Files.readAllBytes(trace);
    CliRunner.Result refused = CliRunner.run("replay", PLANTED.toString(), "--seed",
        Long.toString(seed + 1000), "--expect-hash", hash, "--trace", trace.toString());
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("already exists", "--force");
    assertThat(Files.readAllBytes(trace)).isEqualTo(kept);

    CliRunner.Result wrong = CliRunner.run("replay", PLANTED.toString(), "--seed",
        Long.toString(seed + 1000), "--expect-hash", hash, "--trace", trace.toString(),
        "--force");
    assertThat(wrong.exitCode()).isEqualTo(1);
    assertThat(wrong.err()).contains("TRACE HASH MISMATCH", hash);
    assertThat(Files.readAllBytes(trace)).isNotEqualTo(kept);
  }

  @Test
  void replay_windowPastTheEnd_saysSo_andWritesNoTrace() throws Exception {
    Path trace = dir.resolve("late.jsonl");
    CliRunner.Result r = CliRunner.run("replay", tiny().toString(), "--seed", "3",
        "--variant", "small", "--trace", trace.toString(), "--from", "100h");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains("no event matches", "from 100h", "the run's events span",
        "hint:");
    assertThat(trace).doesNotExist();
    try (var s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void replay_defaultTrace_neverOverwritesAnEarlierOne() throws Exception {
    Path replays = Files.createDirectories(dir.resolve("replays"));
    assertThat(ReplayCommand.freeName(replays, "tiny-small-seed-3", ".jsonl"))
        .isEqualTo(replays.resolve("tiny-small-seed-3.jsonl"));
    Files.writeString(replays.resolve("tiny-small-seed-3.jsonl"), "earlier");
    Files.writeString(replays.resolve("tiny-small-seed-3-2.jsonl"), "earlier");
    assertThat(ReplayCommand.freeName(replays, "tiny-small-seed-3", ".jsonl"))
        .isEqualTo(replays.resolve("tiny-small-seed-3-3.jsonl"));
  }

  @Test
  void replay_badArguments_areUsageErrors() throws Exception {
    CliRunner.Result noVariant = CliRunner.run("replay", tiny().toString(), "--seed", "1");
    assertThat(noVariant.exitCode()).isEqualTo(2);
    assertThat(noVariant.err()).contains("which variant?", "small, big");
    CliRunner.Result node = CliRunner.run("replay", tiny().toString(), "--seed", "1",
        "--variant", "small", "--node", "web-9");
    assertThat(node.exitCode()).isEqualTo(2);
    assertThat(node.err()).contains("no node named 'web-9'", "web-1, web-2");
    CliRunner.Result window = CliRunner.run("replay", tiny().toString(), "--seed", "1",
        "--variant", "small", "--from", "5s", "--to", "1s");
    assertThat(window.exitCode()).isEqualTo(2);
    CliRunner.Result time = CliRunner.run("replay", tiny().toString(), "--seed", "1",
        "--variant", "small", "--from", "soon");
    assertThat(time.exitCode()).isEqualTo(2);
    assertThat(time.err()).contains("--from");
  }

  // --- validate, schema, completion ---

  @Test
  void validate_reportsEveryErrorInEveryFile_withLineAndColumn() throws Exception {
    Path a = dir.resolve("a.json");
    Files.writeString(a, """
        {
          "name": "a",
          "duration": "-5s",
          "tiers": {"web": {"kind": "stateles", "nodes": 0, "work": "1ms"}}
        }
        """);
    Path b = dir.resolve("b.json");
    Files.writeString(b, "{\n  \"name\": \"b\",\n  \"duration\": \"1m\"\n  \"tiers\": {}\n}\n");
    CliRunner.Result r = CliRunner.run("validate", a.toString(), b.toString(),
        tiny().toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains(a + ":3:15: at duration", a + ":4:29: at tiers.web.kind",
        "did you mean \"stateless\"?", a + ":4:50: at tiers.web.nodes", b + ":4:3:",
        "invalid JSON");
    assertThat(r.err()).contains("in 2 of 3 files");
    assertThat(r.out()).contains("ok " + tiny());
  }

  @Test
  void validate_validFiles_exitZero() throws Exception {
    CliRunner.Result r = CliRunner.run("validate", tiny().toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("ok", "2 variants");
  }

  @Test
  void schema_printsTheJsonSchema() throws Exception {
    CliRunner.Result r = CliRunner.run("schema");
    assertThat(r.exitCode()).isZero();
    JsonNode schema = JSON.readTree(r.out());
    assertThat(schema.get("$schema").asText()).contains("json-schema.org");
    assertThat(schema.get("properties").has("tiers")).isTrue();
  }

  @Test
  void completion_scriptKnowsEveryCommand() {
    CliRunner.Result r = CliRunner.run("generate-completion");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("compare", "sweep", "replay", "validate", "schema",
        "--expect-hash");
  }

  @Test
  void everyCommand_hasHelp() {
    for (String c : List.of("run", "compare", "sweep", "replay", "validate", "schema")) {
      CliRunner.Result r = CliRunner.run(c, "--help");
      assertThat(r.exitCode()).as(c).isZero();
      assertThat(r.out()).as(c).contains("Usage: dsim " + c);
    }
  }
}
