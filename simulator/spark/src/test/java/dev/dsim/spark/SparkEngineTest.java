package dev.dsim.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.module.scala.DefaultScalaModule$;
import dev.dsim.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark engine gives the same report as the local one: a sweep (with failing seeds and
 * their replay commands), a sweep stopped after its first failure, and a comparison with its
 * charts, run locally and on {@code local[2]}, leave identical files, byte for byte.
 */
final class SparkEngineTest {
  private static final Path SCENARIOS = Path.of("..", "..", "scenarios");

  @TempDir
  Path dir;

  @Test
  void aSweep_onSpark_writesTheLocalSweepsFiles() throws Exception {
    String[] sweep = {"sweep", SCENARIOS.resolve("health-checks.json").toString(), "--seeds",
        "5", "--no-progress", "--no-charts"};
    Path local = run(sweep, "local", 1);
    Path spark = run(sweep, "spark", 1, "--engine", "spark", "--master", "local[2]");
    assertThat(filesOf(spark)).isEqualTo(filesOf(local));
    // The slow-node variant fails its expectation: its seeds come back with their replays.
    assertThat(Files.readString(spark.resolve("sweep.json"))).contains("replay");
    assertThat(filesOf(spark).keySet()).anyMatch(f -> f.startsWith("failing/slow-node/"));
  }

  @Test
  void aSweepStoppedAtItsFirstFailure_onSpark_keepsTheSameRuns() throws Exception {
    String[] sweep = {"sweep", SCENARIOS.resolve("health-checks.json").toString(), "--seeds",
        "12", "--stop-after", "2", "--no-progress", "--no-charts"};
    Path local = run(sweep, "local", 1);
    Path spark = run(sweep, "spark", 1, "--engine", "spark", "--master", "local[2]");
    assertThat(filesOf(spark)).isEqualTo(filesOf(local));
  }

  @Test
  void aComparison_onSpark_writesTheLocalComparisonsFiles_chartsIncluded() throws Exception {
    String[] compare = {"compare", SCENARIOS.resolve("mmk-pooled-vs-split.json").toString(),
        "--seeds", "3", "--no-progress"};
    Path local = run(compare, "local", 0);
    Path spark = run(compare, "spark", 0, "--engine", "spark", "--master", "local[2]");
    assertThat(filesOf(spark)).isEqualTo(filesOf(local));
    assertThat(filesOf(spark)).containsKeys("comparison.json", "index.html");
  }

  @Test
  void anAbort_keepsTheRunsThatFinished() throws Exception {
    var scenario = dev.dsim.scenario.ScenarioLoader.load(SCENARIOS.resolve("health-checks.json"))
        .resolve("health-checks");
    List<dev.dsim.run.ParallelRunner.Job> jobs = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      jobs.add(new dev.dsim.run.ParallelRunner.Job(scenario, i));
    }
    try (var runner = new SparkEngine().open("local[2]", dev.dsim.run.RunOptions.defaults())) {
      // Ctrl-C as soon as the first results are in: the job is cancelled, what came back stays.
      var outcomes = runner.run(jobs, r -> false, 0, (i, o, done, total) -> runner.abort());
      long finished = outcomes.stream().filter(dev.dsim.run.ParallelRunner.Outcome::finished)
          .count();
      assertThat(outcomes).hasSize(40);
      assertThat(finished).isBetween(1L, 39L);
      for (var o : outcomes) {
        if (o.finished()) {
          assertThat(o.run().result().seed()).isEqualTo(o.job().seed());
        }
      }
    }
  }

  @Test
  void aDatasetSweep_onSpark_writesTheLocalDataset_andKeepsTheSameFailingRuns() throws Exception {
    String[] sweep = {"sweep", SCENARIOS.resolve("health-checks.json").toString(), "--seeds",
        "6", "--dataset", "--keep-failing", "2", "--no-progress"};
    Path local = run(sweep, "local", 1);
    Path spark = run(sweep, "spark", 1, "--engine", "spark", "--master", "local[2]");
    assertThat(filesOf(spark)).isEqualTo(filesOf(local));
    List<String> lines = Files.readAllLines(spark.resolve("runs.jsonl"));
    assertThat(lines).hasSizeGreaterThanOrEqualTo(12);
    assertThat(lines).anyMatch(l -> l.contains("\"ok\":false") && l.contains("replay"));
    // Only the first two failing runs are kept whole; the others live in the dataset.
    assertThat(filesOf(spark).keySet().stream().filter(f -> f.endsWith("/results.json")))
        .hasSize(2);
  }

  @Test
  void aDatasetSweepStoppedAtItsSecondFailure_onSpark_streamsTheSameRuns() throws Exception {
    String[] sweep = {"sweep", SCENARIOS.resolve("health-checks.json").toString(), "--seeds",
        "12", "--dataset", "--stop-after", "2", "--no-progress", "--no-charts"};
    Path local = run(sweep, "local", 1);
    Path spark = run(sweep, "spark", 1, "--engine", "spark", "--master", "local[2]");
    assertThat(filesOf(spark)).isEqualTo(filesOf(local));
  }

  @Test
  void anAbortedStream_passesOnTheFinishedRuns_inJobOrder() throws Exception {
    var scenario = dev.dsim.scenario.ScenarioLoader.load(SCENARIOS.resolve("health-checks.json"))
        .resolve("health-checks");
    List<dev.dsim.run.ParallelRunner.Job> jobs = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      jobs.add(new dev.dsim.run.ParallelRunner.Job(scenario, i));
    }
    List<Integer> seen = new ArrayList<>();
    try (var runner = new SparkEngine().open("local[2]", dev.dsim.run.RunOptions.defaults())) {
      runner.stream(jobs, 0, 0, r -> {
        seen.add(r.index());
        assertThat(r.digest().traceHash()).isNotEmpty();
        assertThat(r.full()).isNull();
      }, (done, total, failing) -> runner.abort());
    }
    assertThat(seen).hasSizeBetween(1, 39).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void aMasterSparkCannotParse_isBadInput() throws Exception {
    int code = Main.execute("sweep", SCENARIOS.resolve("health-checks.json").toString(),
        "--seeds", "1", "--engine", "spark", "--master", "nowhere://x",
        "--out", dir.resolve("bad").toString());
    assertThat(code).isEqualTo(2);
    assertThat(dir.resolve("bad")).doesNotExist();
  }

  @Test
  void sparksJackson_isDsims_andItsScalaModuleAcceptsIt() {
    // jackson-module-scala refuses, when registered, a databind of another minor version.
    ObjectMapper mapper = new ObjectMapper().registerModule(DefaultScalaModule$.MODULE$);
    assertThat(mapper.version().toString()).isEqualTo(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString());
    assertThat(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION)
        .isEqualTo(mapper.version());
  }

  private Path run(String[] command, String name, int expectedCode, String... extra) {
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(List.of(extra));
    Path out = dir.resolve(name);
    args.add("--out");
    args.add(out.toString());
    assertThat(Main.execute(args.toArray(new String[0]))).as(String.join(" ", args))
        .isEqualTo(expectedCode);
    return out;
  }

  /** Every file under {@code root} by relative path, with its bytes. */
  private static TreeMap<String, String> filesOf(Path root) throws IOException {
    TreeMap<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        // Bytes (charts are images), as text to make a difference readable.
        files.put(root.relativize(p).toString().replace('\\', '/'),
            new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1));
      }
    }
    assertThat(files).isNotEmpty();
    return files;
  }
}
