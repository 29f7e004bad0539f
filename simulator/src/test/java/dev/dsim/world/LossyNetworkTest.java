package dev.dsim.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dsim.engine.Distribution;
import dev.dsim.engine.EventKind;
import dev.dsim.engine.Simulation;
import org.junit.jupiter.api.Test;

/** Loss, duplication and degraded links, counted at the receiver. */
final class LossyNetworkTest {
  private static final EventKind SEND = EventKind.of("send");
  private static final int N = 100_000;

  private static int[] deliver(long seed, NetworkConfig config, Runnable midway) {
    Simulation sim = new Simulation(seed);
    World world = new World(sim, config);
    int[] received = new int[1];
    Node a = world.addNode("a", 1, 1, n -> (ctx, m) -> {});
    world.addNode("b", 1, 1, n -> (ctx, m) -> received[0]++);
    world.start();
    for (int i = 0; i < N; i++) {
      sim.schedule(i * 1_000L, SEND, -1, () -> world.network().send(a, 1, "x"));
    }
    if (midway != null) {
      sim.schedule(N / 2 * 1_000L, SEND, -1, midway);
    }
    sim.run();
    return received;
  }

  @Test
  void loss_dropsThatFractionOfMessages() {
    int got = deliver(1, new NetworkConfig(new Distribution.Constant(10), 0.05, 0), null)[0];
    assertThat(got / (double) N).isCloseTo(0.95, within(0.004));
  }

  @Test
  void duplication_deliversThatFractionTwice() {
    int got = deliver(1, new NetworkConfig(new Distribution.Constant(10), 0, 0.02), null)[0];
    assertThat(got / (double) N).isCloseTo(1.02, within(0.003));
  }

  @Test
  void reliableNetwork_deliversEverythingOnce() {
    assertThat(deliver(1, NetworkConfig.reliable(new Distribution.Constant(10)), null)[0])
        .isEqualTo(N);
  }

  @Test
  void switchingLossOn_doesNotShiftLatencyDraws() {
    Simulation a = new Simulation(3);
    Simulation b = new Simulation(3);
    long[] first = arrivals(a, 0);
    long[] second = arrivals(b, 0.5);
    // Whatever loss removes, the messages that do arrive keep their latencies.
    for (int i = 0; i < first.length; i++) {
      if (second[i] >= 0) {
        assertThat(second[i]).isEqualTo(first[i]);
      }
    }
  }

  private static long[] arrivals(Simulation sim, double loss) {
    World world = new World(sim, new NetworkConfig(new Distribution.Exponential(1000), loss, 0));
    long[] at = new long[200];
    java.util.Arrays.fill(at, -1);
    Node a = world.addNode("a", 1, 1, n -> (ctx, m) -> {});
    world.addNode("b", 1, 1, n -> (ctx, m) -> at[(Integer) m.payload()] = ctx.now());
    world.start();
    // One message per slot far apart, so a lost message shifts no later latency draw... unless
    // the latency stream were shared with the loss stream.
    for (int i = 0; i < at.length; i++) {
      int k = i;
      sim.schedule(i * 1_000_000L, SEND, -1, () -> world.network().send(a, 1, k));
    }
    sim.run();
    return at;
  }

  @Test
  void degradedNode_addsLatencyAndLoss_untilRestored() {
    int[] got = deliver(5, NetworkConfig.reliable(new Distribution.Constant(10)), null);
    assertThat(got[0]).isEqualTo(N);
    Simulation sim = new Simulation(5);
    World world = new World(sim, new Distribution.Constant(10));
    long[] lastArrival = new long[1];
    int[] received = new int[1];
    Node a = world.addNode("a", 1, 1, n -> (ctx, m) -> {});
    world.addNode("b", 1, 1, n -> (ctx, m) -> {
      received[0]++;
      lastArrival[0] = ctx.now() - m.sentAtNanos();
    });
    world.start();
    world.network().degrade(1, 5_000, 0.5);
    for (int i = 0; i < 10_000; i++) {
      world.network().send(a, 1, "x");
    }
    sim.run();
    assertThat(received[0] / 10_000.0).isCloseTo(0.5, within(0.02));
    assertThat(lastArrival[0]).isEqualTo(5_010);
    world.network().restore(1);
    world.network().send(a, 1, "x");
    sim.run();
    assertThat(lastArrival[0]).isEqualTo(10);
  }
}
