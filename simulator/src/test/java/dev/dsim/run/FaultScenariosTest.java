package dev.dsim.run;

import static dev.dsim.run.ShippedScenarios.node;
import static dev.dsim.run.ShippedScenarios.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The shipped fault scenarios do what their descriptions promise. */
final class FaultScenariosTest {

  @Test
  void crashRestart_losesTheDeadNodesShare_andReportsUptime() throws Exception {
    RunResult r = run("crash-restart.json", null);
    // A third of the traffic for 1 minute of a 9-minute window is lost (timed out).
    assertThat(r.availability()).isCloseTo(1 - (1.0 / 3) * (1.0 / 9), within(0.004));
    assertThat(r.requests().timedOut()).isEqualTo(r.requests().total() - r.requests().ok());
    assertThat(node(r, "web-2").crashes()).isEqualTo(1);
    assertThat(node(r, "web-2").uptime()).isCloseTo(0.9, within(0.001));
    assertThat(node(r, "web-1").uptime()).isEqualTo(1.0);
    assertThat(r.faults()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo("crash");
      assertThat(f.targets()).isEqualTo("web-2");
      assertThat(f.atSeconds()).isEqualTo(120.0);
      assertThat(f.healedAtSeconds()).isEqualTo(180.0);
    });
  }

  @Test
  void randomCrashes_singleNode_availabilityIsMttfOverMttfPlusMttr() throws Exception {
    RunResult r = run("random-crashes.json", "one-node");
    double expected = 60.0 / 66.0;
    // ~200 failure/repair cycles: the uptime fraction's standard error is about 0.007.
    assertThat(r.availability()).isCloseTo(expected, within(0.02));
    assertThat(node(r, "app-1").uptime()).isCloseTo(r.availability(), within(0.005));
    assertThat(node(r, "app-1").crashes()).isEqualTo(r.faults().size()).isGreaterThan(150);
    assertThat(r.faults()).allMatch(f -> f.source().equals("nemesis"));
  }

  @Test
  void partition_splitAndOneWayLoseTheSameRequests_isolateLosesAThird() throws Exception {
    RunResult split = run("partition.json", "split");
    RunResult oneWay = run("partition.json", "one-way");
    RunResult isolate = run("partition.json", "isolate");
    // Two of three servers unreachable for 30s of a 270s window.
    double twoThirdsLost = 1 - (2.0 / 3) * (30.0 / 270);
    assertThat(split.availability()).isCloseTo(twoThirdsLost, within(0.005));
    assertThat(oneWay.availability()).isCloseTo(split.availability(), within(0.001));
    // One-way: requests still reach web-1 and web-2, which keep working; replies are lost.
    assertThat(node(oneWay, "web-1").jobs()).isGreaterThan(node(split, "web-1").jobs());
    assertThat(isolate.availability()).isCloseTo(1 - (1.0 / 3) * (30.0 / 270), within(0.005));
  }

  @Test
  void slowNode_hurtsRoundRobin_leastOutstandingRoutesAroundIt() throws Exception {
    RunResult rr = run("slow-node.json", "round-robin");
    RunResult lo = run("slow-node.json", "least-outstanding");
    assertThat(rr.requests().timedOut()).isGreaterThan(rr.requests().total() / 10);
    assertThat(lo.availability()).isGreaterThan(0.999);
    assertThat(rr.availability()).isLessThan(0.9);
    assertThat(rr.faults()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo("slow");
      assertThat(f.healedAtSeconds()).isEqualTo(180.0);
    });
  }

  @Test
  void lossyNetwork_lossCompoundsOverFourHops_duplicatesAreHarmless() throws Exception {
    RunResult lossy = run("lossy-network.json", "lossy");
    assertThat(lossy.availability()).isCloseTo(Math.pow(0.99, 4), within(0.003));
    RunResult dup = run("lossy-network.json", "duplicates");
    assertThat(dup.availability()).isEqualTo(1.0);
    // Duplicated requests are served twice: the servers did ~5% more work than requests.
    long jobs = dup.nodes().stream().mapToLong(RunResult.NodeResult::jobs).sum();
    assertThat(jobs / (double) dup.requests().total()).isGreaterThan(1.03);
    RunResult degraded = run("lossy-network.json", "degraded-link");
    // A third of the traffic, for 2 of 4.5 minutes, crosses two links that lose 20% each.
    double expected = 1 - (1.0 / 3) * (2 / 4.5) * (1 - 0.8 * 0.8);
    assertThat(degraded.availability()).isCloseTo(expected, within(0.004));
    assertThat(degraded.faults()).singleElement().extracting(RunResult.FaultRecord::kind)
        .isEqualTo("degrade");
  }

  @Test
  void clockSkew_onTheClientAlone_causesTimeoutsTheServersDidNotEarn() throws Exception {
    RunResult exact = run("clock-skew.json", "exact");
    RunResult fast = run("clock-skew.json", "fast-client-clock");
    RunResult jump = run("clock-skew.json", "jump-forward");
    // The fast clock paces twice as many requests for 2 of 5.5 minutes, and halves the timeout.
    assertThat(fast.requests().total() / (double) exact.requests().total())
        .isCloseTo(7.5 / 5.5, within(0.03));
    assertThat(1 - fast.availability()).isGreaterThan(4 * (1 - exact.availability()));
    // The jump times out what was in flight (about rate x mean latency = 12), nothing else. It
    // also fires the pending arrival timer at once, so every later arrival comes earlier by the
    // rest of that gap (exponential, mean 20 ms at 50/s): the run's last ~20 ms gain a request
    // or two (0 or 1 with probability 3/4, more than 5 with 1/64), not a higher rate.
    assertThat(jump.requests().total() - exact.requests().total()).isBetween(0L, 5L);
    assertThat(jump.requests().timedOut() - exact.requests().timedOut()).isBetween(3L, 30L);
  }
}
