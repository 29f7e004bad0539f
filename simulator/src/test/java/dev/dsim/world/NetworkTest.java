package dev.dsim.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsim.engine.Distribution;
import dev.dsim.engine.Simulation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class NetworkTest {
  private final Simulation sim = new Simulation(7);
  private final List<String> received = new ArrayList<>();

  private World world(Distribution latency) {
    return world(sim, latency);
  }

  /** Node a says hello to b on start; b replies; both log what they receive. */
  private World world(Simulation simulation, Distribution latency) {
    World world = new World(simulation, latency);
    world.addNode("a", 1, 1, n -> new Process() {
      @Override
      public void onStart(Context ctx) {
        ctx.send(ctx.nodeId("b"), "hello");
      }

      @Override
      public void onMessage(Context ctx, Message m) {
        received.add("a got " + m.payload() + "@" + ctx.now());
      }
    });
    world.addNode("b", 1, 1, n -> (ctx, m) -> {
      received.add("b got " + m.payload() + "@" + ctx.now());
      ctx.send(m.from(), "reply");
    });
    return world;
  }

  @Test
  void messagesArriveAfterTheirLatency() {
    World w = world(new Distribution.Constant(3_000));
    w.start();
    sim.run();
    assertThat(received).containsExactly("b got hello@3000", "a got reply@6000");
    assertThat(w.network().messagesDelivered()).isEqualTo(2);
  }

  @Test
  void blockedDirectedPairLosesMessagesOneWayOnly() {
    World w = world(new Distribution.Constant(1_000));
    w.network().block(1, 0); // b -> a blocked; a -> b still open
    w.start();
    sim.run();
    assertThat(received).containsExactly("b got hello@1000");
    assertThat(w.network().messagesDropped()).isEqualTo(1);
    assertThat(w.network().isBlocked(1, 0)).isTrue();
    assertThat(w.network().isBlocked(0, 1)).isFalse();
  }

  @Test
  void unblockRestoresDelivery() {
    World w = world(new Distribution.Constant(1_000));
    w.network().block(1, 0);
    w.network().unblock(1, 0);
    w.start();
    sim.run();
    assertThat(received).hasSize(2);
  }

  @Test
  void latencyIsDrawnFromTheNetworkStream() {
    World w = world(new Distribution.Exponential(1_000_000));
    w.start();
    sim.run();
    assertThat(received).hasSize(2);
    // Same seed, same draws: a second identical world sees the same arrival times.
    List<String> first = List.copyOf(received);
    received.clear();
    Simulation again = new Simulation(7);
    World w2 = world(again, new Distribution.Exponential(1_000_000));
    w2.start();
    again.run();
    assertThat(received).isEqualTo(first);
    assertThat(again.traceHash()).isEqualTo(sim.traceHash());
  }

  @Test
  void partition_cutsBothWays_stacksWithOthers_andHealsOnce() {
    World world = world(new Distribution.Constant(1_000_000));
    Network net = world.network();
    Runnable heal = net.partition(new int[] {0}, new int[] {1});
    assertThat(net.isBlocked(0, 1)).isTrue();
    assertThat(net.isBlocked(1, 0)).isTrue();
    Runnable other = net.partition(new int[] {1}, new int[] {0});
    heal.run();
    heal.run(); // a second heal must not lift the other partition's blocks
    assertThat(net.isBlocked(0, 1)).isTrue();
    other.run();
    assertThat(net.isBlocked(0, 1)).isFalse();
    assertThat(net.isBlocked(1, 0)).isFalse();
  }
}
