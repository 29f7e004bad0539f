package dev.dsim.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dsim.engine.Distribution;
import dev.dsim.engine.InvariantViolation;
import dev.dsim.engine.Simulation;
import dev.dsim.fault.Fault;
import dev.dsim.fault.FaultPlan;
import dev.dsim.fault.Lasting;
import dev.dsim.fault.Target;
import dev.dsim.world.Context;
import dev.dsim.world.Message;
import dev.dsim.world.Process;
import dev.dsim.world.World;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The library's shrinker on a failure whose cause is known exactly: "n1 and n2 are never down
 * at once" under random crashes of three nodes and random slow spells. Whatever the nemeses
 * drew, the shrunk plan is the two crashes that overlap, as a schedule, and nothing else.
 */
final class SimulationsShrinkTest {
  private static final long S = 1_000_000_000L;
  private static final Target ALL = new Target.All(List.of("n1", "n2", "n3"));

  private static FaultPlan nemeses() {
    return new FaultPlan(List.of(), new FaultPlan.CrashNemesis(ALL, 20 * S, 3 * S, 3),
        List.of(new FaultPlan.RandomFault(2 * S, new Fault.Slow(ALL, 4, Lasting.forNanos(S)))));
  }

  private static void body(Simulation sim, RunFaults faults) {
    World world = new World(sim, new Distribution.Constant(1_000_000));
    for (String name : List.of("n1", "n2", "n3")) {
      world.addNode(name, 1, 1.0, n -> new Process() {
        @Override
        public void onMessage(Context ctx, Message m) {}
      });
    }
    sim.invariant("n1 and n2 are never down at once",
        () -> world.node("n1").isUp() || world.node("n2").isUp() ? null : "both are down");
    faults.strikeOn(world);
    world.start();
    sim.runUntil(120 * S);
  }

  @Test
  void theNemesesDraws_shrinkToTheTwoOverlappingCrashes() {
    SeedSweep.Result sweep = Simulations.seeds(1, 100).run(sim -> body(sim,
        RunFaults.of(nemeses())));
    assertThat(sweep.passed()).isFalse();
    long seed = sweep.failure().seed();

    ShrunkFailure s = Simulations.shrink(seed, nemeses(), SimulationsShrinkTest::body);
    assertThat(s.faultsBefore()).isGreaterThan(10);
    assertThat(s.minimal().randomCrash()).isNull();
    assertThat(s.minimal().random()).isEmpty();
    assertThat(s.minimal().schedule()).hasSize(2)
        .extracting(f -> f.fault().kind() + " " + f.fault().targets().get(0).label())
        .containsExactlyInAnyOrder("crash n1", "crash n2");
    assertThat(s.failure()).isInstanceOf(InvariantViolation.class)
        .hasMessageContaining("n1 and n2 are never down at once");
    assertThat(s.describe()).contains("faults " + s.faultsBefore() + " -> 2", "crash n1",
        "crash n2", "replay: ");
    assertThat(s.budgetSpent()).isFalse();

    // The schedule alone, no nemesis, fails the same way with the same hash.
    InvariantViolation again = org.junit.jupiter.api.Assertions.assertThrows(
        InvariantViolation.class, () -> body(new Simulation(seed), RunFaults.of(s.minimal())));
    assertThat(again.traceHash()).isEqualTo(s.traceHash());
  }

  @Test
  void aSeedThatPasses_hasNothingToShrink_andFaultsAreStruckOnce() {
    FaultPlan none = FaultPlan.NONE;
    assertThatThrownBy(() -> Simulations.shrink(1, none, SimulationsShrinkTest::body))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no failure");
    RunFaults faults = RunFaults.of(none);
    World world = new World(new Simulation(1), new Distribution.Constant(1));
    faults.strikeOn(world);
    assertThatThrownBy(() -> faults.strikeOn(world)).isInstanceOf(IllegalStateException.class);
  }
}
