package dev.dsim.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsim.bench.ThreadAllocation;
import dev.dsim.scenario.Scenario;
import dev.dsim.scenario.ScenarioLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A building block's cost per request does not grow with the cluster: the same load over 100
 * and over 10,000 backends costs the same events per request (within 10%), and about the same
 * bytes allocated per request (within half as much again: what the JIT's escape analysis takes
 * away varies from one compilation to the next by up to a quarter, while a per-request copy of
 * the pool would cost 40 KB a request at 10,000 backends), whatever the balancing policy. Costs are marginal (a run of 2 s
 * subtracted from one of 6 s), so that building ten thousand nodes, a fixed cost, is not
 * counted against the requests. (Nothing here is timed: events are exact, allocation is the
 * JVM's own per-thread count.)
 */
final class CostPerRequestTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"random", "round-robin", "least-outstanding", "power-of-two-choices"})
  void balancer_costPerRequest_doesNotGrowWithBackends(String policy) throws Exception {
    assertThat(ThreadAllocation.supported()).as("this JVM counts allocation per thread").isTrue();
    Cost small = marginal(policy, 100);
    Cost large = marginal(policy, 10_000);
    assertThat(large.eventsPerRequest()).as("events per request, %s: 100 backends %.2f, "
        + "10,000 backends %.2f", policy, small.eventsPerRequest(), large.eventsPerRequest())
        .isBetween(small.eventsPerRequest() * 0.9, small.eventsPerRequest() * 1.1);
    assertThat(large.bytesPerRequest()).as("bytes allocated per request, %s: 100 backends "
        + "%.0f, 10,000 backends %.0f", policy, small.bytesPerRequest(), large.bytesPerRequest())
        .isLessThan(small.bytesPerRequest() * 1.5);
  }

  /**
   * A key-value tier (3 replicas, quorums of 2, no heartbeats) costs the same events per
   * request and about the same bytes over 1,000 nodes as over 30, and its nodes' memory does
   * not follow the key space: 1,000 nodes over 100,000 keys is set up in the test's heap.
   */
  @org.junit.jupiter.api.Test
  void kvTier_costPerRequest_doesNotGrowWithNodes() throws Exception {
    Cost small = marginal(KV.formatted("%s", 30));
    Cost large = marginal(KV.formatted("%s", 1_000));
    assertThat(large.eventsPerRequest()).as("events per request: 30 nodes %.2f, 1,000 nodes "
        + "%.2f", small.eventsPerRequest(), large.eventsPerRequest())
        .isBetween(small.eventsPerRequest() * 0.9, small.eventsPerRequest() * 1.1);
    assertThat(large.bytesPerRequest()).as("bytes allocated per request: 30 nodes %.0f, 1,000 "
        + "nodes %.0f", small.bytesPerRequest(), large.bytesPerRequest())
        .isLessThan(small.bytesPerRequest() * 1.5);
  }

  /**
   * SWIM costs each kv node the same events per simulated second over 1,000 nodes as over 30
   * (a ping and an ack per period), where heartbeats would cost each node one message per peer.
   */
  @org.junit.jupiter.api.Test
  void kvSwim_costPerNode_doesNotGrowWithNodes() throws Exception {
    double small = swimEventsPerNodeSecond(30);
    double large = swimEventsPerNodeSecond(1_000);
    // Five periods a second, a handful of events each (timers, CPU, deliveries).
    assertThat(small).isBetween(15.0, 60.0);
    assertThat(large).as("SWIM events per node and simulated second: 30 nodes %.2f, 1,000 "
        + "nodes %.2f", small, large).isBetween(small * 0.9, small * 1.1);
  }

  /** The events SWIM adds to a kv run, per node and simulated second (marginal: 6 s - 2 s). */
  private static double swimEventsPerNodeSecond(int nodes) throws Exception {
    String with = KV.replace("\"writeQuorum\": 2}", "\"writeQuorum\": 2, \"swim\": "
        + "{\"period\": \"200ms\"}}");
    long[] events = new long[4];
    int i = 0;
    for (String template : new String[] {KV, with}) {
      for (String duration : new String[] {"2s", "6s"}) {
        Scenario s = parse(template.formatted(duration, nodes));
        events[i++] = Runner.run(s, s.seed(), RunOptions.defaults()).result().simulated()
            .events();
      }
    }
    return ((events[3] - events[2]) - (events[1] - events[0])) / (double) nodes / 4;
  }

  private static final String KV = """
      {"name": "kv-at-scale", "seed": 1, "duration": "%s",
       "clients": {"rate": 500, "reads": 0.9, "keys": 100000, "timeout": "2s"},
       "tiers": {"web": {"kind": "stateless", "nodes": 4, "cores": 4,
                         "work": {"dist": "exponential", "mean": "1ms"}, "calls": "db"},
                 "db": {"kind": "kv", "nodes": %d, "cores": 4, "replication": 3,
                        "readQuorum": 2, "writeQuorum": 2}}}
      """;

  /** Events and bytes per request between a short and a long run of the same system. */
  private static Cost marginal(String policy, int backends) throws Exception {
    return marginal(BALANCED.formatted("%s", policy, backends));
  }

  /** Marginal costs of a scenario whose duration is left as the format's first %s. */
  private static Cost marginal(String template) throws Exception {
    Scenario shortRun = parse(template.formatted("2s"));
    Scenario longRun = parse(template.formatted("6s"));
    // Events are exact. Bytes depend on what the JIT has compiled so far (escape analysis takes
    // allocations away), so the code is warmed up on this very system first, and the least of
    // three measurements is kept: a late compilation can only lower it.
    Runner.run(longRun, longRun.seed(), RunOptions.defaults());
    double events = 0;
    double bytes = Double.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      Measured a = measure(shortRun);
      Measured b = measure(longRun);
      double requests = b.requests - a.requests;
      assertThat(requests).isGreaterThan(1000);
      events = (b.events - a.events) / requests;
      bytes = Math.min(bytes, (b.bytes - a.bytes) / requests);
    }
    return new Cost(events, bytes);
  }

  private static Measured measure(Scenario s) {
    long before = ThreadAllocation.currentThreadAllocatedBytes();
    CompletedRun r = Runner.run(s, s.seed(), RunOptions.defaults());
    long bytes = ThreadAllocation.currentThreadAllocatedBytes() - before;
    return new Measured(r.result().simulated().events(), r.result().requests().total(), bytes);
  }

  private static final String BALANCED = """
      {"name": "balancer-at-scale", "seed": 1, "duration": "%s",
       "network": {"latency": {"dist": "lognormal", "median": "200us", "p99": "1ms"}},
       "clients": {"arrival": "poisson", "rate": 2000},
       "loadBalancer": {"policy": "%s"},
       "tiers": {"app": {"kind": "stateless", "nodes": %d, "cores": 1,
                         "work": {"dist": "exponential", "mean": "1ms"}}}}
      """;

  private static Scenario parse(String json) throws Exception {
    return ScenarioLoader.parse("at-scale.json", json).resolve(null);
  }

  private record Measured(long events, long requests, long bytes) {}

  private record Cost(double eventsPerRequest, double bytesPerRequest) {}
}
