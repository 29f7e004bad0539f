package dev.dsim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dsim.run.RunOptions;
import dev.dsim.run.RunResult;
import dev.dsim.run.Runner;
import dev.dsim.scenario.Scenario;
import dev.dsim.scenario.ScenarioFile;
import dev.dsim.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Compare honours {@code expect}: a variant that fails its expectations is never named the
 * cost winner, however cheap; the pass rates get exact binomial intervals inside [0, 1].
 */
final class ExpectationsMetTest {
  /** One node at 80% load (mean latency about 40 ms) against four at 20% (about 10 ms). */
  private static final String SCENARIO = """
      {"name": "sizing", "duration": "20s", "warmup": "2s", "seed": 1,
       "clients": {"rate": 100},
       "tiers": {"app": {"kind": "stateless", "nodes": 1,
                         "work": {"dist": "exponential", "mean": "8ms"}}},
       "expect": {"latencyMs.mean": "< 20"},
       "variants": {"one-node": {}, "four-nodes": {"tiers": {"app": {"nodes": 4}}}}}""";

  @Test
  void aVariantFailingItsExpectations_neverWinsCost() throws Exception {
    Comparison c = Comparison.of(groups(SCENARIO, 3));
    Comparison.Row cost = row(c, Comparison.COST);
    // one-node is the cheaper by far, and its interval overlaps nothing: it would win.
    assertThat(cost.stats().get(0).mean()).isLessThan(cost.stats().get(1).mean());
    assertThat(cost.winner()).isEqualTo("four-nodes");
    assertThat(cost.barred()).containsExactly("one-node");
    assertThat(cost.verdict()).contains("one-node failed expectations");
    ExpectationsMet met = c.expectations();
    assertThat(met.any()).isTrue();
    assertThat(met.variants()).extracting(ExpectationsMet.Variant::met).containsExactly(0, 3);
    assertThat(met.cheapest()).isEqualTo("four-nodes");
    assertThat(ComparisonReport.table(c)).contains("cheapest variant meeting every expectation"
        + " in at least 100% of seeds: four-nodes").contains("below the 100% required");
    assertThat(ComparisonReport.json(c, List.of("sizing.json"), List.of(1L, 2L, 3L),
        List.of(), new ComparisonReport.Coverage(6, false)))
        .contains("\"cheapestMeetingExpectations\" : \"four-nodes\"")
        .contains("\"notEligible\" : [ \"one-node\" ]");
    assertThat(ComparisonReport.verdict(c)).isEqualTo("Cheapest meeting every expectation in "
        + "100% of its seeds: four-nodes. one-node is the cheapest and as available as any "
        + "(100%).");
    assertThat(ComparisonReport.table(c)).startsWith(ComparisonReport.verdict(c) + "\n");
    // Latency is still won on its merits: the rule is about cost.
    assertThat(row(c, "latencyMs.mean").barred()).isEmpty();
  }

  @Test
  void whenNoVariantMeetsThem_noneIsCheapest_andCostHasNoWinner() throws Exception {
    Comparison c = Comparison.of(groups(SCENARIO.replace("< 20", "< 1"), 2));
    assertThat(c.expectations().cheapest()).isNull();
    Comparison.Row cost = row(c, Comparison.COST);
    assertThat(cost.winner()).isNull();
    assertThat(cost.verdict()).startsWith("none: no variant met its expectations");
    assertThat(ComparisonReport.cheapestSentence(c.expectations())).endsWith(
        "none (lower the bar with --require, or change the variants)");
  }

  @Test
  void withoutExpectations_nothingIsBarred() throws Exception {
    Comparison c = Comparison.of(groups(SCENARIO.replace(
        "\"expect\": {\"latencyMs.mean\": \"< 20\"},", ""), 2));
    assertThat(c.expectations().any()).isFalse();
    assertThat(row(c, Comparison.COST).winner()).isEqualTo("one-node");
    assertThat(ComparisonReport.table(c)).doesNotContain("expectation met");
  }

  @Test
  void requireLowersTheBar() throws Exception {
    // A bar between one-node's second and third best seeds: two of its four meet it.
    double[] means = groups(SCENARIO, 4).get(0).runs().stream()
        .mapToDouble(r -> r.latencyMs().mean()).sorted().toArray();
    String bar = String.valueOf((means[1] + means[2]) / 2);
    List<Comparison.Group> g = groups(SCENARIO.replace("< 20", "< " + bar), 4);
    int met = ExpectationsMet.of(g, 1.0).variants().get(0).met();
    assertThat(met).isEqualTo(2);
    assertThat(ExpectationsMet.of(g, 1.0).eligible("one-node")).isFalse();
    assertThat(ExpectationsMet.of(g, met / 4.0).eligible("one-node")).isTrue();
    assertThat(ExpectationsMet.of(g, met / 4.0).cheapest()).isEqualTo("one-node");
  }

  @Test
  void clopperPearson_matchesTheTables_andStaysInZeroOne() {
    double[] none = ExpectationsMet.interval(0, 10);
    assertThat(none[0]).isZero();
    assertThat(none[1]).isCloseTo(0.3085, within(1e-4));
    double[] all = ExpectationsMet.interval(10, 10);
    assertThat(all[0]).isCloseTo(0.6915, within(1e-4));
    assertThat(all[1]).isEqualTo(1.0);
    double[] half = ExpectationsMet.interval(5, 10);
    assertThat(half[0]).isCloseTo(0.1871, within(1e-4));
    assertThat(half[1]).isCloseTo(0.8129, within(1e-4));
  }

  private static Comparison.Row row(Comparison c, String metric) {
    return c.rows().stream().filter(r -> r.metric().name().equals(metric)).findFirst()
        .orElseThrow();
  }

  private static List<Comparison.Group> groups(String json, int seeds) throws Exception {
    ScenarioFile f = ScenarioLoader.parse("sizing.json", json);
    List<Comparison.Group> out = new ArrayList<>();
    for (String v : f.variantNames()) {
      Scenario s = f.resolve(v);
      List<RunResult> runs = new ArrayList<>();
      for (long seed = 1; seed <= seeds; seed++) {
        runs.add(Runner.run(s, seed, RunOptions.defaults()).result());
      }
      out.add(new Comparison.Group(v, runs));
    }
    return out;
  }
}
