package dev.dsim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dsim.run.RunResult;
import org.junit.jupiter.api.Test;

/** The statistics behind {@code dsim compare}: Student t intervals and the winner rule. */
final class ComparisonTest {
  @Test
  void tQuantiles_matchTheTables() {
    assertThat(Comparison.tQuantile(1)).isCloseTo(12.706, within(1e-3));
    assertThat(Comparison.tQuantile(4)).isCloseTo(2.776, within(1e-3));
    assertThat(Comparison.tQuantile(9)).isCloseTo(2.262, within(1e-3));
    assertThat(Comparison.tQuantile(1000)).isCloseTo(1.962, within(1e-3));
  }

  @Test
  void stat_meanStdDevAndInterval() {
    Comparison.Stat s = Comparison.stat(new double[] {2, 4, 4, 4, 5, 5, 7, 9});
    assertThat(s.n()).isEqualTo(8);
    assertThat(s.mean()).isEqualTo(5.0);
    assertThat(s.stdDev()).isCloseTo(2.138, within(1e-3)); // sample sd, n - 1
    double half = 2.365 * 2.138 / Math.sqrt(8);
    assertThat(s.ciLow()).isCloseTo(5 - half, within(1e-2));
    assertThat(s.ciHigh()).isCloseTo(5 + half, within(1e-2));
  }

  @Test
  void stat_ofOneRun_hasNoInterval() {
    Comparison.Stat s = Comparison.stat(new double[] {3});
    assertThat(s.hasInterval()).isFalse();
    assertThat(s.mean()).isEqualTo(3);
  }

  @Test
  void overlappingIntervals_haveNoWinner_separateOnesDo() {
    Comparison.Metric lower = new Comparison.Metric("latencyMs.mean", Comparison.Better.LOWER);
    Comparison.Stat a = Comparison.stat(new double[] {10, 11, 12});
    Comparison.Stat b = Comparison.stat(new double[] {20, 21, 22});
    Comparison.Stat c = Comparison.stat(new double[] {11, 12, 13});
    var clear = Comparison.row(lower, java.util.List.of("a", "b"), java.util.List.of(a, b));
    assertThat(clear.winner()).isEqualTo("a");
    assertThat(clear.verdict()).isEqualTo("a");
    var close = Comparison.row(lower, java.util.List.of("a", "b", "c"),
        java.util.List.of(a, b, c));
    assertThat(close.winner()).isNull();
    assertThat(close.tied()).containsExactly("a", "c");
    assertThat(close.verdict()).isEqualTo("none (a ~ c)");
    Comparison.Metric higher = new Comparison.Metric("throughput", Comparison.Better.HIGHER);
    assertThat(Comparison.row(higher, java.util.List.of("a", "b"), java.util.List.of(a, b))
        .winner()).isEqualTo("b");
  }

  @Test
  void unequalSeedCounts_nameNoWinner_evenWhereIntervalsAreApart() throws Exception {
    java.util.List<RunResult> fast = runs("1ms", 3);
    java.util.List<RunResult> slow = runs("20ms", 3);
    Comparison c = Comparison.of(java.util.List.of(new Comparison.Group("a", fast),
        new Comparison.Group("b", slow.subList(0, 2))));
    assertThat(c.equalSeeds()).isFalse();
    for (Comparison.Row row : c.rows()) {
      assertThat(row.winner()).as(row.metric().name()).isNull();
      assertThat(row.verdict()).isEqualTo("none (unequal seed counts)");
    }
    assertThat(ComparisonReport.seedsText(c)).isEqualTo("unequal seed counts (a: 3, b: 2)");
    assertThat(ComparisonReport.table(c)).contains("none across unequal seed counts");
    Comparison equal = Comparison.of(java.util.List.of(new Comparison.Group("a", fast),
        new Comparison.Group("b", slow)));
    assertThat(equal.equalSeeds()).isTrue();
    assertThat(equal.rows().stream().filter(r -> r.metric().name().equals("latencyMs.mean"))
        .findFirst().orElseThrow().winner()).isEqualTo("a");
    Comparison missingVariant = Comparison.of(java.util.List.of(
        new Comparison.Group("a", fast)), 2);
    assertThat(missingVariant.equalSeeds()).isFalse();
  }

  /** {@code n} seeds of a one-node tier whose requests take {@code work} each. */
  private static java.util.List<RunResult> runs(String work, int n) throws Exception {
    dev.dsim.scenario.Scenario s = dev.dsim.scenario.ScenarioLoader.parse("w.json",
        "{\"name\": \"w\", \"duration\": \"5s\", \"clients\": {\"rate\": 20}, "
            + "\"tiers\": {\"web\": {\"kind\": \"stateless\", \"work\": \"" + work
            + "\"}}}").resolve(null);
    java.util.List<RunResult> list = new java.util.ArrayList<>();
    for (long seed = 1; seed <= n; seed++) {
      list.add(dev.dsim.run.Runner.run(s, seed, dev.dsim.run.RunOptions.defaults()).result());
    }
    return list;
  }

  @Test
  void withError_roundsTheMeanToTheIntervalsPrecision() {
    assertThat(ComparisonReport.withError(17.4681, 0.867553)).isEqualTo("17.47 ± 0.87");
    assertThat(ComparisonReport.withError(49.1187, 5.484)).isEqualTo("49.1 ± 5.5");
    assertThat(ComparisonReport.withError(205.3, 80.2)).isEqualTo("205 ± 80");
  }

  @Test
  void shareIntervals_stayInsideZeroOne_whereStudentTLeavesIt() {
    double[] shares = {1.0, 1.0, 0.93, 1.0, 0.99};
    long[] requests = {6000, 6000, 6000, 6000, 6000};
    assertThat(Comparison.stat(shares).ciHigh()).as("Student t on raw shares").isGreaterThan(1);
    Comparison.Stat s = Comparison.proportionStat(shares, requests);
    assertThat(s.ciHigh()).isLessThanOrEqualTo(1);
    assertThat(s.ciLow()).isGreaterThanOrEqualTo(0).isLessThan(s.mean());
    assertThat(s.mean()).isCloseTo(0.984, within(1e-12)).isLessThanOrEqualTo(s.ciHigh());
    // Asymmetric: more room below the mean than above it, next to 100%.
    assertThat(s.mean() - s.ciLow()).isGreaterThan(s.ciHigh() - s.mean());
    // All seeds alike: the bare figure, no interval to draw.
    Comparison.Stat same = Comparison.proportionStat(new double[] {1, 1, 1}, new long[] {9, 9, 9});
    assertThat(same.ciLow()).isEqualTo(1.0);
    assertThat(same.ciHigh()).isEqualTo(1.0);
  }

  @Test
  void zeroVarianceFigures_arePrintedPlainly() {
    assertThat(ComparisonReport.withError(0.15, 0)).isEqualTo("0.15");
    assertThat(ComparisonReport.withError(0.3000014, 1e-17)).isEqualTo("0.300001");
  }
}
