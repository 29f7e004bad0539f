package dev.dsim.examples.twophase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsim.engine.InvariantViolation;
import dev.dsim.engine.Simulation;
import dev.dsim.testing.RunFaults;
import dev.dsim.testing.SeedSweep;
import dev.dsim.testing.ShrunkFailure;
import dev.dsim.testing.Simulations;
import org.junit.jupiter.api.Test;

/**
 * The durability bug (COMMIT sent before the decision is fsynced) is found by a sweep under
 * coordinator crashes and random splits, replays, and shrinks to the few faults it needs; the
 * fixed protocol passes the same sweep and still commits transactions.
 */
final class TwoPhaseCommitTest {
  private static final int SECONDS = 10;

  @Test
  void commitBeforeFsync_breaksAtomicity_underCrashesAndSplits() {
    SeedSweep.Result r = Simulations.seeds(1, 300).run(sim -> TwoPhaseCommit.run(sim, true,
        SECONDS, RunFaults.of(TwoPhaseCommit.nemesis())));
    assertThat(r.passed()).as("the bug must be found within 300 seeds").isFalse();
    assertThat(r.failure().cause()).isInstanceOf(InvariantViolation.class)
        .hasMessageContaining("every transaction has one outcome")
        .hasMessageContaining("committed by one participant and aborted");
    assertThat(r.failure().reproduced()).isTrue();

    long seed = r.failure().seed();
    ShrunkFailure s = Simulations.shrink(seed, TwoPhaseCommit.nemesis(),
        (sim, faults) -> TwoPhaseCommit.run(sim, true, SECONDS, faults));
    assertThat(s.faultsAfter()).as(s.describe()).isLessThan(s.faultsBefore());
    assertThat(s.minimal().schedule()).extracting(f -> f.fault().kind()).contains("crash");
    InvariantViolation again = org.junit.jupiter.api.Assertions.assertThrows(
        InvariantViolation.class, () -> TwoPhaseCommit.run(new Simulation(seed), true, SECONDS,
            RunFaults.of(s.minimal())));
    assertThat(again.traceHash()).isEqualTo(s.traceHash());
  }

  @Test
  void fsyncBeforeCommit_passesTheSameSweep_andCommits() {
    SeedSweep.Result r = Simulations.seeds(1, 300).run(sim -> TwoPhaseCommit.run(sim, false,
        SECONDS, RunFaults.of(TwoPhaseCommit.nemesis())));
    assertThat(r.passed()).as(r.passed() ? "" : r.failure().describe()).isTrue();
    TwoPhaseCommit.Outcomes o = TwoPhaseCommit.run(new Simulation(7), false, SECONDS,
        RunFaults.of(TwoPhaseCommit.nemesis()));
    assertThat(o.committed()).as("safety is not bought by never committing").isGreaterThan(10);
  }
}
