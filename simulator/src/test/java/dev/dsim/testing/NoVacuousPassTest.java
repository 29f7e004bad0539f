package dev.dsim.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dsim.engine.Distribution;
import dev.dsim.engine.InvariantViolation;
import dev.dsim.engine.LivenessViolation;
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
 * A sweep cannot pass for the wrong reason: a body that forgot to start its world fails saying
 * so, invariants registered too late fail, the final state of a run is checked, and a settle
 * check tells a system that recovers after the faults heal from one that never does.
 */
final class NoVacuousPassTest {
  private static final long MS = 1_000_000;

  /** Pings the other node every 10 ms; counts the pings it got and when the last came. */
  static class Pinger implements Process {
    long lastPing = -1;
    long pings;

    @Override
    public void onStart(Context ctx) {
      ctx.setTimer(10 * MS, "ping");
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
      ctx.send(1 - ctx.self().id(), "ping");
      ctx.setTimer(10 * MS, "ping");
    }

    @Override
    public void onMessage(Context ctx, Message m) {
      lastPing = ctx.now();
      pings++;
    }
  }

  @Test
  void aSweepThatForgotWorldStart_failsSayingNoEventFired() {
    AssertionError e = catchThrowableOfType(AssertionError.class,
        () -> Simulations.seeds(1, 200).check(sim -> {
          World world = new World(sim, new Distribution.Constant(MS));
          world.addNode("a", 1, 1.0, n -> new Pinger());
          world.addNode("b", 1, 1.0, n -> new Pinger());
          sim.invariant("never", () -> false);
          // world.start() forgotten: nothing is scheduled, nothing fires
          sim.runUntil(1_000 * MS);
        }));
    assertThat(e.getMessage()).contains("seed 1 failed", VacuousRunError.NO_EVENT,
        "invariant violated: \"never\" at the end of the run");
    assertThat(e.getCause()).isInstanceOf(VacuousRunError.class)
        .hasCauseInstanceOf(InvariantViolation.class);

    SeedSweep.Result noInvariant = Simulations.seeds(1, 5).run(sim -> {
      new World(sim, new Distribution.Constant(MS)).addNode("a", 1, 1.0, n -> new Pinger());
      sim.runUntil(1_000 * MS);
    });
    assertThat(noInvariant.failure().cause()).isInstanceOf(VacuousRunError.class)
        .hasMessage(VacuousRunError.NO_EVENT);
  }

  @Test
  void invariantsRegisteredAfterTheRun_failAsNeverEvaluated() {
    SeedSweep.Result r = Simulations.seeds(1, 3).run(sim -> {
      World world = new World(sim, new Distribution.Constant(MS));
      world.addNode("a", 1, 1.0, n -> new Pinger());
      world.addNode("b", 1, 1.0, n -> new Pinger());
      world.start();
      sim.runUntil(100 * MS);
      sim.invariant("pings flow", () -> false); // too late: nothing runs after it
    });
    assertThat(r.failure().seed()).isEqualTo(1);
    assertThat(r.failure().cause()).isInstanceOf(VacuousRunError.class)
        .hasMessageContaining("invariant \"pings flow\" was registered but never evaluated");
  }

  @Test
  void aBodyThatFiresEvents_withNoInvariant_passesAsBefore() {
    SeedSweep.Result r = Simulations.seeds(1, 5).run(sim -> {
      World world = new World(sim, new Distribution.Constant(MS));
      world.addNode("a", 1, 1.0, n -> new Pinger());
      world.addNode("b", 1, 1.0, n -> new Pinger());
      world.start();
      sim.runUntil(100 * MS);
    });
    assertThat(r.passed()).as("%s", r.failure()).isTrue();
  }

  /**
   * "A ping came in the last 50 ms" holds after every event of a run whose pinging stops at
   * 100 ms; only the final state, at 200 ms, breaks it.
   */
  @Test
  void anInvariantBrokenOnlyInTheFinalState_isCaughtAtTheEnd() {
    SeedSweep.Result r = Simulations.seeds(1, 1).run(sim -> {
      World world = new World(sim, new Distribution.Constant(MS));
      Pinger[] b = new Pinger[1];
      world.addNode("a", 1, 1.0, n -> new Pinger());
      world.addNode("b", 1, 1.0, n -> b[0] = new Pinger());
      sim.invariant("a ping in the last 50 ms", () -> b[0] == null || b[0].lastPing < 0
          || sim.now() - b[0].lastPing <= 50 * MS);
      world.start();
      sim.schedule(100 * MS, dev.dsim.engine.EventKind.of("stop-pinging"), -1,
          () -> {
            world.node(0).crash(); // no event after this one: the state stays as it is
            world.node(1).crash();
          });
      sim.runUntil(200 * MS);
    });
    assertThat(r.passed()).isFalse();
    InvariantViolation v = (InvariantViolation) r.failure().cause();
    assertThat(v.atEnd()).isTrue();
    assertThat(v.atNanos()).isEqualTo(200 * MS);
    assertThat(v).hasMessageContaining("\"a ping in the last 50 ms\" at the end of the run, "
        + "simulated time 200ms (after event");
  }

  /** Two pingers, a partition between them from 100 ms to 300 ms. */
  private static FaultPlan partition() {
    return new FaultPlan(List.of(new FaultPlan.Scheduled(100 * MS, new Fault.Partition(
        List.<Target>of(new Target.All(List.of("a")), new Target.All(List.of("b"))), false,
        Lasting.forNanos(200 * MS)))), null, List.of());
  }

  /**
   * Pings flow again within 50 ms of the partition healing; with {@code recovers} false, node b
   * stops listening the first time it misses pings (a bug), and never recovers.
   */
  private static void pingsAcrossAPartition(Simulation sim, RunFaults faults, boolean recovers) {
    World world = new World(sim, new Distribution.Constant(MS));
    Pinger[] b = new Pinger[1];
    world.addNode("a", 1, 1.0, n -> new Pinger());
    world.addNode("b", 1, 1.0, n -> b[0] = new Pinger() {
      boolean deaf;

      @Override
      public void onMessage(Context ctx, Message m) {
        deaf |= !recovers && lastPing >= 0 && ctx.now() - lastPing > 50 * MS;
        if (!deaf) {
          super.onMessage(ctx, m);
        }
      }
    });
    faults.strikeOn(world);
    sim.settles("pings flow again", () -> b[0] != null && b[0].lastPing >= 0
        && sim.now() - b[0].lastPing <= 20 * MS, 50 * MS, Simulations.faultsHealed(faults));
    world.start();
    sim.runUntil(600 * MS);
  }

  @Test
  void settles_passesForASystemThatRecovers_andFailsWithSeedAndHashForOneThatNeverDoes() {
    SeedSweep.Result ok = Simulations.seeds(1, 20)
        .run(sim -> pingsAcrossAPartition(sim, RunFaults.of(partition()), true));
    assertThat(ok.passed()).as("%s", ok.failure()).isTrue();

    SeedSweep.Result broken = Simulations.seeds(1, 20)
        .run(sim -> pingsAcrossAPartition(sim, RunFaults.of(partition()), false));
    assertThat(broken.passed()).isFalse();
    SeedFailure f = broken.failure();
    assertThat(f.seed()).isEqualTo(1);
    LivenessViolation v = (LivenessViolation) f.cause();
    assertThat(v.deadlineNanos()).isEqualTo(350 * MS);
    assertThat(v).hasMessageContaining("\"pings flow again\" did not settle within 50ms after "
        + "the faults healed at 300ms (deadline 350ms), seed 1, traceHash " + f.traceHash());
    assertThat(f.reproduced()).isTrue();
  }

  @Test
  void settles_fromAGivenTime_andUndecidedWhenTheFaultsNeverHeal() {
    // From a time the caller gives (the schedule's last heal), no fault layer needed.
    SeedSweep.Result ok = Simulations.seeds(1, 3).run(sim -> {
      RunFaults faults = RunFaults.of(partition());
      World world = new World(sim, new Distribution.Constant(MS));
      Pinger[] b = new Pinger[1];
      world.addNode("a", 1, 1.0, n -> new Pinger());
      world.addNode("b", 1, 1.0, n -> b[0] = new Pinger());
      faults.strikeOn(world);
      sim.settles("pings flow again", () -> sim.now() - b[0].lastPing <= 20 * MS, 50 * MS,
          300 * MS);
      world.start();
      sim.runUntil(600 * MS);
      assertThat(sim.pendingGoals()).isEmpty();
    });
    assertThat(ok.passed()).as("%s", ok.failure()).isTrue();

    // A partition that never heals: the settle check never starts, and the seed says so.
    SeedSweep.Result never = Simulations.seeds(1, 1).run(sim -> {
      RunFaults faults = RunFaults.of(new FaultPlan(List.of(new FaultPlan.Scheduled(0,
          new Fault.Partition(List.<Target>of(new Target.All(List.of("a")),
              new Target.All(List.of("b"))), false, Lasting.forever()))), null, List.of()));
      World world = new World(sim, new Distribution.Constant(MS));
      world.addNode("a", 1, 1.0, n -> new Pinger());
      world.addNode("b", 1, 1.0, n -> new Pinger());
      faults.strikeOn(world);
      world.start();
      sim.schedule(MS, dev.dsim.engine.EventKind.of("register"), -1, () -> sim.settles(
          "pings flow", () -> true, 50 * MS, Simulations.faultsHealed(faults)));
      sim.runUntil(600 * MS);
    });
    assertThat(never.failure().cause()).isInstanceOf(VacuousRunError.class)
        .hasMessageContaining("liveness check \"pings flow\" was never decided: the faults "
            + "never all healed in this run");
  }
}
