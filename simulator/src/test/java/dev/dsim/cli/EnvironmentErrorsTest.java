package dev.dsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Errors the user's environment causes are told as such: exit 2, the path, a hint, no stack
 * trace and no "internal error"; files are never overwritten without {@code --force}; counts
 * that could not fit in memory are refused before anything runs.
 */
final class EnvironmentErrorsTest {
  private static final String TINY = """
      {"name": "tiny", "seed": 3, "duration": "5s",
       "clients": {"rate": 50},
       "tiers": {"web": {"kind": "stateless", "work": "2ms"}}}
      """;

  @TempDir
  Path dir;

  private Path tiny() throws Exception {
    return Files.writeString(dir.resolve("tiny.json"), TINY);
  }

  private static void assertEnvironmentError(CliRunner.Result r, String... words) {
    assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains("error: ", "hint: ").contains(words)
        .doesNotContain("internal error", "\tat ", "Exception");
  }

  private void assertNothingLeft() throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.contains(".dsim-staging") || n.endsWith(".tmp"));
    }
  }

  @Test
  void outUnderARegularFile() throws Exception {
    Path file = Files.writeString(dir.resolve("plain"), "x");
    for (String command : new String[] {"run", "compare", "sweep"}) {
      CliRunner.Result r = command.equals("run")
          ? CliRunner.run("run", tiny().toString(), "--out", file.resolve("out").toString())
          : CliRunner.run(command, tiny().toString(), "--seeds", "2", "--out",
              file.resolve("out").toString());
      assertEnvironmentError(r, file.toString());
    }
    assertThat(file).hasContent("x");
    assertNothingLeft();
  }

  @Test
  void outIsARegularFile() throws Exception {
    Path file = Files.writeString(dir.resolve("plain"), "x");
    assertEnvironmentError(CliRunner.run("run", tiny().toString(), "--out", file.toString()),
        "is a file, not a directory");
    assertThat(file).hasContent("x");
  }

  @Test
  void outUnderProc() throws Exception {
    Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "a Linux /proc");
    assertEnvironmentError(CliRunner.run("run", tiny().toString(), "--out",
        "/proc/dsim-test/out"), "/proc/dsim-test");
  }

  @Test
  void outInAReadOnlyDirectory() throws Exception {
    Path ro = Files.createDirectories(dir.resolve("ro"));
    Files.setPosixFilePermissions(ro, Set.of(java.nio.file.attribute.PosixFilePermission
        .OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE));
    try {
      Assumptions.assumeFalse(Files.isWritable(ro), "root may write anywhere");
      assertEnvironmentError(CliRunner.run("run", tiny().toString(), "--out",
          ro.resolve("out").toString()), ro.toString(), "permission denied");
    } finally {
      Files.setPosixFilePermissions(ro, java.nio.file.attribute.PosixFilePermissions
          .fromString("rwx------"));
    }
  }

  @Test
  void aNameLongerThanTheFileSystemAllows() throws Exception {
    Path out = dir.resolve("r".repeat(300));
    assertEnvironmentError(CliRunner.run("run", tiny().toString(), "--out", out.toString()),
        "shorten");
    assertNothingLeft();
  }

  @Test
  void traceIsNotOverwrittenWithoutForce() throws Exception {
    Path trace = Files.writeString(dir.resolve("trace.jsonl"), "mine");
    CliRunner.Result r = CliRunner.run("run", tiny().toString(), "--out",
        dir.resolve("o").toString(), "--trace", trace.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--trace " + trace + " already exists", "--force");
    assertThat(trace).hasContent("mine");
    assertThat(dir.resolve("o")).doesNotExist();
    CliRunner.Result forced = CliRunner.run("run", tiny().toString(), "--out",
        dir.resolve("o").toString(), "--trace", trace.toString(), "--force");
    assertThat(forced.exitCode()).as(forced.err()).isZero();
    assertThat(Files.readString(trace)).startsWith("{\"t\":");
  }

  @Test
  void seedsWhoseResultsCannotFitInMemory_areRefusedUpFront() throws Exception {
    long seeds = Runtime.getRuntime().maxMemory() / 4096; // >= 2x what half the heap holds
    CliRunner.Result r = CliRunner.run("sweep", tiny().toString(), "--seeds",
        "1.." + seeds, "--out", dir.resolve("s").toString());
    assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains(seeds + " runs would keep about", "fewer seeds", "-Xmx");
    assertThat(dir.resolve("s")).doesNotExist();
  }

  @Test
  void aLongSweep_saysHowLongItWillTake_beforeItStarts() throws Exception {
    dev.dsim.scenario.Scenario s = dev.dsim.scenario.ScenarioLoader.load(tiny()).resolve(null);
    java.util.List<dev.dsim.run.ParallelRunner.Job> jobs = new java.util.ArrayList<>();
    for (long seed = 1; seed <= 1_000_000; seed++) {
      jobs.add(new dev.dsim.run.ParallelRunner.Job(s, seed));
    }
    double one = dev.dsim.run.RunEstimate.of(s).wallSeconds();
    assertThat(Estimates.wallSeconds(jobs, 2)).isCloseTo(one * 500_000,
        org.assertj.core.data.Percentage.withPercentage(1e-6));
    assertThat(Estimates.total(jobs, 2)).startsWith(", about ").endsWith(" by the size estimate");
    CliRunner.Result r = CliRunner.run("sweep", tiny().toString(), "--seeds", "1..2",
        "--out", dir.resolve("s").toString());
    assertThat(r.err()).contains("sweeping 2 runs (2 at once");
  }
}
