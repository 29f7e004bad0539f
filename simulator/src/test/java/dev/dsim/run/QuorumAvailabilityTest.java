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
}
