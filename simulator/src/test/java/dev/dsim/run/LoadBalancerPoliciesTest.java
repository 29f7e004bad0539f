package dev.dsim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dsim.scenario.ScenarioFile;
import dev.dsim.scenario.ScenarioLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * scenarios/load-balancer-policies.json: the policy alone, with the same servers and load,
 * orders the latencies: least-outstanding < round-robin < random, and random is M/M/1 per server.
 */
final class LoadBalancerPoliciesTest {

  @Test
  void leastOutstanding_beatsRoundRobin_beatsRandom() throws Exception {
    ScenarioFile f = ScenarioLoader.load(Path.of("..", "scenarios",
        "load-balancer-policies.json"));
    RunResult random = run(f, "random");
    RunResult roundRobin = run(f, "round-robin");
    RunResult least = run(f, "least-outstanding");

    // Random placement splits Poisson traffic into four independent M/M/1 queues at rho 0.9:
    // mean 10 ms / (1 - 0.9) = 100 ms, plus two network hops each way (~0.5 ms).
    assertThat(random.latencyMs().mean()).isCloseTo(100.5, within(100.5 * 0.06));
    assertThat(roundRobin.latencyMs().mean()).isLessThan(random.latencyMs().mean() * 0.8);
    assertThat(least.latencyMs().mean()).isLessThan(roundRobin.latencyMs().mean() * 0.8);
    assertThat(least.latencyMs().p99()).isLessThan(random.latencyMs().p99() / 2);
    // Two random choices already get most of the way from random to least-outstanding.
    RunResult two = run(f, "power-of-two-choices");
    assertThat(two.latencyMs().mean()).isLessThan(roundRobin.latencyMs().mean())
        .isGreaterThan(least.latencyMs().mean());
    // Same offered load and no timeout: every variant serves every request.
    assertThat(least.requests().total()).isEqualTo(random.requests().total());
    assertThat(least.availability()).isEqualTo(1.0);
  }

  private static RunResult run(ScenarioFile f, String variant) throws Exception {
    var s = f.resolve(variant);
    return Runner.run(s, s.seed(), RunOptions.defaults()).result();
  }
}
