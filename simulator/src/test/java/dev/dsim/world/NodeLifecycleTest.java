package dev.dsim.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsim.engine.Distribution;
import dev.dsim.engine.EventKind;
import dev.dsim.engine.Simulation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Crash drops volatile state, in-flight messages, timers and CPU work; restart starts afresh. */
final class NodeLifecycleTest {
  private static final EventKind K = EventKind.of("test");
  private final Simulation sim = new Simulation(1);
  private final World world = new World(sim, new Distribution.Constant(10));
  private final List<String> log = new ArrayList<>();

  /** Counts messages in volatile state; logs starts, messages and timers. */
  private final class Counter implements Process {
    int received;

    @Override
    public void onStart(Context ctx) {
      log.add("start recovering=" + ctx.recovering() + " inc=" + ctx.self().incarnation());
      ctx.setTimer(100, "tick");
    }

    @Override
    public void onMessage(Context ctx, Message m) {
      received++;
      log.add(m.payload() + " #" + received + "@" + ctx.now());
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
      log.add(tag + "@" + ctx.now());
    }
  }

  @Test
  void crash_dropsInFlightMessagesTimersAndState_restartCreatesAFreshProcess() {
    Node sender = world.addNode("sender", 1, 1, n -> (ctx, m) -> {});
    Node target = world.addNode("target", 1, 1, n -> new Counter());
    world.start();
    sim.schedule(0, K, -1, () -> send(sender, target, "m1"));   // arrives at 10
    sim.schedule(20, K, -1, () -> send(sender, target, "m2"));  // in flight at the crash
    sim.schedule(25, K, -1, target::crash);
    sim.schedule(26, K, -1, () -> send(sender, target, "m3"));  // sent to a dead node
    sim.schedule(50, K, -1, target::restart);
    sim.schedule(60, K, -1, () -> send(sender, target, "m4"));
    sim.runUntil(300);
    assertThat(log).containsExactly(
        "start recovering=false inc=0",
        "m1 #1@10",
        // m2 (in flight at the crash), m3 (sent while down) and the tick at 100 are gone
        "start recovering=true inc=1",
        "m4 #1@70", // a fresh process: its counter starts again
        "tick@150");
    assertThat(target.crashes()).isEqualTo(1);
    assertThat(target.upNanos()).isEqualTo(300 - 25);
    assertThat(world.network().messagesDropped()).isEqualTo(2);
  }

  @Test
  void aRestartedProcess_drawsAfresh_andTheFirstIncarnationKeepsTheNodesStream() {
    List<Long> draws = new ArrayList<>();
    Node node = world.addNode("n", 1, 1, n -> new Process() {
      @Override
      public void onStart(Context ctx) {
        draws.add(ctx.rng().fork("work").nextLong());
      }

      @Override
      public void onMessage(Context ctx, Message m) {}
    });
    world.start();
    sim.schedule(10, K, -1, node::crash);
    sim.schedule(20, K, -1, node::restart);
    sim.schedule(30, K, -1, node::crash);
    sim.schedule(40, K, -1, node::restart);
    sim.runUntil(100);
    assertThat(draws).hasSize(3).doesNotHaveDuplicates();
    assertThat(draws.get(0)).isEqualTo(sim.rng().fork("node/n/work").nextLong());
    assertThat(draws.get(1)).isEqualTo(sim.rng().fork("node/n/incarnation-2/work").nextLong());
  }

  @Test
  void crash_dropsQueuedAndRunningCpuWork() {
    List<String> done = new ArrayList<>();
    Node n = world.addNode("n", 1, 1, node -> (ctx, m) -> {});
    world.start();
    n.cpu().submit(100, () -> done.add("lost"));
    sim.schedule(50, K, -1, n::crash);
    sim.schedule(60, K, -1, n::restart);
    sim.schedule(70, K, -1, () -> n.cpu().submit(10, () -> done.add("after@" + sim.now())));
    sim.run();
    assertThat(done).containsExactly("after@80");
  }

  @Test
  void crashAndRestart_areIdempotent() {
    Node n = world.addNode("n", 1, 1, node -> (ctx, m) -> {});
    world.start();
    assertThat(n.restart()).isFalse();
    assertThat(n.crash()).isTrue();
    assertThat(n.crash()).isFalse();
    assertThat(n.isUp()).isFalse();
    assertThat(n.process()).isNull();
    assertThat(n.restart()).isTrue();
    assertThat(n.crashes()).isEqualTo(1);
  }

  @Test
  void slowdown_stretchesServiceTime_untilLifted() {
    Node n = world.addNode("n", 1, 2.0, node -> (ctx, m) -> {});
    world.start();
    long[] finished = new long[2];
    n.cpu().setSlowdown(10);
    n.cpu().submit(100, () -> finished[0] = sim.now()); // 100 / 2 * 10 = 500
    sim.run();
    n.cpu().setSlowdown(1);
    n.cpu().submit(100, () -> finished[1] = sim.now()); // 50 more
    sim.run();
    assertThat(finished).containsExactly(500, 550);
  }

  private void send(Node from, Node to, String payload) {
    world.network().send(from, to.id(), payload);
  }
}
