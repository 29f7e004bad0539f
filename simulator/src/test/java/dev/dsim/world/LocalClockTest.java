package dev.dsim.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsim.engine.Distribution;
import dev.dsim.engine.EventKind;
import dev.dsim.engine.Simulation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Local clocks: offset, drift and jumps change what a node reads and when its timers fire. */
final class LocalClockTest {
  private static final EventKind K = EventKind.of("test");
  private final Simulation sim = new Simulation(1);
  private final World world = new World(sim, new Distribution.Constant(0));
  private final List<String> fired = new ArrayList<>();

  /** Sets one timer of {@code delay} at start; logs (local, simulated) time when it fires. */
  private Node nodeWithTimer(long delay) {
    return world.addNode("n", 1, 1, n -> new Process() {
      @Override
      public void onStart(Context ctx) {
        ctx.setTimer(delay, "t");
      }

      @Override
      public void onMessage(Context ctx, Message m) {}

      @Override
      public void onTimer(Context ctx, Object tag) {
        fired.add("local=" + ctx.now() + " sim=" + sim.now());
      }
    });
  }

  @Test
  void offsetShiftsTheReading_notTheTimers() {
    Node n = nodeWithTimer(1_000);
    n.clock().jump(500);
    world.start();
    sim.run();
    assertThat(fired).containsExactly("local=1500 sim=1000");
    assertThat(n.clock().offsetNanos()).isEqualTo(500);
  }

  @Test
  void fastClock_firesTimersEarlierInSimulatedTime() {
    Node n = nodeWithTimer(1_000_000);
    n.clock().setDrift(1_000_000); // twice as fast
    world.start();
    sim.run();
    assertThat(fired).containsExactly("local=1000000 sim=500000");
  }

  @Test
  void slowClock_firesTimersLater() {
    Node n = nodeWithTimer(1_000_000);
    n.clock().setDrift(-500_000); // half speed
    world.start();
    sim.run();
    assertThat(fired).containsExactly("local=1000000 sim=2000000");
  }

  @Test
  void jumpForward_firesPendingTimersAtOnce_jumpBack_delaysThem() {
    Node n = nodeWithTimer(10_000);
    world.start();
    sim.schedule(2_000, K, -1, () -> n.clock().jump(20_000));
    sim.run();
    assertThat(fired).containsExactly("local=22000 sim=2000");

    fired.clear();
    Simulation sim2 = new Simulation(1);
    World w2 = new World(sim2, new Distribution.Constant(0));
    Node m = w2.addNode("m", 1, 1, x -> new Process() {
      @Override
      public void onStart(Context ctx) {
        ctx.setTimer(10_000, "t");
      }

      @Override
      public void onMessage(Context ctx, Message msg) {}

      @Override
      public void onTimer(Context ctx, Object tag) {
        fired.add("local=" + ctx.now() + " sim=" + sim2.now());
      }
    });
    w2.start();
    sim2.schedule(2_000, K, -1, () -> m.clock().jump(-5_000));
    sim2.run();
    assertThat(fired).containsExactly("local=10000 sim=15000");
  }

  @Test
  void driftChange_midway_keepsTheClockContinuous() {
    Node n = world.addNode("n", 1, 1, x -> (ctx, m) -> {});
    world.start();
    long[] readings = new long[2];
    sim.schedule(1_000, K, -1, () -> n.clock().setDrift(100_000)); // +10%
    sim.schedule(1_000, K, -1, () -> readings[0] = n.clock().now());
    sim.schedule(2_000, K, -1, () -> readings[1] = n.clock().now());
    sim.run();
    assertThat(readings).containsExactly(1_000, 2_100);
  }

  @Test
  void cancelledTimers_stayCancelledAcrossClockChanges() {
    List<Timer> handle = new ArrayList<>();
    Node n = world.addNode("n", 1, 1, x -> new Process() {
      @Override
      public void onStart(Context ctx) {
        handle.add(ctx.setTimer(10_000, "t"));
      }

      @Override
      public void onMessage(Context ctx, Message m) {}

      @Override
      public void onTimer(Context ctx, Object tag) {
        fired.add("fired");
      }
    });
    world.start();
    assertThat(handle.get(0).cancel()).isTrue();
    n.clock().jump(50_000);
    sim.run();
    assertThat(fired).isEmpty();
  }
}
