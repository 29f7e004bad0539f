package dev.dsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare --precision}: seeds are added until every interval is narrow enough, or
 * {@code --max-seeds} is reached, and the run says which; its reproduce command names the
 * seeds it ended with.
 */
final class ComparePrecisionTest {
  private static final String MMK = Path.of("..", "scenarios", "mmk-pooled-vs-split.json")
      .toString();

  @TempDir
  Path dir;

  @Test
  void loosePrecision_isReachedAtOnce() {
    CliRunner.Result r = CliRunner.run("compare", MMK, "--set", "duration=1m", "--set", "warmup=5s", "--seeds", "3",
        "--precision", "50%", "--no-charts", "--out", dir.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).contains("precision reached after 3 seeds")
        .doesNotContain("adding");
  }

  @Test
  void tightPrecision_addsSeeds_upToTheMaximum_andSaysWhereItStopped() throws Exception {
    CliRunner.Result r = CliRunner.run("compare", MMK, "--set", "duration=1m", "--set", "warmup=5s", "--seeds", "2",
        "--precision", "latencyMs.mean=0.1%", "--max-seeds", "8", "--no-charts", "--out",
        dir.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).contains("adding 2 seeds to each of 3 variants, 4 in all")
        .contains("adding 4 seeds to each of 3 variants, 8 in all")
        .contains("stopped at --max-seeds 8 without the precision asked for: latencyMs.mean of ")
        .contains("(target 0.1%)");
    assertThat(r.out()).contains("over 8 seeds");
    var manifest = new ObjectMapper().readTree(dir.resolve("dsim-run.json").toFile());
    assertThat(manifest.path("reproduce").asText()).contains("--seeds 8")
        .doesNotContain("--precision");
    // comparison.json keeps the search: its targets, where it started and stopped, and why.
    var search = new ObjectMapper().readTree(dir.resolve("comparison.json").toFile())
        .path("precision");
    assertThat(search.path("targets").path("latencyMs.mean").asDouble()).isEqualTo(0.001);
    assertThat(search.path("startSeeds").asInt()).isEqualTo(2);
    assertThat(search.path("maxSeeds").asInt()).isEqualTo(8);
    assertThat(search.path("seeds").asInt()).isEqualTo(8);
    assertThat(search.path("reached").asBoolean()).isFalse();
    assertThat(search.path("widest").asText()).startsWith("latencyMs.mean of ");
  }

  @Test
  void badPrecision_isBadInput() {
    CliRunner.Result unknown = CliRunner.run("compare", MMK, "--precision", "latency=1%");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("no metric 'latency'").contains("latencyMs.p99");
    CliRunner.Result share = CliRunner.run("compare", MMK, "--precision", "200%");
    assertThat(share.exitCode()).isEqualTo(2);
    CliRunner.Result few = CliRunner.run("compare", MMK, "--precision", "1%", "--seeds", "20",
        "--max-seeds", "10");
    assertThat(few.exitCode()).isEqualTo(2);
    assertThat(few.err()).contains("--max-seeds 10 is fewer than the 20 seeds");
  }
}
