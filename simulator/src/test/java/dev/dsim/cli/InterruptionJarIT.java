package dev.dsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Ctrl-C, a polite kill and {@code kill -9} leave behind, and what two commands running at
 * once do, through the real jar in separate JVMs: an interrupted command writes a report of what
 * finished, marked interrupted in every file, and exits 130; a killed one leaves only hidden
 * leftovers that the next command removes; two commands never write into the same directory.
 */
final class InterruptionJarIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  /** A started dsim, its output going to files in the test's directory. */
  private record Started(Process process, Path out, Path err) {
    String errText() throws IOException {
      return Files.readString(err, StandardCharsets.UTF_8);
    }

    int waitFor() throws InterruptedException {
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("dsim ended").isTrue();
      return process.exitValue();
    }
  }

  private Started start(String name, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
        "java").toString(), "-jar", JarProcess.jar().toAbsolutePath().toString()));
    cmd.addAll(List.of(args));
    Path out = dir.resolve(name + ".out");
    Path err = dir.resolve(name + ".err");
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile())
        .redirectError(err.toFile()).start();
    return new Started(p, out, err);
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private static boolean exists(Path p) {
    return Files.exists(p);
  }

  /** Hidden entries under {@code root}, but the directory lock that stays there. */
  private List<String> hiddenUnder(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith(".") && !n.equals(".dsim-lock")).toList();
    }
  }

  private Path mmk() {
    return JarProcess.repo().resolve("scenarios/mmk-pooled-vs-split.json");
  }

  @Test
  void interruptedCompare_writesWhatFinished_markedInterrupted_exit130() throws Exception {
    Started s = start("compare", "compare", mmk().toString(), "--seeds", "1..2000",
        "--jobs", "2", "--set", "duration=10m");
    Path claim = dir.resolve("reports/.mmk-pooled-vs-split-compare.dsim-staging");
    await(() -> exists(claim), "the comparison to start");
    Thread.sleep(3000); // Some runs finish (a 10-minute run takes well under a second).
    s.process().destroy(); // SIGTERM, as a CI timeout or kill sends it; Ctrl-C is SIGINT.
    assertThat(s.waitFor()).as(s.errText()).isEqualTo(130);
    assertThat(s.errText()).contains("interrupted").doesNotContain("\tat ", "internal error");
    Path report = dir.resolve("reports/mmk-pooled-vs-split-compare");
    JsonNode json = JSON.readTree(report.resolve("comparison.json").toFile());
    assertThat(json.get("interrupted").asBoolean()).isTrue();
    assertThat(json.get("plannedRuns").asInt()).isEqualTo(6000);
    int finished = json.get("finishedRuns").asInt();
    assertThat(finished).isPositive().isLessThan(6000);
    assertThat(json.get("seeds").size()).isLessThan(2000);
    long perVariantTotal = 0;
    for (JsonNode n : json.get("seedsPerVariant")) {
      perVariantTotal += n.asLong();
    }
    assertThat(perVariantTotal).isEqualTo(finished);
    if (!json.get("equalSeeds").asBoolean()) {
      for (JsonNode m : json.get("metrics")) {
        assertThat(m.get("winner").isNull()).as(m.get("metric").asText()).isTrue();
      }
    }
    assertThat(Files.readString(report.resolve("index.html"))).contains("Interrupted:");
    JsonNode manifest = JSON.readTree(report.resolve("dsim-run.json").toFile());
    assertThat(manifest.get("complete").asBoolean()).isFalse();
    assertThat(manifest.get("interrupted").asBoolean()).isTrue();
    try (Stream<Path> runs = Files.walk(report.resolve("runs"))) {
      assertThat(runs.filter(p -> p.endsWith("results.json")).count()).isEqualTo(finished);
    }
    assertThat(hiddenUnder(dir.resolve("reports"))).isEmpty();
  }

  /** A scenario whose first variant takes a moment and whose second takes minutes. */
  private void quickThenSlow() throws IOException {
    Files.writeString(dir.resolve("two.json"), """
        {"name": "two", "duration": "1m", "clients": {"rate": 200},
         "tiers": {"web": {"kind": "stateless", "cores": 4,
                           "work": {"dist": "exponential", "mean": "10ms"}}},
         "variants": {"quick": {}, "slow": {"duration": "200h"}}}
        """);
  }

  private Started runQuickThenSlow(String name) throws Exception {
    quickThenSlow();
    Started s = start(name, "run", "two.json");
    Path firstDone = dir.resolve("reports/.two.dsim-staging/report/quick/seed-1/results.json");
    await(() -> exists(firstDone), "the first run to finish");
    return s;
  }

  @Test
  void interruptedRun_keepsTheRunsThatFinished_andLeavesNoStaging() throws Exception {
    Started s = runQuickThenSlow("run");
    s.process().destroy();
    assertThat(s.waitFor()).as(s.errText()).isEqualTo(130);
    assertThat(s.errText()).contains("interrupted: 1 of 2 runs finished")
        .doesNotContain("\tat ");
    Path report = dir.resolve("reports/two");
    assertThat(report.resolve("quick/seed-1/results.json")).exists();
    assertThat(report.resolve("slow")).doesNotExist();
    assertThat(Files.readString(report.resolve("index.html"))).contains("Interrupted: 1 of 2");
    assertThat(JSON.readTree(report.resolve("dsim-run.json").toFile()).get("complete")
        .asBoolean()).isFalse();
    assertThat(hiddenUnder(dir.resolve("reports"))).isEmpty();
  }

  @Test
  void interruptedDatasetSweep_keepsEveryFinishedRunAsALine_inJobOrder() throws Exception {
    Started s = start("dataset", "sweep", mmk().toString(), "--seeds", "1..5000", "--jobs",
        "2", "--set", "duration=10m", "--variant", "pooled", "--dataset");
    Path claim = dir.resolve("reports/.mmk-pooled-vs-split-sweep.dsim-staging");
    await(() -> exists(claim), "the sweep to start");
    Thread.sleep(2000);
    s.process().destroy(); // SIGTERM
    assertThat(s.waitFor()).as(s.errText()).isEqualTo(130);
    assertThat(s.errText()).contains("interrupted").doesNotContain("\tat ", "internal error");
    Path report = dir.resolve("reports/mmk-pooled-vs-split-sweep");
    JsonNode json = JSON.readTree(report.resolve("sweep.json").toFile());
    assertThat(json.get("interrupted").asBoolean()).isTrue();
    int finished = json.get("finished").asInt();
    assertThat(finished).isPositive().isLessThan(5000);
    List<String> lines = Files.readAllLines(report.resolve("runs.jsonl"));
    assertThat(lines).hasSize(finished + json.get("errors").asInt());
    long last = 0;
    for (String line : lines) {
      long seed = JSON.readTree(line).get("seed").asLong();
      assertThat(seed).isGreaterThan(last);
      last = seed;
    }
    assertThat(JSON.readTree(report.resolve("dsim-run.json").toFile()).get("complete")
        .asBoolean()).isFalse();
    assertThat(hiddenUnder(dir.resolve("reports"))).isEmpty();
  }

  @Test
  void ctrlC_isSigint_andDoesTheSame() throws Exception {
    Started s = start("sweep", "sweep", mmk().toString(), "--seeds", "1..5000", "--jobs", "2",
        "--set", "duration=10m", "--variant", "pooled");
    Path claim = dir.resolve("reports/.mmk-pooled-vs-split-sweep.dsim-staging");
    await(() -> exists(claim), "the sweep to start");
    Assumptions.assumeFalse(ignoresSigint(s.process().pid()),
        "this test's JVM was started with SIGINT ignored (a background job), so dsim's is too");
    Thread.sleep(2000);
    Process kill = new ProcessBuilder("kill", "-INT", Long.toString(s.process().pid()))
        .inheritIO().start();
    assertThat(kill.waitFor()).isZero();
    assertThat(s.waitFor()).as(s.errText()).isEqualTo(130);
    JsonNode json = JSON.readTree(dir.resolve("reports/mmk-pooled-vs-split-sweep/sweep.json")
        .toFile());
    assertThat(json.get("interrupted").asBoolean()).isTrue();
    assertThat(Files.readString(dir.resolve("reports/mmk-pooled-vs-split-sweep/index.html")))
        .contains("Interrupted:");
  }

  /** Whether SIGINT (bit 2) is in the process's ignored-signal mask (Linux /proc). */
  private static boolean ignoresSigint(long pid) throws IOException {
    Path status = Path.of("/proc", Long.toString(pid), "status");
    if (!Files.exists(status)) {
      return false;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("SigIgn:")) {
        return (Long.parseLong(line.substring(7).trim(), 16) & 2) != 0;
      }
    }
    return false;
  }

  @Test
  void killNine_leavesOnlyHiddenLeftovers_thatTheNextCommandRemoves() throws Exception {
    Started s = runQuickThenSlow("killed");
    s.process().destroyForcibly(); // kill -9: no handler runs
    s.waitFor();
    assertThat(dir.resolve("reports/two")).doesNotExist();
    assertThat(hiddenUnder(dir.resolve("reports"))).contains(".two.dsim-staging");
    JarProcess.Result next = JarProcess.run(dir, "run", mmk().toString(), "--variant", "pooled",
        "--set", "duration=5m", "--no-charts");
    assertThat(next.exitCode()).as(next.err()).isZero();
    assertThat(hiddenUnder(dir.resolve("reports"))).isEmpty();
  }

  @Test
  void twoCommandsAtOnce_neverShareAReport() throws Exception {
    String[] run = {"run", mmk().toString(), "--variant", "pooled", "--set", "duration=20m",
        "--no-charts"};
    Started a = start("a", run);
    Started b = start("b", run);
    assertThat(a.waitFor()).as(a.errText()).isZero();
    assertThat(b.waitFor()).as(b.errText()).isZero();
    assertThat(dir.resolve("reports/mmk-pooled-vs-split/pooled/seed-42/results.json"))
        .exists();
    assertThat(dir.resolve("reports/mmk-pooled-vs-split-2/pooled/seed-42/results.json"))
        .exists();

    List<String> out = new ArrayList<>(List.of(run));
    out.addAll(List.of("--out", "same"));
    Started c = start("c", out.toArray(String[]::new));
    Started d = start("d", out.toArray(String[]::new));
    int codeC = c.waitFor();
    int codeD = d.waitFor();
    // Either one refuses (the other holds the directory) or they ran one after the other and
    // the second found the first's report; never do both claim to have written it.
    assertThat(List.of(codeC, codeD)).containsExactlyInAnyOrder(0, 2);
    String refused = codeC == 2 ? c.errText() : d.errText();
    assertThat(refused).containsAnyOf("another dsim command is writing", "already holds files");
    assertThat(dir.resolve("same/pooled/seed-42/results.json")).exists();
  }
}
