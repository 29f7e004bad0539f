package dev.dsim.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsim.engine.Distribution;
import dev.dsim.engine.EventKind;
import dev.dsim.engine.Simulation;
import org.junit.jupiter.api.Test;

/**
 * A slow node is indistinguishable from a dead one to a heartbeat with a short timeout: the
 * monitor suspects both, and the suspicion of the slow node is false (it never stopped).
 */
final class FalseSuspicionTest {
  private static final EventKind K = EventKind.of("test");
  private static final long MS = 1_000_000;

  /** Pings every 100 ms; suspects the peer when no pong came for 300 ms. */
  private static final class Monitor implements Process {
    long firstSuspicionAt = -1;
    private long lastPong;

    @Override
    public void onStart(Context ctx) {
      lastPong = ctx.now();
      ctx.setTimer(100 * MS, "tick");
    }

    @Override
    public void onMessage(Context ctx, Message m) {
      lastPong = ctx.now();
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
      if (ctx.now() - lastPong > 300 * MS && firstSuspicionAt < 0) {
        firstSuspicionAt = ctx.now();
      }
      ctx.send(ctx.nodeId("peer"), "ping");
      ctx.setTimer(100 * MS, "tick");
    }
  }

  /** Answers each ping after 1 ms of CPU work. */
  private static final class Peer implements Process {
    @Override
    public void onMessage(Context ctx, Message m) {
      int from = m.from();
      ctx.compute(MS, () -> ctx.send(from, "pong"));
    }
  }

  private static long suspicionAfter(boolean slowNotDead) {
    Simulation sim = new Simulation(1);
    World world = new World(sim, new Distribution.Constant(MS));
    Monitor monitor = new Monitor();
    world.addNode("monitor", 1, 1, n -> monitor);
    Node peer = world.addNode("peer", 1, 1, n -> new Peer());
    world.start();
    sim.schedule(1_000 * MS, K, -1, () -> {
      if (slowNotDead) {
        peer.cpu().setSlowdown(1_000); // 1 ms of work now takes 1 s
      } else {
        peer.crash();
      }
    });
    sim.runUntil(3_000 * MS);
    assertThat(peer.isUp()).isEqualTo(slowNotDead);
    return monitor.firstSuspicionAt;
  }

  @Test
  void aSlowNodeIsSuspectedLikeADeadOne_aFalseSuspicion() {
    long dead = suspicionAfter(false);
    long slow = suspicionAfter(true);
    assertThat(dead).isBetween(1_300 * MS, 1_500 * MS);
    // The slow peer is up the whole time, yet suspected as soon as, or about as soon as, the
    // dead one: from the monitor's side the two look the same.
    assertThat(slow).isPositive();
    assertThat(Math.abs(slow - dead)).isLessThanOrEqualTo(200 * MS);
  }
}
