package dev.dsim.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsim.scenario.Scenario;
import dev.dsim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The up-front size estimate is only useful if it is roughly right: within a factor of two of
 * the events the run really fires, on shipped scenarios of each shape (one stateless tier,
 * health checks, web + kv, a replicated store under faults, a closed loop), and on small
 * scenarios where work on timers dominates (periodic fsync, heartbeats, health checks, random
 * faults, static nodes provisioning their files).
 */
final class RunEstimateTest {
  static Stream<Arguments> scenarios() {
    return Stream.of(
        Arguments.of("mmk-pooled-vs-split", "pooled"),
        Arguments.of("health-checks", "health-checks"),
        Arguments.of("web-kv", null),
        Arguments.of("replication-vs-wipe", "replication-3"),
        Arguments.of("swim-failure-detection", "swim"),
        Arguments.of("sharding", null),
        Arguments.of("load-balancer-policies", "round-robin"),
        Arguments.of("fsync-durability", null),
        Arguments.of("random-nemesis", null),
        Arguments.of("disk-faults", null));
  }

  /** Small systems whose events are almost all periodic, each kind on its own. */
  static Stream<Arguments> periodic() {
    return Stream.of(
        Arguments.of("fsync every 10ms, no load", """
            {"name": "p", "duration": "60s",
             "tiers": {"db": {"kind": "kv", "nodes": 3, "fsync": "10ms"}}}"""),
        Arguments.of("heartbeats among 20 replicas", """
            {"name": "p", "duration": "20s", "tiers": {"db": {"kind": "kv", "nodes": 20,
             "heartbeat": {"interval": "10ms", "timeout": "50ms"}}}}"""),
        Arguments.of("SWIM among 50 replicas", """
            {"name": "p", "duration": "20s", "tiers": {"db": {"kind": "kv", "nodes": 50,
             "swim": {"period": "10ms", "probeTimeout": "2ms"}}}}"""),
        Arguments.of("two balancers health-checking 10 nodes", """
            {"name": "p", "duration": "60s", "clients": {"rate": 1},
             "loadBalancer": {"nodes": 2, "healthCheck": {"interval": "10ms", "timeout": "50ms"}},
             "tiers": {"web": {"kind": "stateless", "nodes": 10, "work": "1ms"}}}"""),
        Arguments.of("random crashes every second, no timeout", """
            {"name": "p", "duration": "600s", "clients": {"rate": 1},
             "tiers": {"web": {"kind": "stateless", "nodes": 10, "work": "1ms"}},
             "faults": {"random": {"crash": {"mttf": "1s", "mttr": "1s", "maxDown": 10}}}}"""),
        Arguments.of("a busy nemesis", """
            {"name": "p", "duration": "600s", "clients": {"rate": 1},
             "tiers": {"web": {"kind": "stateless", "nodes": 10, "work": "1ms"}},
             "faults": {"random": {"slow": {"rate": 20, "for": "10ms", "factor": 2},
                                   "corrupt": {"rate": 20, "blocks": 1},
                                   "partition": {"rate": 5, "for": "10ms"}}}}"""),
        Arguments.of("a store crashing under heartbeats", """
            {"name": "p", "duration": "300s", "clients": {"rate": 20, "keys": 2000},
             "tiers": {"db": {"kind": "kv", "nodes": 3,
                              "heartbeat": {"interval": "100ms", "timeout": "500ms"}}},
             "faults": {"random": {"crash": {"mttf": "10s", "mttr": "2s"}}}}"""),
        Arguments.of("static nodes writing their files", """
            {"name": "p", "duration": "10s", "clients": {"rate": 1},
             "tiers": {"web": {"kind": "static", "nodes": 20, "files": 2000, "work": "1ms"}}}"""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("periodic")
  void periodicWork_isEstimatedWithinAFactorOfTwo(String label, String json) throws Exception {
    Scenario s = ScenarioLoader.parse("periodic.json", json).resolve(null);
    RunEstimate e = RunEstimate.of(s);
    long actual = Runner.run(s, s.seed(), RunOptions.defaults()).result().simulated().events();
    assertThat(e.events()).as("%s: estimated %s, fired %d", label, e.describe(), actual)
        .isBetween(actual / 2.0, actual * 2.0);
  }

  @Test
  void tenMillisecondFsyncOverTenThousandDays_isBeyondTheDefaultBound() throws Exception {
    // Issue 12: this was not refused, since the estimate counted requests only.
    Scenario s = ScenarioLoader.parse("fsync.json", """
        {"name": "p", "duration": "10000d", "clients": {"rate": 0.001},
         "tiers": {"db": {"kind": "kv", "nodes": 3, "fsync": "10ms"}}}""").resolve(null);
    assertThat(RunEstimate.of(s).events()).isGreaterThan(RunOptions.DEFAULT_MAX_EVENTS);
  }

  @Test
  void storeOfManyKeys_needsTheirHeap_butNotPerNode() throws Exception {
    // Each replica keeps (version, value) of the keys it holds, and each holds the keys' blocks:
    // 10 M keys x 3 replicas of 1 KiB values is some 65 GB, on 10 nodes as on 10,000.
    String json = """
        {"name": "p", "duration": "1s", "clients": {"rate": 1, "keys": 10000000},
         "tiers": {"db": {"kind": "kv", "nodes": %d}}}""";
    double few = RunEstimate.of(ScenarioLoader.parse("keys.json", json.formatted(10))
        .resolve(null)).bytes();
    double many = RunEstimate.of(ScenarioLoader.parse("keys.json", json.formatted(10_000))
        .resolve(null)).bytes();
    assertThat(few).isGreaterThan(3e10);
    assertThat(many).isBetween(few, few * 1.01);
  }

  @Test
  void heartbeatsAmongManyKvNodes_costHeapSquared() throws Exception {
    String json = """
        {"name": "p", "duration": "1s", "clients": {"rate": 1, "keys": 1000},
         "tiers": {"db": {"kind": "kv", "nodes": 10000,
                          "heartbeat": {"interval": "1s", "timeout": "3s"}}}}""";
    assertThat(RunEstimate.of(ScenarioLoader.parse("hb.json", json).resolve(null)).bytes())
        .isGreaterThan(1e10);
  }

  @Test
  void swimAmongManyKvNodes_fitsWhereHeartbeatsDoNot() throws Exception {
    String json = """
        {"name": "p", "duration": "1s", "clients": {"rate": 1, "keys": 1000},
         "tiers": {"db": {"kind": "kv", "nodes": 10000, "swim": {"period": "1s"}}}}""";
    // One int per member per node: 400 MB, where heartbeats' detectors and messages take 10 GB.
    assertThat(RunEstimate.of(ScenarioLoader.parse("swim.json", json).resolve(null)).bytes())
        .isBetween(3e8, 1.5e9);
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
