package dev.dsim.run;

import static dev.dsim.run.ShippedScenarios.node;
import static dev.dsim.run.ShippedScenarios.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Each building block's teaching scenario shows what the block buys: switch it off (the
 * scenario's other variant) and the violation or the outage it prevents comes back.
 */
final class BuildingBlocksTest {

  @Test
  void replication_keepsWritesThatAWipedDiskLoses() throws Exception {
    RunResult three = run("replication-vs-wipe.json", "replication-3");
    RunResult one = run("replication-vs-wipe.json", "replication-1");
    assertThat(three.consistency().lostWrites()).isZero();
    assertThat(three.consistency().unverifiedKeys()).isZero();
    assertThat(three.availability()).isGreaterThan(0.999);
    // The wiped node caught up from its peers by anti-entropy.
    assertThat(node(three, "db-1").store().get("syncedKeys")).isPositive();
    assertThat(one.consistency().lostWrites()).isGreaterThan(100);
    assertThat(one.consistency().examples()).anySatisfy(e -> {
      assertThat(e.kind()).isEqualTo("lostWrite");
      assertThat(e.explanation()).contains("holds nothing");
    });
    // Its shards were unavailable while db-1 was down.
    assertThat(one.availability()).isLessThan(0.97);
  }

  @Test
  void healthChecks_takeADeadNodeOut_andSuspectASlowOne() throws Exception {
    RunResult on = run("health-checks.json", "health-checks");
    RunResult off = run("health-checks.json", "no-health-checks");
    RunResult slow = run("health-checks.json", "slow-node");
    // Without checks a third of the requests hit the dead node for 20s of the 55s window.
    assertThat(off.availability()).isCloseTo(1 - 20.0 / 55 / 3, within(0.01));
    assertThat(off.detection().loadBalancer()).isNull();
    assertThat(on.availability()).isGreaterThan(0.99);
    RunResult.Detector d = on.detection().loadBalancer();
    assertThat(d.detections()).isEqualTo(1);
    // Detected between the timeout and the timeout plus one interval after the crash.
    assertThat(d.meanDelayMs()).isBetween(1000.0, 1250.0);
    assertThat(d.falseSuspicions()).isZero();
    assertThat(slow.detection().loadBalancer().falseSuspicions()).isPositive();
    assertThat(slow.detection().loadBalancer().detections()).isZero();
  }

  @Test
  void swim_detectsACrashEverywhere_atAFractionOfHeartbeatsCost() throws Exception {
    RunResult swim = run("swim-failure-detection.json", "swim");
    RunResult direct = run("swim-failure-detection.json", "swim-no-indirect");
    RunResult heartbeats = run("swim-failure-detection.json", "heartbeats");
    RunResult none = run("swim-failure-detection.json", "no-detector");
    RunResult.Detector d = swim.detection().replicas();
    // Every one of the 59 other nodes comes to suspect the crashed db-7, within a few periods.
    assertThat(d.detections()).isEqualTo(59);
    assertThat(d.maxDelayMs()).isLessThan(1500.0);
    // The lossy db-1 <-> db-2 link fails most direct probes; the indirect ones get through.
    assertThat(d.falseSuspicions()).isZero();
    assertThat(direct.detection().replicas().falseSuspicions()).isPositive();
    // db-7 was trusted again after its restart and caught up.
    assertThat(node(swim, "db-7").store().get("syncedKeys")).isPositive();
    assertThat(none.detection().replicas()).isNull();
    // What detection costs, in events beyond a run without it: heartbeats send 59 messages per
    // node and period, SWIM a handful.
    long swimCost = swim.simulated().events() - none.simulated().events();
    long heartbeatCost = heartbeats.simulated().events() - none.simulated().events();
    assertThat(swimCost).isPositive();
    assertThat(heartbeatCost).isGreaterThan(5 * swimCost);
    assertThat(swim.availability()).isGreaterThan(0.99);
  }

  @Test
  void quorums_tradeAvailabilityForFreshReadsUnderAPartition() throws Exception {
    RunResult quorum = run("quorums-under-partition.json", "quorum-2-of-3");
    RunResult one = run("quorums-under-partition.json", "quorum-1-of-3");
    RunResult sloppy = run("quorums-under-partition.json", "sloppy");
    assertThat(quorum.consistency().staleReads()).isZero();
    // db-1 coordinates a third of the requests and cannot reach a quorum for 20s of 55s.
    assertThat(quorum.availability()).isCloseTo(1 - 20.0 / 55 / 3, within(0.02));
    assertThat(one.availability()).isEqualTo(1.0);
    assertThat(one.consistency().staleReads()).isGreaterThan(100);
    assertThat(sloppy.availability()).isEqualTo(1.0);
    assertThat(sloppy.consistency().staleReads()).isGreaterThan(100);
    for (RunResult r : new RunResult[] {quorum, one, sloppy}) {
      assertThat(r.consistency().lostWrites()).isZero();
    }
  }

  @Test
  void quorumReads_areNotLinearizable_writeBackReadsAre() throws Exception {
    RunResult plain = run("quorums-vs-linearizability.json", "quorum-reads");
    RunResult back = run("quorums-vs-linearizability.json", "write-back-reads");
    // R + W > N: no read is stale; yet a read can see a write in flight and a later one miss it.
    assertThat(plain.consistency().staleReads()).isZero();
    assertThat(plain.consistency().linearizability().verdict()).isEqualTo("false");
    assertThat(plain.consistency().linearizability().operations()).hasSizeGreaterThanOrEqualTo(3)
        .anyMatch(op -> op.contains("read")).anyMatch(op -> op.contains("write"));
    assertThat(plain.expectations()).anyMatch(e -> e.metric().equals("consistency.linearizable")
        && !e.ok());
    // The window to replay: the core's operations, inside the run.
    RunResult.Linearizability lin = plain.consistency().linearizability();
    assertThat(lin.fromSeconds()).isPositive().isLessThan(lin.toSeconds());
    assertThat(lin.toSeconds() - lin.fromSeconds()).isLessThan(1.0);
    // ABD's reads: linearizable, with a write-back on the reads that saw a minority's value.
    assertThat(back.consistency().staleReads()).isZero();
    assertThat(back.consistency().linearizability().verdict()).isEqualTo("true");
    long writeBacks = 0;
    for (RunResult.NodeResult n : back.nodes()) {
      if (n.store() != null) {
        writeBacks += n.store().get("readWriteBacks");
      }
    }
    assertThat(writeBacks).isGreaterThan(1000);
    assertThat(back.latencyMs().p50()).isGreaterThanOrEqualTo(plain.latencyMs().p50());
  }

  @Test
  void checksums_turnCorruptionIntoRepairs() throws Exception {
    RunResult on = run("checksums-vs-corruption.json", "checksums");
    RunResult off = run("checksums-vs-corruption.json", "no-checksums");
    assertThat(on.consistency().corruptReads()).isZero();
    assertThat(on.requests().corrupt()).isZero();
    long repairs = 0;
    for (RunResult.NodeResult n : on.nodes()) {
      if (n.store() != null) {
        repairs += n.store().get("corruptionRepairs");
      }
    }
    assertThat(repairs).isGreaterThan(100);
    assertThat(off.consistency().corruptReads()).isGreaterThan(100);
    assertThat(off.requests().corrupt()).isPositive();
  }

  @Test
  void scaling_outSurvivesACrashThatTakesAScaledUpTierDown() throws Exception {
    RunResult out = run("stateless-scaling.json", "scaled-out");
    RunResult up = run("stateless-scaling.json", "scaled-up");
    assertThat(up.availability()).isCloseTo(1 - 10.0 / 55, within(0.01));
    assertThat(out.availability()).isGreaterThan(0.998);
    // One shared queue is faster per request than eight small ones.
    assertThat(up.latencyMs().mean()).isLessThan(out.latencyMs().mean());
  }

  @Test
  void sharding_spreadsAStatefulTiersLoad() throws Exception {
    RunResult three = run("sharding.json", "3-nodes");
    RunResult twelve = run("sharding.json", "12-nodes");
    assertThat(twelve.latencyMs().mean()).isLessThan(three.latencyMs().mean() * 0.7);
    assertThat(twelve.latencyMs().p99()).isLessThan(three.latencyMs().p99() / 2);
    // On 3 nodes every node holds every shard; on 12 each holds about a quarter of them.
    long writes3 = node(three, "db-1").store().get("replicaWrites");
    long writes12 = node(twelve, "db-1").store().get("replicaWrites");
    assertThat(writes12).isLessThan(writes3 / 2);
  }

  @Test
  void theWholeStack_absorbsACrashAndAPartition() throws Exception {
    RunResult r = run("web-kv.json", null);
    assertThat(r.expectations()).allSatisfy(e -> assertThat(e.ok()).as(e.metric()).isTrue());
    assertThat(r.consistency().keysVerified()).isGreaterThan(1000);
    assertThat(r.detection().loadBalancer().detections()).isEqualTo(1);
    assertThat(r.detection().replicas().detections()).isZero();
    // The partitioned replica is suspected by both peers, and suspects both: live nodes.
    assertThat(r.detection().replicas().falseSuspicions()).isEqualTo(4);
  }

  @Test
  void fsync_tradesWriteLatencyForDurability() throws Exception {
    RunResult always = run("fsync-durability.json", "always");
    RunResult periodic = run("fsync-durability.json", "periodic");
    RunResult never = run("fsync-durability.json", "never");
    assertThat(always.consistency().lostWrites()).isZero();
    assertThat(periodic.consistency().lostWrites()).isPositive();
    // Never fsyncing loses more than fsyncing every 5s: everything since the start.
    assertThat(never.consistency().lostWrites())
        .isGreaterThan(2 * periodic.consistency().lostWrites());
    assertThat(node(never, "db-1").disk().writesLostOnCrash()).isPositive();
    assertThat(periodic.latencyMs().mean()).isLessThan(always.latencyMs().mean() / 3);
  }
}
