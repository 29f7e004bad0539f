package dev.dsim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dsim.scenario.Scenario;
import dev.dsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * What the client's features buy, each against the same system without them: closed loops obey
 * Little's law, rate steps offer the scheduled load, retries rescue requests sent to a dead node,
 * hedging cuts the tail slow nodes cause, and a second load balancer removes a single point of
 * failure.
 */
final class ClientBehaviourTest {

  private static RunResult run(String json, String variant) throws Exception {
    Scenario s = ScenarioLoader.parse("t.json", json).resolve(variant);
    return Runner.run(s, s.seed(), RunOptions.defaults()).result();
  }

  @Test
  void closedLoop_throughputIsUsersOverThinkPlusResponseTime() throws Exception {
    RunResult r = run("""
        {"name": "closed", "duration": "60s", "warmup": "5s",
         "clients": {"users": 20, "thinkTime": "10ms"},
         "tiers": {"web": {"kind": "stateless", "cores": 4,
                           "work": {"dist": "exponential", "mean": "2ms"}}}}""", null);
    double response = r.latencyMs().mean() / 1000;
    // Little's law over the users' cycle: X = N / (Z + R).
    assertThat(r.throughputPerSecond()).isCloseTo(20 / (0.010 + response), within(25.0));
    assertThat(r.availability()).isEqualTo(1.0);
  }

  @Test
  void rateSteps_offerTheScheduledLoad() throws Exception {
    RunResult r = run("""
        {"name": "steps", "duration": "30s", "clients": {"arrival": "constant", "rate": [
           {"at": "0s", "rate": 100}, {"at": "10s", "rate": 300},
           {"at": "20s", "rate": 300}, {"at": "29999ms", "rate": 100, "ramp": true}]},
         "tiers": {"web": {"kind": "stateless", "work": "1ms"}}}""", null);
    // 10s at 100/s, 10s at 300/s, then a ramp from 300 down to 100 over ~10s (2000).
    assertThat(r.requests().total()).isBetween(5990L, 6010L);
    long[] perBucket = r.timeline().total();
    double bucket = r.timeline().bucketSeconds();
    assertThat(perBucket[(int) (5 / bucket)] / bucket).isCloseTo(100, within(6.0));
    assertThat(perBucket[(int) (15 / bucket)] / bucket).isCloseTo(300, within(6.0));
    assertThat(perBucket[(int) (25 / bucket)] / bucket).isCloseTo(200, within(8.0));
  }

  private static final String DEAD_NODE = """
      {"name": "retries", "seed": 3, "duration": "60s", "warmup": "5s",
       "clients": {"rate": 300, "timeout": "200ms"},
       "tiers": {"web": {"kind": "stateless", "nodes": 3, "cores": 2, "work": "2ms"}},
       "faults": {"schedule": [{"at": "20s", "crash": "web-2", "restartAfter": "20s"}]},
       "variants": {"none": {}, "retries": {"clients": {"retries": 2,
                    "backoff": {"base": "10ms", "max": "100ms", "jitter": "full"}}}}}""";

  @Test
  void retries_rescueRequestsThatHitADeadNode() throws Exception {
    RunResult without = run(DEAD_NODE, "none");
    RunResult with = run(DEAD_NODE, "retries");
    // Round-robin sends a third of the requests to web-2 for 20s of the 55s window.
    assertThat(without.availability()).isCloseTo(1 - 20.0 / 55 / 3, within(0.01));
    // Not all: round-robin can hand a retry to the dead node again.
    assertThat(with.availability()).isGreaterThan(0.98)
        .isGreaterThan(without.availability() + 0.08);
    assertThat(with.requests().retries()).isGreaterThan(1000);
    assertThat(without.requests().retries()).isZero();
    // The rescued requests pay a timeout first.
    assertThat(with.latencyMs().p99()).isGreaterThan(200);
  }

  private static final String SLOW_NODES = """
      {"name": "hedging", "seed": 8, "duration": "60s", "warmup": "5s",
       "clients": {"rate": 200, "timeout": "2s"},
       "loadBalancer": {"policy": "random"},
       "tiers": {"web": {"kind": "stateless", "nodes": 10, "cores": 2,
                         "work": {"dist": "exponential", "mean": "5ms"}}},
       "faults": {"schedule": [{"at": "1s", "slow": "web-9", "factor": 10},
                               {"at": "1s", "slow": "web-10", "factor": 10}]},
       "variants": {"none": {}, "hedged": {"clients": {"hedge": "25ms"}}}}""";

  @Test
  void hedging_cutsTheTailThatSlowNodesCause() throws Exception {
    RunResult plain = run(SLOW_NODES, "none");
    RunResult hedged = run(SLOW_NODES, "hedged");
    // One request in five lands on a slow node (~50ms, with an exponential tail); with a hedge
    // after 25ms, both copies are slow for only one in twenty-five, and the faster one wins.
    assertThat(plain.latencyMs().p99()).isGreaterThan(150);
    assertThat(hedged.latencyMs().p99()).isLessThan(plain.latencyMs().p99() / 2);
    assertThat(hedged.latencyMs().mean()).isLessThan(plain.latencyMs().mean() * 0.7);
    assertThat(hedged.requests().hedges()).isGreaterThan(plain.requests().total() / 10);
    assertThat(plain.requests().hedges()).isZero();
  }

  private static final String BALANCERS = """
      {"name": "balancers", "seed": 2, "duration": "60s", "warmup": "5s",
       "clients": {"rate": 200, "timeout": "200ms", "retries": 1,
                   "backoff": {"base": "1ms", "jitter": "none"}},
       "loadBalancer": {"nodes": 2},
       "tiers": {"web": {"kind": "stateless", "nodes": 2, "work": "1ms"}},
       "faults": {"schedule": [{"at": "20s", "crash": "lb-1", "restartAfter": "20s"}]},
       "variants": {"two": {}, "one": {"loadBalancer": {"nodes": 1},
           "faults": {"schedule": [{"at": "20s", "crash": "lb", "restartAfter": "20s"}]}}}}""";

  @Test
  void aSecondLoadBalancer_removesTheSinglePointOfFailure() throws Exception {
    RunResult one = run(BALANCERS, "one");
    RunResult two = run(BALANCERS, "two");
    // (A retry rescues the few requests in flight to the balancer just before it crashed.)
    assertThat(one.availability()).isCloseTo(1 - 20.0 / 55, within(0.02));
    // Half the requests go to the dead balancer first; the retry goes to the other one.
    assertThat(two.availability()).isGreaterThan(0.999);
    assertThat(ShippedScenarios.node(two, "lb-2").crashes()).isZero();
  }
}
