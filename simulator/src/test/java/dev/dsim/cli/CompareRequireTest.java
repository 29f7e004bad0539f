package dev.dsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compare --require}: the share is read as a percentage or a fraction; bad ones are exit 2. */
final class CompareRequireTest {
  private static final String HEALTH = Path.of("..", "scenarios", "health-checks.json")
      .toString();

  @TempDir
  Path dir;

  @Test
  void require_namesTheCheapestVariantMeetingTheExpectations() {
    CliRunner.Result r = CliRunner.run("compare", HEALTH, "--seeds", "2", "--set",
        "duration=30s", "--require", "50%", "--no-charts", "--out", dir.toString());
    assertThat(r.exitCode()).as(r.err()).isIn(0, 1);
    assertThat(r.out()).contains("every expectation met, per variant")
        .contains("cheapest variant meeting every expectation in at least 50% of seeds: ");
  }

  @Test
  void badShares_areBadInput() {
    for (String bad : new String[] {"150%", "0", "lots"}) {
      CliRunner.Result r = CliRunner.run("compare", HEALTH, "--require", bad);
      assertThat(r.exitCode()).as(bad).isEqualTo(2);
      assertThat(r.err()).as(bad).contains("is not a share").doesNotContain("Exception");
    }
    assertThat(Share.parse("95%")).isEqualTo(0.95);
    assertThat(Share.parse("0.95")).isEqualTo(0.95);
  }
}
