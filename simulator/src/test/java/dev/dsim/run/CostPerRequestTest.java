package dev.dsim.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsim.scenario.Scenario;
import dev.dsim.scenario.ScenarioLoader;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A building block's cost per request does not grow with the cluster: the same load over 100
 * and over 10,000 backends costs the same events per request, and about the same bytes
 * allocated per request, whatever the balancing policy. Costs are marginal (a run of 2 s
 * subtracted from one of 6 s), so that building ten thousand nodes, a fixed cost, is not
 * counted against the requests. (Nothing here is timed: events are exact, allocation is the
 * JVM's own per-thread count.)
 */
final class CostPerRequestTest {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"random", "round-robin", "least-outstanding", "power-of-two-choices"})
  void balancer_costPerRequest_doesNotGrowWithBackends(String policy) throws Exception {
    Cost small = marginal(policy, 100);
    Cost large = marginal(policy, 10_000);
    assertThat(large.eventsPerRequest()).as("events per request, %s: 100 backends %.2f, "
        + "10,000 backends %.2f", policy, small.eventsPerRequest(), large.eventsPerRequest())
        .isBetween(small.eventsPerRequest() * 0.9, small.eventsPerRequest() * 1.1);
    assertThat(large.bytesPerRequest()).as("bytes allocated per request, %s: 100 backends "
        + "%.0f, 10,000 backends %.0f", policy, small.bytesPerRequest(), large.bytesPerRequest())
        .isLessThan(small.bytesPerRequest() * 1.1);
  }

  /** Events and bytes per request between a short and a long run of the same system. */
  private static Cost marginal(String policy, int backends) throws Exception {
    Scenario shortRun = scenario(policy, backends, "2s");
    Scenario longRun = scenario(policy, backends, "6s");
    Runner.run(shortRun, shortRun.seed(), RunOptions.defaults()); // warms the JIT up
    Measured a = measure(shortRun);
    Measured b = measure(longRun);
    double requests = b.requests - a.requests;
    assertThat(requests).isGreaterThan(1000);
    return new Cost((b.events - a.events) / requests, (b.bytes - a.bytes) / requests);
  }

  private static Measured measure(Scenario s) {
    long before = THREADS.getCurrentThreadAllocatedBytes();
    CompletedRun r = Runner.run(s, s.seed(), RunOptions.defaults());
    long bytes = THREADS.getCurrentThreadAllocatedBytes() - before;
    return new Measured(r.result().simulated().events(), r.result().requests().total(), bytes);
  }

  private static Scenario scenario(String policy, int backends, String duration)
      throws Exception {
    String json = """
        {"name": "balancer-at-scale", "seed": 1, "duration": "%s",
         "network": {"latency": {"dist": "lognormal", "median": "200us", "p99": "1ms"}},
         "clients": {"arrival": "poisson", "rate": 2000},
         "loadBalancer": {"policy": "%s"},
         "tiers": {"app": {"kind": "stateless", "nodes": %d, "cores": 1,
                           "work": {"dist": "exponential", "mean": "1ms"}}}}
        """.formatted(duration, policy, backends);
    return ScenarioLoader.parse("balancer-at-scale.json", json).resolve(null);
  }

  private record Measured(long events, long requests, long bytes) {}

  private record Cost(double eventsPerRequest, double bytesPerRequest) {}
}
