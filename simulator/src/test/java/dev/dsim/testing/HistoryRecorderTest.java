package dev.dsim.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dsim.check.linearizability.HistoryRecorder;
import dev.dsim.check.linearizability.NotLinearizableException;
import dev.dsim.check.linearizability.Registers;
import dev.dsim.engine.EventKind;
import dev.dsim.engine.Simulation;
import org.junit.jupiter.api.Test;

/**
 * The recorder takes operations in simulated time, and a seed sweep whose body asserts
 * linearizability fails on the violating seed with its trace hash and explanation.
 */
final class HistoryRecorderTest {
  private static final EventKind OP = EventKind.of("test-op");

  /** One write of 1 at 1 ms..2 ms, then a read at 3..4 ms that returns {@code seen}. */
  private static HistoryRecorder<Registers.Op, Object> history(Simulation sim, long seen) {
    HistoryRecorder<Registers.Op, Object> h = new HistoryRecorder<>(sim);
    int[] ids = new int[2];
    sim.schedule(1_000_000, OP, -1, () -> ids[0] = h.called(new Registers.Write("x", 1)));
    sim.schedule(2_000_000, OP, -1, () -> h.returned(ids[0], "ok"));
    sim.schedule(3_000_000, OP, -1, () -> ids[1] = h.called(new Registers.Read("x")));
    sim.schedule(4_000_000, OP, -1, () -> h.returned(ids[1], seen));
    sim.schedule(5_000_000, OP, -1, () -> h.called(new Registers.Write("x", 2))); // never returns
    return h;
  }

  @Test
  void recordsSimulatedTimes_andLeavesUnansweredOperationsPending() {
    Simulation sim = new Simulation(1);
    HistoryRecorder<Registers.Op, Object> h = history(sim, 1L);
    sim.run();
    assertThat(h.operations()).hasSize(3);
    assertThat(h.operations().get(0).callNanos()).isEqualTo(1_000_000);
    assertThat(h.operations().get(1).returnNanos()).isEqualTo(4_000_000);
    assertThat(h.operations().get(2).isPending()).isTrue();
    h.assertLinearizable(Registers.startingAt(0), Registers::key);
  }

  @Test
  void aViolation_failsTheSeedWithItsHashAndExplanation() {
    SeedSweep.Result r = Simulations.seeds(1, 3).threads(1).run(sim -> {
      // Seed 2 reads the initial value after the write returned: a stale read.
      HistoryRecorder<Registers.Op, Object> h = history(sim, sim.rng().seed() == 2 ? 0L : 1L);
      sim.run();
      h.assertLinearizable(Registers.startingAt(0), Registers::key);
    });
    assertThat(r.passed()).isFalse();
    assertThat(r.failure().seed()).isEqualTo(2);
    assertThat(r.failure().cause()).isInstanceOf(NotLinearizableException.class)
        .hasMessageContaining("seed 2").hasMessageContaining("traceHash")
        .hasMessageContaining("read → 0");
  }

  @Test
  void returningTwice_isAnError() {
    Simulation sim = new Simulation(1);
    HistoryRecorder<Registers.Op, Object> h = new HistoryRecorder<>(sim);
    int id = h.called(new Registers.Read("x"));
    h.returned(id, 0L);
    assertThatThrownBy(() -> h.returned(id, 0L)).isInstanceOf(IllegalStateException.class);
  }
}
