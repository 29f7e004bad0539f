package dev.dsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dsim validate} refuses what {@code dsim run} refuses before running (a run estimated
 * beyond --max-events or the heap), and a hostile count is one located error, exit 2, with no
 * stack trace (issue 12).
 */
final class ValidateLimitsTest {
  @TempDir
  Path dir;

  private Path write(String json) throws Exception {
    Path f = dir.resolve("big.json");
    Files.writeString(f, json);
    return f;
  }

  private static void assertRefused(CliRunner.Result r, String... words) {
    assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains("big.json").contains(words);
    assertThat(r.err()).doesNotContain("Exception", "\tat ");
    assertThat(r.out()).doesNotContain("ok ");
  }

  @Test
  void tenMillisecondFsyncOverTenThousandDays_isRefusedByValidateAndRun() throws Exception {
    Path f = write("""
        {"name": "forever", "duration": "10000d", "clients": {"rate": 0.001},
         "tiers": {"db": {"kind": "kv", "nodes": 3, "fsync": "10ms"}}}""");
    assertRefused(CliRunner.run("validate", f.toString()), "would be too large",
        "--max-events");
    CliRunner.Result run = CliRunner.run("run", f.toString(), "--no-charts", "--out",
        dir.resolve("out").toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains("would be too large");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void validate_takesTheSameEventBoundAsRun() throws Exception {
    Path f = write("""
        {"name": "small", "duration": "10s", "clients": {"rate": 100},
         "tiers": {"web": {"kind": "stateless", "work": "1ms"}}}""");
    assertThat(CliRunner.run("validate", f.toString()).exitCode()).isZero();
    assertRefused(CliRunner.run("validate", f.toString(), "--max-events", "1000"),
        "beyond --max-events 1000");
  }

  @Test
  void hundredMillionNodes_isOneLocatedError() throws Exception {
    Path f = write("""
        {"name": "x", "duration": "1s", "clients": {"rate": 1},
         "tiers": {"web": {"kind": "stateless", "nodes": 100000000, "work": "1ms"}}}""");
    CliRunner.Result r = CliRunner.run("validate", f.toString());
    assertRefused(r, "big.json:2:", "tiers.web.nodes", "at most 100,000 nodes");
  }

  @Test
  void aStoreThatCannotFitInTheHeap_isRefused() throws Exception {
    Path f = write("""
        {"name": "x", "duration": "1s", "clients": {"rate": 1, "keys": 10000000},
         "tiers": {"db": {"kind": "kv", "nodes": 10000}}}""");
    assertRefused(CliRunner.run("validate", f.toString()), "would not fit in memory");
  }
}
