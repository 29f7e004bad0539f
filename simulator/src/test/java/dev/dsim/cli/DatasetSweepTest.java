package dev.dsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsim.report.SweepDataset;
import dev.dsim.report.SweepTally;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dsim sweep --dataset}: the runs streamed to runs.jsonl in job order, the same summary
 * as a sweep that keeps every run (and the same again when computed from the file), only the
 * first --keep-failing failing runs kept whole, the same files whatever --jobs is.
 */
final class DatasetSweepTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void aDatasetSweep_summarisesAsAFullSweep_andItsDatasetGivesTheSummaryBack() throws Exception {
    String leaky = SwarmSweepTest.LEAKY.toString();
    CliRunner.Result full = CliRunner.run("sweep", leaky, "--seeds", "1..20", "--swarm",
        "--jobs", "2", "--no-charts", "--out", dir.resolve("full").toString());
    CliRunner.Result data = CliRunner.run("sweep", leaky, "--seeds", "1..20", "--swarm",
        "--jobs", "2", "--dataset", "--keep-failing", "2", "--out",
        dir.resolve("data").toString());
    assertThat(full.exitCode()).as(full.err()).isEqualTo(1);
    assertThat(data.exitCode()).as(data.err()).isEqualTo(1);

    Path runs = dir.resolve("data").resolve(SweepDataset.FILE);
    SweepTally fromFile = SweepDataset.tally(runs);
    // The swarm tally is part of the summary: the same from the file as from the runs.
    assertThat(fromFile.summary()).contains("swarm testing");
    assertThat(data.out()).startsWith(fromFile.summary());
    assertThat(full.out()).startsWith(fromFile.summary());

    JsonNode sweep = JSON.readTree(dir.resolve("full/sweep.json").toFile());
    List<String> lines = Files.readAllLines(runs);
    assertThat(lines).hasSize(20);
    int failing = 0;
    for (int i = 0; i < 20; i++) {
      JsonNode line = JSON.readTree(lines.get(i));
      JsonNode run = sweep.get("runs").get(i);
      assertThat(line.get("seed").asLong()).isEqualTo(i + 1);
      assertThat(line.get("traceHash")).isEqualTo(run.get("traceHash"));
      assertThat(line.get("ok")).isEqualTo(run.get("ok"));
      if (!line.get("ok").asBoolean()) {
        failing++;
        assertThat(line.get("replay").asText()).contains("replay", "--seed " + (i + 1),
            "--expect-hash " + line.get("traceHash").asText());
        assertThat(line.get("failedExpectations")).isNotEmpty();
      }
    }
    assertThat(failing).isGreaterThan(2).isEqualTo(sweep.get("failing").size());

    JsonNode summary = JSON.readTree(dir.resolve("data/sweep.json").toFile());
    assertThat(summary.has("runs")).isFalse();
    assertThat(summary.get("dataset").asText()).isEqualTo(SweepDataset.FILE);
    assertThat(summary.get("failingRuns").asInt()).isEqualTo(failing);
    assertThat(summary.get("swarm")).isEqualTo(sweep.get("swarm"));
    // The first two failing runs kept whole, exactly as the full sweep wrote them.
    assertThat(summary.get("failing")).hasSize(2);
    for (int i = 0; i < 2; i++) {
      JsonNode kept = summary.get("failing").get(i);
      assertThat(kept).isEqualTo(sweep.get("failing").get(i));
      assertThat(Files.readString(dir.resolve("data").resolve(kept.get("results").asText())))
          .isEqualTo(Files.readString(dir.resolve("full").resolve(kept.get("results")
              .asText())));
    }
    assertThat(resultsFiles(dir.resolve("data"))).isEqualTo(2);
    assertThat(dir.resolve("data/sweep.csv")).doesNotExist();
    assertThat(data.out()).contains(failing + " failing runs; the first 2 kept whole",
        "… and " + (failing - 2) + " more, each with its replay command in runs.jsonl");
    assertThat(Files.readString(dir.resolve("data/index.html")))
        .contains(fromFile.verdict(), "runs.jsonl", "The first 2 of " + failing);
  }

  @Test
  void aDatasetSweep_writesTheSameFiles_whateverJobsIs() throws Exception {
    String planted = CliCommandsTest.PLANTED.toString();
    for (String jobs : List.of("1", "2")) {
      CliRunner.Result r = CliRunner.run("sweep", planted, "--seeds", "1..12", "--dataset",
          "--jobs", jobs, "--keep-failing", "1", "--out", dir.resolve("j" + jobs).toString());
      assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    }
    for (String f : List.of(SweepDataset.FILE, "sweep.json", "index.html")) {
      assertThat(Files.readString(dir.resolve("j2").resolve(f)))
          .isEqualTo(Files.readString(dir.resolve("j1").resolve(f)));
    }
  }

  @Test
  void aLoadSweepAsADataset_writesTheSameLoadTable() throws Exception {
    String planted = CliCommandsTest.PLANTED.toString();
    CliRunner.Result full = CliRunner.run("sweep", planted, "--seeds", "1..5", "--loads",
        "20,40", "--no-charts", "--out", dir.resolve("full").toString());
    CliRunner.Result data = CliRunner.run("sweep", planted, "--seeds", "1..5", "--loads",
        "20,40", "--dataset", "--no-charts", "--out", dir.resolve("data").toString());
    assertThat(data.exitCode()).as(data.err()).isEqualTo(full.exitCode());
    assertThat(Files.readString(dir.resolve("data/loads.csv")))
        .isEqualTo(Files.readString(dir.resolve("full/loads.csv")));
    assertThat(SweepDataset.tally(dir.resolve("data").resolve(SweepDataset.FILE)).loadsCsv())
        .isEqualTo(Files.readString(dir.resolve("full/loads.csv")));
  }

  @Test
  void summary_ofASweepSplitBySeeds_isTheWholeSweepsSummary() throws Exception {
    String planted = CliCommandsTest.PLANTED.toString();
    CliRunner.Result whole = CliRunner.run("sweep", planted, "--seeds", "1..8", "--dataset",
        "--no-charts", "--out", dir.resolve("whole").toString());
    for (String[] half : new String[][] {{"a", "1..4"}, {"b", "5..8"}}) {
      assertThat(CliRunner.run("sweep", planted, "--seeds", half[1], "--dataset", "--no-charts",
          "--out", dir.resolve(half[0]).toString()).exitCode()).isIn(0, 1);
    }
    String a = dir.resolve("a/runs.jsonl").toString();
    String b = dir.resolve("b/runs.jsonl").toString();
    CliRunner.Result merged = CliRunner.run("summary", a, b);
    SweepTally t = SweepDataset.tally(dir.resolve("whole/runs.jsonl"));
    assertThat(merged.exitCode()).as(merged.err()).isEqualTo(whole.exitCode());
    assertThat(merged.out()).isEqualTo(t.summary() + "\n" + t.verdict() + "\n");
    assertThat(whole.out()).startsWith(t.summary());
    assertThat(CliRunner.run("summary", "--csv", a, b).out()).isEqualTo(t.loadsCsv());

    CliRunner.Result twice = CliRunner.run("summary", a, a);
    assertThat(twice.exitCode()).isEqualTo(2);
    assertThat(twice.err()).contains("seed 1 is there twice", "hint:");
  }

  @Test
  void summary_ofABadLine_namesItsFileLineAndField() throws Exception {
    Path good = dir.resolve("good.jsonl");
    CliRunner.run("sweep", CliCommandsTest.PLANTED.toString(), "--seeds", "1..2", "--dataset",
        "--no-charts", "--out", dir.resolve("s").toString());
    String first = Files.readAllLines(dir.resolve("s/runs.jsonl")).get(0);
    Files.writeString(good, first + "\n{\"variant\": \"base\", \"ok\": true}\n");
    CliRunner.Result missing = CliRunner.run("summary", good.toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains(good + ":2:1: at $.seed: missing \"seed\"", "hint:")
        .doesNotContain("\tat ");

    Path broken = dir.resolve("broken.jsonl");
    Files.writeString(broken, first.substring(0, 30) + "\n");
    CliRunner.Result notJson = CliRunner.run("summary", broken.toString());
    assertThat(notJson.exitCode()).isEqualTo(2);
    assertThat(notJson.err()).contains(broken + ":1:", "not JSON", "hint:");

    CliRunner.Result absent = CliRunner.run("summary", dir.resolve("none.jsonl").toString());
    assertThat(absent.exitCode()).isEqualTo(2);
    assertThat(absent.err()).contains("none.jsonl").doesNotContain("\tat ");
  }

  @Test
  void aDatasetOfAGrid_isBadInput() {
    CliRunner.Result r = CliRunner.run("sweep", CliCommandsTest.PLANTED.toString(), "--seeds",
        "1..2", "--dataset", "--param", "tiers.app.nodes=1,2", "--out",
        dir.resolve("g").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--dataset and --param cannot be combined", "hint:");
    assertThat(dir.resolve("g")).doesNotExist();
  }

  private static long resultsFiles(Path root) throws Exception {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.getFileName().toString().equals("results.json")).count();
    }
  }
}
