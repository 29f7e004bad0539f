package dev.dsim.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsim.scenario.Scenario;
import dev.dsim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The up-front size estimate is only useful if it is roughly right: within a factor of two of
 * the events the run really fires, on shipped scenarios of each shape (one stateless tier,
 * health checks, web + kv, a replicated store under faults, a closed loop).
 */
final class RunEstimateTest {
  static Stream<Arguments> scenarios() {
    return Stream.of(
        Arguments.of("mmk-pooled-vs-split", "pooled"),
        Arguments.of("health-checks", "health-checks"),
        Arguments.of("web-kv", null),
        Arguments.of("replication-vs-wipe", "replication-3"),
        Arguments.of("sharding", null),
        Arguments.of("load-balancer-policies", "round-robin"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("scenarios")
  void estimate_isWithinAFactorOfTwoOfTheRealRun(String name, String variant) throws Exception {
    var file = ScenarioLoader.load(Path.of("..", "scenarios", name + ".json"));
    String v = variant != null ? variant
        : file.variantNames().isEmpty() ? null : file.variantNames().get(0);
    Scenario s = file.resolve(v);
    RunEstimate e = RunEstimate.of(s);
    long actual = Runner.run(s, s.seed(), RunOptions.defaults()).result().simulated().events();
    assertThat(e.events()).as("%s: estimated %s, fired %d", name, e.describe(), actual)
        .isBetween(actual / 2.0, actual * 2.0);
    assertThat(e.nodes()).isEqualTo(s.nodeNames().size());
  }
}
