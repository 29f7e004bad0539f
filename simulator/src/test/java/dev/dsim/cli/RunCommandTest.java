package dev.dsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class RunCommandTest {
  private static final String SCENARIO = """
      {"name": "tiny", "seed": 3, "duration": "10s", "warmup": "1s",
       "clients": {"rate": 200, "timeout": "1s"},
       "tiers": {"web": {"kind": "stateless", "nodes": 2, "cores": 2, "work": "5ms"}},
       "variants": {"small": {}, "big": {"tiers": {"web": {"nodes": 4}}}}}
      """;

  @TempDir
  Path dir;

  private Path scenario() throws Exception {
    Path f = dir.resolve("tiny.json");
    Files.writeString(f, SCENARIO);
    return f;
  }

  @Test
  void run_writesResultsPerVariantAndPrintsSummary() throws Exception {
    Path out = dir.resolve("out");
    CliRunner.Result r = CliRunner.run("run", scenario().toString(), "--out", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(out.resolve("small/seed-3/results.json")).exists();
    assertThat(out.resolve("big/seed-3/results.json")).exists();
    assertThat(r.out()).contains("variant", "traceHash", "small", "big", "events/s");
    String json = Files.readString(out.resolve("big/seed-3/results.json"));
    assertThat(json).contains("\"scenario\" : \"tiny\"", "\"variant\" : \"big\"",
        "\"seed\" : 3", "\"traceHash\"", "\"availability\"", "\"p999\"");
  }

  @Test
  void run_sameSeedTwice_printsSameHashAndWritesIdenticalResults() throws Exception {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    CliRunner.Result first = CliRunner.run("run", scenario().toString(), "--variant", "small",
        "--seed", "9", "--out", a.toString());
    CliRunner.Result second = CliRunner.run("run", scenario().toString(), "--variant", "small",
        "--seed", "9", "--out", b.toString());
    assertThat(hash(first.out())).isEqualTo(hash(second.out()));
    assertThat(Files.readAllBytes(a.resolve("small/seed-9/results.json")))
        .isEqualTo(Files.readAllBytes(b.resolve("small/seed-9/results.json")));
    CliRunner.Result other = CliRunner.run("run", scenario().toString(), "--variant", "small",
        "--seed", "10", "--out", dir.resolve("c").toString());
    assertThat(hash(other.out())).isNotEqualTo(hash(first.out()));
  }

  @Test
  void run_traceWritesOneJsonLinePerEvent() throws Exception {
    Path trace = dir.resolve("trace.jsonl");
    CliRunner.Result r = CliRunner.run("run", scenario().toString(), "--variant", "small",
        "--out", dir.resolve("o").toString(), "--trace", trace.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    var lines = Files.readAllLines(trace);
    String json = Files.readString(dir.resolve("o/small/seed-3/results.json"));
    Matcher m = Pattern.compile("\"events\" : (\\d+)").matcher(json);
    assertThat(m.find()).isTrue();
    // One line per fired event, plus the trace records written while they fired (a message
    // sent or dropped, a client operation...), which are not events.
    java.util.Set<String> records = java.util.Set.of("send", "drop", "crash", "restart",
        "struck", "healed", "op-invoke", "op-complete", "log");
    assertThat(lines.stream().filter(l -> !records.contains(
        l.replaceFirst("^.*?\"kind\":\"([^\"]*)\".*$", "$1"))))
        .hasSize(Integer.parseInt(m.group(1)));
    assertThat(lines).anyMatch(l -> l.contains("\"kind\":\"send\""));
    assertThat(lines.get(0)).startsWith("{\"t\":").contains("\"kind\":\"timer\"",
        "\"node\":\"client-1\"");
    assertThat(lines).anyMatch(l -> l.contains("\"kind\":\"deliver\"")
        && l.contains("\"node\":\"web-2\""));
  }

  @Test
  void run_unknownVariant_isBadInputNamingTheVariants() throws Exception {
    CliRunner.Result r = CliRunner.run("run", scenario().toString(), "--variant", "bigg",
        "--out", dir.resolve("o").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("bigg", "big");
    assertThat(dir.resolve("o")).doesNotExist();
  }

  @Test
  void run_missingFile_isBadInput() {
    CliRunner.Result r = CliRunner.run("run", dir.resolve("nope.json").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("nope.json");
  }

  @Test
  void noCommand_isUsageError() {
    CliRunner.Result r = CliRunner.run();
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("dsim run");
  }

  @Test
  void eventLimit_estimatedBeyondIt_isRefusedUpFrontWithTheEstimate() throws Exception {
    CliRunner.Result r = CliRunner.run("run", scenario().toString(), "--variant", "small",
        "--max-events", "1000", "--out", dir.resolve("o").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("would be too large", "events", "--max-events 1000");
    assertThat(r.err()).doesNotContain("Exception");
    assertThat(dir.resolve("o")).doesNotExist();
  }

  @Test
  void eventLimit_reachedWhileRunning_failsTheRunWithAHintAndWritesNothing() throws Exception {
    // Retries the estimate does not foresee: every request times out and is tried six times.
    Path storm = dir.resolve("storm.json");
    Files.writeString(storm, """
        {"name": "retry-storm", "seed": 3, "duration": "10s",
         "clients": {"rate": 200, "timeout": "2ms", "retries": 5, "backoff": {"base": "1ms"}},
         "tiers": {"web": {"kind": "stateless", "nodes": 1, "cores": 1, "work": "4ms"}}}
        """);
    CliRunner.Result r = CliRunner.run("run", storm.toString(), "--max-events", "20000",
        "--out", dir.resolve("o").toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("event limit of 20000", "--max-events", "nothing was written");
    assertThat(r.err()).doesNotContain("Exception");
    assertThat(dir.resolve("o")).doesNotExist();
  }

  static String hash(String out) {
    Matcher m = Pattern.compile("\\b([0-9a-f]{16})\\b").matcher(out);
    assertThat(m.find()).as(out).isTrue();
    return m.group(1);
  }
}
