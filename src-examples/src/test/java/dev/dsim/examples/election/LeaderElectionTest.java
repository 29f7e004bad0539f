package dev.dsim.examples.election;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsim.engine.InvariantViolation;
import dev.dsim.engine.Simulation;
import dev.dsim.testing.RunFaults;
import dev.dsim.testing.SeedFailure;
import dev.dsim.testing.SeedSweep;
import dev.dsim.testing.SimulationTest;
import dev.dsim.testing.ShrunkFailure;
import dev.dsim.testing.Simulations;
import org.junit.jupiter.api.Test;

/**
 * The workflow of testing a protocol under simulation: sweep seeds with faults until the
 * invariant breaks, read which seed, when and with which trace hash, replay that seed to the
 * same trace, fix the protocol, and see the same sweep pass.
 */
final class LeaderElectionTest {
  private static final int SECONDS = 10;

  @Test
  void brokenQuorum_aSweepFindsTwoLeadersInOneTerm_andTheSeedReplaysExactly() {
    SeedSweep.Result result = Simulations.seeds(1, 200)
        .run(sim -> LeaderElection.run(sim, LeaderElection.BROKEN_QUORUM, SECONDS));
    assertThat(result.passed()).as("the bug must be found within 200 seeds").isFalse();
    SeedFailure failure = result.failure();
    assertThat(failure.cause()).isInstanceOf(InvariantViolation.class);
    assertThat(failure.cause().getMessage()).contains("at most one leader per term",
        "has two leaders");
    // The sweep re-ran the seed itself; do it once more by hand, as a developer would.
    assertThat(failure.reproduced()).isTrue();
    InvariantViolation again = org.junit.jupiter.api.Assertions.assertThrows(
        InvariantViolation.class, () -> LeaderElection.run(new Simulation(failure.seed()),
            LeaderElection.BROKEN_QUORUM, SECONDS));
    assertThat(again.traceHash()).isEqualTo(failure.traceHash());
    assertThat(again.atNanos()).isEqualTo(failure.atNanos());
    // The rerun line is the command that runs this test method alone, for that seed only.
    String test = "LeaderElectionTest#"
        + "brokenQuorum_aSweepFindsTwoLeadersInOneTerm_andTheSeedReplaysExactly";
    assertThat(failure.describe()).contains("re-ran it in the same JVM",
        "re-run only this seed: mvn ", " test ", "-Dtest=" + test,
        "-Ddsim.seed=" + test + ":" + failure.seed() + " ");
  }

  /**
   * The failing seed's run strikes dozens of random splits; shrinking writes them down as a
   * schedule and cuts it to the few the double leadership needs, and that schedule, run on its
   * own with no nemesis, breaks the same invariant at the same event.
   */
  @Test
  void brokenQuorum_theFailingSeedShrinksToAFewSplits_thatStillBreakTheInvariant() {
    SeedSweep.Result result = Simulations.seeds(1, 200)
        .run(sim -> LeaderElection.run(sim, LeaderElection.BROKEN_QUORUM, SECONDS));
    long seed = result.failure().seed();
    ShrunkFailure shrunk = Simulations.shrink(seed, LeaderElection.randomSplits(),
        (sim, faults) -> LeaderElection.run(sim, LeaderElection.BROKEN_QUORUM, SECONDS, faults));
    assertThat(shrunk.faultsBefore()).isGreaterThan(shrunk.faultsAfter());
    assertThat(shrunk.faultsAfter()).as(shrunk.describe()).isBetween(1, 4);
    assertThat(shrunk.minimal().random()).as("the nemesis became a schedule").isEmpty();
    assertThat(shrunk.minimal().schedule()).extracting(f -> f.fault().kind())
        .containsOnly("partition");
    assertThat(shrunk.failure()).isInstanceOf(InvariantViolation.class)
        .hasMessageContaining("at most one leader per term");
    assertThat(shrunk.describe()).contains("seed " + seed, "faults " + shrunk.faultsBefore()
        + " -> " + shrunk.faultsAfter(), "partition n", " | ");

    // Replayed by hand: the same invariant breaks, with the same trace hash.
    InvariantViolation again = org.junit.jupiter.api.Assertions.assertThrows(
        InvariantViolation.class, () -> LeaderElection.run(new Simulation(seed),
            LeaderElection.BROKEN_QUORUM, SECONDS, RunFaults.of(shrunk.minimal())));
    assertThat(again.traceHash()).isEqualTo(shrunk.traceHash());
  }

  @Test
  void majorityQuorum_passesTheSameSweep_andStillElectsLeaders() {
    SeedSweep.Result result = Simulations.seeds(1, 200)
        .run(sim -> LeaderElection.run(sim, LeaderElection.MAJORITY, SECONDS));
    assertThat(result.passed()).as(result.passed() ? "" : result.failure().describe()).isTrue();
    assertThat(result.seedsRun()).isEqualTo(200);
    // Safety is not bought by never electing anyone: leaders come and go with the partitions.
    LeaderElection.Elections e = LeaderElection.run(new Simulation(7), LeaderElection.MAJORITY,
        SECONDS);
    assertThat(e.termsWithALeader()).isGreaterThan(5);
  }

  @Test
  void buggify_drivesTheProtocolIntoSplitVotes_andTheCoverageTableSaysSo() {
    SeedSweep.Result plain = Simulations.seeds(1, 40)
        .run(sim -> LeaderElection.run(sim, LeaderElection.MAJORITY, SECONDS));
    SeedSweep.Result buggified = Simulations.seeds(1, 40).buggify(0.3)
        .run(sim -> LeaderElection.run(sim, LeaderElection.MAJORITY, SECONDS));
    assertThat(plain.passed()).isTrue();
    assertThat(buggified.passed()).as(buggified.passed() ? "" : buggified.failure().describe())
        .isTrue();
    assertThat(buggified.coverageTable()).contains("a split vote: ");
    assertThat(buggified.seedsReaching("a split vote"))
        .isGreaterThanOrEqualTo(plain.seedsReaching("a split vote")).isPositive();
  }

  @Test
  void aQuorumNoClusterCanReach_failsTheLivenessCheck_withSeedAndHash() {
    SeedSweep.Result r = Simulations.seeds(1, 3).run(sim -> LeaderElection.run(sim, 6, SECONDS));
    assertThat(r.passed()).isFalse();
    assertThat(r.failure().seed()).isEqualTo(1);
    assertThat(r.failure().cause()).isInstanceOf(dev.dsim.engine.LivenessViolation.class)
        .hasMessageContaining("a leader is elected").hasMessageContaining("traceHash");
  }

  /** The same check as a JUnit template: one test per seed, each named by its seed. */
  @SimulationTest(seeds = 25)
  void majorityQuorum_perSeed(Simulation sim) {
    LeaderElection.run(sim, LeaderElection.MAJORITY, SECONDS);
  }
}
