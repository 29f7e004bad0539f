package dev.dsim.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dsim.engine.Distribution;
import dev.dsim.engine.EventKind;
import dev.dsim.engine.Simulation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bandwidth and per-link queues, link overrides, and message corruption with and without
 * checksums.
 */
final class NetworkModelTest {
  private static final EventKind SEND = EventKind.of("send");
  private static final Distribution ZERO = new Distribution.Constant(0);

  private final List<String> arrivals = new ArrayList<>();

  private World world(NetworkConfig config) {
    Simulation sim = new Simulation(5);
    World w = new World(sim, config);
    w.addNode("a", 1, 1, n -> (ctx, m) -> {});
    w.addNode("b", 1, 1, n -> (ctx, m) -> arrivals.add(describe(m.payload()) + "@"
        + ctx.self().sim().now()));
    w.addNode("c", 1, 1, n -> (ctx, m) -> arrivals.add("c:" + describe(m.payload()) + "@"
        + ctx.self().sim().now()));
    w.start();
    return w;
  }

  private static String describe(Object payload) {
    return payload instanceof byte[] b ? "bytes" + b.length : payload.toString();
  }

  private static void sendAt(World w, long t, int from, int to, Object payload) {
    w.sim().schedule(t, SEND, -1, () -> w.network().send(w.node(from), to, payload));
  }

  @Test
  void bandwidth_serialisesMessagesOneAfterAnotherOnTheSameLink() {
    // 8 Mbit/s = 1 byte per microsecond: 1000 bytes take 1 ms on the wire.
    World w = world(new NetworkConfig(new Distribution.Constant(500_000), 0, 0, 8e6, 1000, 0,
        false));
    sendAt(w, 0, 0, 1, "m1");
    sendAt(w, 0, 0, 1, "m2");          // queues behind m1
    sendAt(w, 0, 0, 2, "m3");          // another link: no wait
    sendAt(w, 0, 0, 1, new byte[100]); // its own size: 0.1 ms behind m2
    w.sim().run();
    assertThat(arrivals).containsExactly("m1@1500000", "c:m3@1500000", "m2@2500000",
        "bytes100@2600000");
  }

  @Test
  void aConfiguredLink_hasItsOwnLatencyBandwidthAndLoss() {
    World w = world(NetworkConfig.reliable(new Distribution.Constant(100)));
    w.network().configureLink(0, 2, new LinkConfig(new Distribution.Constant(50_000), 0, 0));
    w.network().configureLink(0, 1, new LinkConfig(new Distribution.Constant(100), 0, 1.0));
    sendAt(w, 0, 0, 1, "lost");
    sendAt(w, 0, 0, 2, "slow");
    sendAt(w, 0, 2, 1, "plain");
    w.sim().run();
    assertThat(arrivals).containsExactly("plain@100", "c:slow@50000");
    assertThat(w.network().messagesLost()).isEqualTo(1);
  }

  @Test
  void corruption_withoutChecksumsDeliversDamagedBytes_withChecksumsDiscardsThem() {
    for (boolean checksums : new boolean[] {false, true}) {
      arrivals.clear();
      World w = world(new NetworkConfig(ZERO, 0, 0, 0, 1024, 0.1, checksums));
      int n = 20_000;
      for (int i = 0; i < n; i++) {
        sendAt(w, i, 0, 1, new byte[] {1, 2, 3, 4});
      }
      w.sim().run();
      Network net = w.network();
      assertThat(net.messagesCorrupted() / (double) n).isCloseTo(0.1, within(0.01));
      long delivered = arrivals.size();
      if (checksums) {
        assertThat(net.corruptMessagesDiscarded()).isEqualTo(net.messagesCorrupted());
        assertThat(delivered).isEqualTo(n - net.messagesCorrupted());
      } else {
        assertThat(net.corruptMessagesDiscarded()).isZero();
        assertThat(delivered).isEqualTo(n);
      }
    }
  }

  @Test
  void corruptedBytesDifferFromWhatWasSent_byOneBit() {
    Simulation sim = new Simulation(9);
    World w = new World(sim, new NetworkConfig(ZERO, 0, 0, 0, 1024, 1.0, false));
    List<byte[]> got = new ArrayList<>();
    w.addNode("a", 1, 1, n -> (ctx, m) -> {});
    w.addNode("b", 1, 1, n -> (ctx, m) -> got.add((byte[]) m.payload()));
    w.start();
    byte[] sent = {0, 0, 0, 0};
    sim.schedule(0, SEND, -1, () -> w.network().send(w.node(0), 1, sent));
    sim.run();
    assertThat(got).hasSize(1);
    assertThat(sent).containsExactly(0, 0, 0, 0); // the sender's copy is untouched
    int bits = 0;
    for (byte b : got.get(0)) {
      bits += Integer.bitCount(b & 0xff);
    }
    assertThat(bits).as(Arrays.toString(got.get(0))).isEqualTo(1);
  }

  @Test
  void corruptLinks_damagesOnlyThatNodesTraffic_untilRestored() {
    World w = world(new NetworkConfig(ZERO, 0, 0, 0, 1024, 0, true));
    w.network().corruptLinks(2, 1.0);
    sendAt(w, 0, 0, 1, "to-b");
    sendAt(w, 0, 0, 2, "to-c");
    sendAt(w, 10, 0, 2, "heal");
    w.sim().schedule(5, SEND, -1, () -> w.network().restore(2));
    w.sim().run();
    assertThat(arrivals).containsExactly("to-b@0", "c:heal@10");
    assertThat(w.network().corruptMessagesDiscarded()).isEqualTo(1);
  }
}
