package dev.dsim.run;

import static dev.dsim.run.ShippedScenarios.node;
import static dev.dsim.run.ShippedScenarios.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

/**
 * The shipped scenarios for disks, message corruption, bandwidth, contention and the random
 * nemesis do what their descriptions promise: each test fails if its building block stops doing
 * its job.
 */
final class WorldScenariosTest {

  private static long sum(RunResult r, ToLongFunction<RunResult.DiskResult> f) {
    long total = 0;
    for (RunResult.NodeResult n : r.nodes()) {
      if (n.disk() != null) {
        total += f.applyAsLong(n.disk());
      }
    }
    return total;
  }

  @Test
  void diskChecksums_catchCorruption_withoutThemItReachesClients() throws Exception {
    RunResult on = run("disk-faults.json", "checksums");
    RunResult off = run("disk-faults.json", "no-checksums");
    assertThat(on.requests().corrupt()).isZero();
    assertThat(sum(on, RunResult.DiskResult::corruptDetected)).isPositive();
    assertThat(sum(on, RunResult.DiskResult::corruptReturned)).isZero();
    assertThat(off.requests().corrupt()).isGreaterThan(1000);
    assertThat(sum(off, RunResult.DiskResult::corruptDetected)).isZero();
    assertThat(sum(off, RunResult.DiskResult::corruptReturned))
        .isGreaterThanOrEqualTo(off.requests().corrupt());
    // Latent sector errors fail reads on content-3 in both variants.
    assertThat(node(on, "content-3").disk().ioErrors()).isPositive();
    assertThat(node(off, "content-3").disk().ioErrors()).isPositive();
  }

  @Test
  void crashWithWipe_losesTheDisk_andTheServerReprovisionsIt() throws Exception {
    RunResult r = run("disk-faults.json", "checksums");
    RunResult.DiskResult wiped = node(r, "content-2").disk();
    RunResult.DiskResult kept = node(r, "content-1").disk();
    // 200 files written at the first boot, 200 again after the wipe (plus repairs).
    assertThat(wiped.writes()).isGreaterThanOrEqualTo(400);
    assertThat(kept.writes()).isLessThan(400);
    assertThat(wiped.fsyncs()).isEqualTo(2);
    assertThat(r.faults()).anySatisfy(f -> assertThat(f.targets()).contains("disk wiped"));
  }

  @Test
  void messageChecksums_turnCorruptionIntoLoss_withoutThemDamageIsServed() throws Exception {
    RunResult on = run("message-corruption.json", "checksums");
    RunResult off = run("message-corruption.json", "no-checksums");
    assertThat(on.requests().corrupt()).isZero();
    assertThat(on.network().corruptDiscarded()).isEqualTo(on.network().corrupted()).isPositive();
    assertThat(on.requests().timedOut()).isPositive();
    assertThat(off.availability()).isEqualTo(1.0);
    assertThat(off.requests().corrupt()).isPositive();
    assertThat(off.network().corruptDiscarded()).isZero();
  }

  @Test
  void bandwidth_queuesMessagesOnABusyLink_andASlowLinkShowsInTheTail() throws Exception {
    RunResult slow = run("bandwidth-and-links.json", "1gbit");
    RunResult fast = run("bandwidth-and-links.json", "10gbit");
    RunResult zone = run("bandwidth-and-links.json", "cross-zone");
    // Four 64 KiB messages per request at 1 Gbit/s: at least 2 ms of wire time, plus queueing.
    assertThat(slow.latencyMs().mean()).isGreaterThan(fast.latencyMs().mean() + 2);
    // A third of the requests cross to the other zone and back: 20 ms more.
    assertThat(zone.latencyMs().p50()).isLessThan(10);
    assertThat(zone.latencyMs().p99()).isGreaterThan(20);
  }

  @Test
  void contention_slowsABigBox_scaleOutSuffersLess() throws Exception {
    RunResult linear = run("scale-up-contention.json", "linear");
    RunResult usl = run("scale-up-contention.json", "usl");
    RunResult out = run("scale-up-contention.json", "scale-out");
    assertThat(usl.latencyMs().mean()).isGreaterThan(1.5 * linear.latencyMs().mean());
    assertThat(out.latencyMs().mean()).isLessThan(1.1 * linear.latencyMs().mean());
    // The same 48 cores: six machines pay the fixed price per node five times more than one.
    assertThat(out.cost().perHour() - linear.cost().perHour()).isCloseTo(
        5 * dev.dsim.world.PriceRule.DEFAULT.perNode(),
        org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void randomNemesis_injectsEveryKind_fromItsOwnStreams() throws Exception {
    RunResult r = run("random-nemesis.json", null);
    List<String> kinds = r.faults().stream().map(RunResult.FaultRecord::kind).distinct()
        .sorted().toList();
    assertThat(kinds).containsExactly("clock-jump", "corrupt", "crash", "degrade", "partition",
        "slow");
    assertThat(r.faults()).allMatch(f -> f.source().equals("nemesis"));
    // maxDown 1: never two crashes overlapping.
    List<RunResult.FaultRecord> crashes = r.faults().stream()
        .filter(f -> f.kind().equals("crash")).toList();
    for (int i = 1; i < crashes.size(); i++) {
      assertThat(crashes.get(i).atSeconds()).isGreaterThanOrEqualTo(
          crashes.get(i - 1).healedAtSeconds());
    }
  }
}
