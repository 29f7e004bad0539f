package dev.dsim.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsim.engine.Distribution;
import dev.dsim.engine.EventKind;
import dev.dsim.engine.LivenessViolation;
import dev.dsim.engine.Simulation;
import dev.dsim.world.Context;
import dev.dsim.world.Message;
import dev.dsim.world.Process;
import dev.dsim.world.World;
import org.junit.jupiter.api.Test;

/**
 * The three helpers for protocol authors: buggify is off unless enabled and then fires at its
 * probability from its own stream; sometimes-tallies are summed over a sweep; eventually fails
 * with seed and hash when progress never comes, idle system included.
 */
final class BuggifySometimesEventuallyTest {
  private static final EventKind TICK = EventKind.of("test-tick");

  /** Ticks every millisecond for 100 ticks; counts the ticks its buggify answered true. */
  public static final class Ticker implements Process {
    int buggified;
    int ticks;

    @Override
    public void onStart(Context ctx) {
      ctx.setTimer(1_000_000, "tick");
    }

    @Override
    public void onMessage(Context ctx, Message m) {}

    @Override
    public void onTimer(Context ctx, Object tag) {
      ticks++;
      if (ctx.buggify()) {
        buggified++;
      }
      ctx.sometimes("a tick was buggified", buggified > 0);
      if (ticks < 100) {
        ctx.setTimer(1_000_000, "tick");
      }
    }
  }

  private static Ticker runTicker(Simulation sim) {
    World world = new World(sim, new Distribution.Constant(0));
    Ticker[] t = new Ticker[1];
    world.addNode("t", 1, 1.0, node -> t[0] = new Ticker());
    world.start();
    sim.run();
    return t[0];
  }

  @Test
  void buggify_isOffByDefault_andFiresAtItsProbabilityWhenEnabled() {
    assertThat(runTicker(new Simulation(1)).buggified).isZero();
    Simulation on = new Simulation(1);
    on.enableBuggify(0.25);
    Ticker t = runTicker(on);
    assertThat(t.buggified).isBetween(10, 45);
    // Its own stream: the same seed fires on the same ticks; the trace is unchanged by it.
    Simulation again = new Simulation(1);
    again.enableBuggify(0.25);
    assertThat(runTicker(again).buggified).isEqualTo(t.buggified);
    assertThat(again.traceHashHex()).isEqualTo(on.traceHashHex());
  }

  @Test
  void sometimes_isSummedOverASweep_intoACoverageTable() {
    SeedSweep.Result off = Simulations.seeds(1, 20).threads(2).run(sim -> runTicker(sim));
    assertThat(off.passed()).isTrue();
    assertThat(off.seedsReaching("a tick was buggified")).isZero();
    assertThat(off.coverageTable()).contains("a tick was buggified: 0 of 20 seeds (never "
        + "reached");
    SeedSweep.Result on = Simulations.seeds(1, 20).threads(2).buggify(0.01)
        .run(sim -> runTicker(sim));
    // 100 ticks at 1%: about 63% of the seeds buggify at least one.
    assertThat(on.seedsReaching("a tick was buggified")).isBetween(6L, 19L);
  }

  @Test
  void eventually_failsAtItsDeadline_withSeedAndHash_evenWhenIdle() {
    SeedSweep.Result r = Simulations.seeds(7, 7).run(sim -> {
      boolean[] done = {false};
      sim.schedule(5_000_000, TICK, -1, () -> done[0] = sim.rng().seed() != 7);
      sim.eventually("the work is done", () -> done[0], 10_000_000);
      sim.run();
    });
    assertThat(r.passed()).isFalse();
    assertThat(r.failure().cause()).isInstanceOf(LivenessViolation.class)
        .hasMessageContaining("\"the work is done\"").hasMessageContaining("10ms")
        .hasMessageContaining("seed 7").hasMessageContaining("traceHash");

    SeedSweep.Result ok = Simulations.seeds(1, 3).run(sim -> {
      boolean[] done = {false};
      sim.schedule(5_000_000, TICK, -1, () -> done[0] = true);
      sim.eventually("the work is done", () -> done[0], 10_000_000);
      sim.run();
      assertThat(sim.pendingGoals()).isEmpty();
    });
    assertThat(ok.passed()).as("%s", ok.failure()).isTrue();
  }
}
