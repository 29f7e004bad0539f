package dev.dsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A linearizability violation leads to its picture: results.json gives the core's operations and
 * window, and replaying that window draws the core's operations in red on the space-time
 * diagram.
 */
final class LinearizabilityDiagramTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void aRunReport_holdsTheViolationsDiagram_andLinksIt() throws Exception {
    String scenario = Path.of("..", "scenarios", "quorums-vs-linearizability.json").toString();
    Path out = dir.resolve("report");
    CliRunner.Result run = CliRunner.run("run", scenario, "--variant", "quorum-reads", "--out",
        out.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    Path page = out.resolve("quorum-reads/seed-11/violation.html");
    assertThat(page).exists();
    assertThat(Files.readString(page)).contains("violating)").doesNotContain("(0 violating)");
    assertThat(out.resolve("quorum-reads/seed-11/violation.jsonl")).exists();
    assertThat(Files.readString(out.resolve("index.html")))
        .contains("href=\"quorum-reads/seed-11/violation.html\"");
    // A linearizable run has none.
    CliRunner.Result ok = CliRunner.run("run", scenario, "--variant", "write-back-reads",
        "--out", dir.resolve("ok").toString());
    assertThat(ok.exitCode()).as(ok.err()).isZero();
    assertThat(dir.resolve("ok/write-back-reads/seed-11/violation.html")).doesNotExist();
  }

  @Test
  void aStaleRead_getsItsDiagramToo() throws Exception {
    String scenario = Path.of("..", "scenarios", "quorums-under-partition.json").toString();
    Path out = dir.resolve("stale");
    CliRunner.Result run = CliRunner.run("run", scenario, "--variant", "quorum-1-of-3", "--out",
        out.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    Path page = out.resolve("quorum-1-of-3/seed-5/violation.html");
    assertThat(page).exists();
    assertThat(Files.readString(page)).doesNotContain("(0 violating)");
    assertThat(Files.readString(out.resolve("index.html")))
        .contains("quorum-1-of-3/seed-5/violation.html");
  }

  @Test
  void theViolationsWindow_replayed_highlightsItsCore() throws Exception {
    String scenario = Path.of("..", "scenarios", "quorums-vs-linearizability.json").toString();
    CliRunner.Result run = CliRunner.run("run", scenario, "--variant", "quorum-reads",
        "--no-charts", "--out", dir.resolve("r").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode lin = JSON.readTree(dir.resolve("r/quorum-reads/seed-11/results.json").toFile())
        .path("consistency").path("linearizability");
    int core = lin.path("core").size();
    assertThat(core).isGreaterThanOrEqualTo(2);
    double from = lin.path("fromSeconds").asDouble();
    double to = lin.path("toSeconds").asDouble();
    assertThat(from).isLessThan(to);

    Path trace = dir.resolve("w.jsonl");
    CliRunner.Result replay = CliRunner.run("replay", scenario, "--variant", "quorum-reads",
        "--seed", "11", "--from", (Math.floor(from * 1000) / 1000) + "s",
        "--to", (Math.ceil(to * 1000) / 1000) + "s", "--trace", trace.toString());
    assertThat(replay.out() + replay.err()).contains("space-time diagram");
    String html = Files.readString(dir.resolve("w.html"));
    assertThat(html).contains("(" + core + " violating)");
  }
}
