package dev.dsim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dsim.scenario.Scenario;
import dev.dsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * Quorum availability against the binomial formula. Five replicas crash independently (mttf 40m,
 * mttr 10m: each is up with probability p = 0.8); an operation needs 3 of them, so the store
 * should be available with probability P(at least 3 of 5 up) = Σ_{k=3..5} C(5,k) p^k (1-p)^(5-k)
 * = 0.94208. Failure detection takes seconds against outages of minutes, so the simulation should
 * agree within sampling error: six runs of two simulated days each.
 */
final class QuorumAvailabilityTest {
  private static final String SCENARIO = """
      {"name": "quorum-availability", "duration": "2d", "warmup": "1h",
       "clients": {"rate": 2, "reads": 0.5, "keys": 100, "timeout": "1s"},
       "loadBalancer": {"healthCheck": {"interval": "1s", "timeout": "2s"}},
       "tiers": {"db": {"kind": "kv", "nodes": 5, "replication": 5, "shards": 1,
                        "readQuorum": 3, "writeQuorum": 3, "timeout": "200ms",
                        "heartbeat": {"interval": "1s", "timeout": "2s"}}},
       "faults": {"random": {"crash": {"mttf": "40m", "mttr": "10m", "targets": "db",
                                       "maxDown": 5}}}}""";

  static double atLeast(int q, int n, double p) {
    double sum = 0;
    for (int k = q; k <= n; k++) {
      sum += binomial(n, k) * Math.pow(p, k) * Math.pow(1 - p, n - k);
    }
    return sum;
  }

  private static double binomial(int n, int k) {
    double c = 1;
    for (int i = 1; i <= k; i++) {
      c = c * (n - k + i) / i;
    }
    return c;
  }

  @Test
  void binomialFormula_isRight() {
    assertThat(atLeast(3, 5, 0.8)).isCloseTo(0.94208, within(1e-9));
    assertThat(atLeast(1, 3, 0.5)).isCloseTo(0.875, within(1e-12));
  }

  @Test
  void majorityQuorum_isAvailableAsOftenAsAMajorityIsUp() throws Exception {
    Scenario s = ScenarioLoader.parse("quorum.json", SCENARIO).resolve(null);
    // dsim explain's model says the same (approximately: health checks take a moment).
    dev.dsim.run.theory.Prediction p = availability(s);
    assertThat(p.value()).isCloseTo(atLeast(3, 5, 0.8), within(1e-9));
    assertThat(p.exact()).isFalse();
    double sum = 0;
    int runs = 6;
    for (int seed = 1; seed <= runs; seed++) {
      RunResult r = Runner.run(s, seed, RunOptions.defaults()).result();
      sum += r.availability();
      assertThat(r.consistency().staleReads()).as("R + W > N: no stale reads").isZero();
    }
    // Seed-to-seed spread is about 1.6%; the mean of six is within 1.5% of the formula.
    assertThat(sum / runs).isCloseTo(atLeast(3, 5, 40.0 / 50), within(0.015));
  }

  /**
   * Without health checks the balancer keeps sending a crashed node its share, and that node
   * coordinates: the request needs its coordinator up and two of the other four replicas,
   * a · P(at least 2 of 4 up) = 0.8 · 0.97280 = 0.77824, well below the plain 3-of-5.
   */
  @Test
  void withoutHealthChecks_theCoordinatorTermCounts() throws Exception {
    Scenario s = ScenarioLoader.parse("quorum.json", SCENARIO.replace(
        "\"loadBalancer\": {\"healthCheck\": {\"interval\": \"1s\", \"timeout\": \"2s\"}},",
        "")).resolve(null);
    assertThat(s.loadBalancer().healthCheck()).isNull();
    dev.dsim.run.theory.Prediction p = availability(s);
    double expected = 0.8 * atLeast(2, 4, 0.8);
    assertThat(p.value()).isCloseTo(expected, within(1e-9));
    assertThat(p.exact()).isTrue();
    assertThat(p.model()).contains("coordinator term");
    double sum = 0;
    int runs = 6;
    for (int seed = 1; seed <= runs; seed++) {
      sum += Runner.run(s, seed, RunOptions.defaults()).result().availability();
    }
    assertThat(sum / runs).isCloseTo(expected, within(0.015));
  }

  private static dev.dsim.run.theory.Prediction availability(Scenario s) {
    return dev.dsim.run.theory.ScenarioTheory.of(s).predictions().stream()
        .filter(x -> x.metric().equals("availability")).findFirst().orElseThrow();
  }

  /**
   * Through a stateless tier: four web nodes without health checks call a three-way replicated
   * store (quorums of two) with two tries per request, while any two of the seven nodes may be
   * down at once. The model (web node up, a live coordinator within the tries, two of three
   * replicas up, over the crash nemesis's chain) is an approximation only in where the second
   * try lands; four runs of two simulated days agree with it within 1.5%.
   */
  @Test
  void throughAStatelessTier_theTriesAndTheChainCount() throws Exception {
    Scenario s = ScenarioLoader.parse("web-kv.json", """
        {"name": "web-kv-crashes", "duration": "2d", "warmup": "1h",
         "clients": {"rate": 5, "reads": 0.5, "keys": 100, "timeout": "1s"},
         "tiers": {
           "web": {"kind": "stateless", "nodes": 4, "work": "2ms", "calls": "db",
                   "callTimeout": "400ms"},
           "db": {"kind": "kv", "nodes": 3, "replication": 3, "readQuorum": 2,
                  "writeQuorum": 2, "timeout": "200ms",
                  "heartbeat": {"interval": "1s", "timeout": "2s"}}},
         "faults": {"random": {"crash": {"mttf": "40m", "mttr": "10m",
                                         "targets": ["web", "db"], "maxDown": 2}}}}""")
        .resolve(null);
    dev.dsim.run.theory.Prediction p = availability(s);
    assertThat(p.assumptions()).anyMatch(a -> a.contains("2 tries per request"));
    // Not a plain product: the web node (0.846 up) and 2 of 3 replicas, coupled by maxDown.
    assertThat(p.value()).isBetween(0.7, 0.85);
    double sum = 0;
    int runs = 4;
    for (int seed = 1; seed <= runs; seed++) {
      sum += Runner.run(s, seed, RunOptions.defaults()).result().availability();
    }
    assertThat(sum / runs).isCloseTo(p.value(), within(0.015));
  }
}
