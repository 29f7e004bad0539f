package dev.dsim.world;

import static dev.dsim.engine.Durations.ms;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dsim.engine.Distribution;
import dev.dsim.engine.Simulation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rpc: a reply runs its callback once, whatever the network duplicates; an unanswered request
 * goes again under the same id, and after the last retry the timeout runs; a server that answers
 * late is ignored. And writeDurably: what it acknowledged survives a crash, a plain write not.
 */
final class RpcTest {
  record Ask(long callId, boolean answer) {}

  record Answer(long callId) implements Rpc.Reply {}

  /** A server answering every Ask whose flag says so, twice (a duplicated reply). */
  static final class Server implements Process {
    final List<Long> asked = new ArrayList<>();

    @Override
    public void onMessage(Context ctx, Message m) {
      Ask a = (Ask) m.payload();
      asked.add(a.callId());
      if (a.answer()) {
        ctx.send(m.from(), new Answer(a.callId()));
        ctx.send(m.from(), new Answer(a.callId()));
      }
    }
  }

  static final class Client implements Process {
    final List<String> outcomes = new ArrayList<>();
    Rpc rpc;

    @Override
    public void onStart(Context ctx) {
      rpc = new Rpc(ctx);
      int server = ctx.nodeId("server");
      rpc.call(server, id -> new Ask(id, true), ms(10), 2, Answer.class,
          a -> outcomes.add("reply " + a.callId() + " at " + ctx.now() / ms(1)),
          () -> outcomes.add("gave up"));
      rpc.call(server, id -> new Ask(id, false), ms(10), 2, Answer.class,
          a -> outcomes.add("unexpected"), () -> outcomes.add("timeout at " + ctx.now() / ms(1)));
    }

    @Override
    public void onMessage(Context ctx, Message m) {
      if (!rpc.onMessage(m)) {
        outcomes.add("not a reply");
      }
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
      assertThat(rpc.onTimer(tag)).isTrue();
    }
  }

  @Test
  void aReplyRunsOnce_andAnUnansweredCallRetriesThenTimesOut() {
    Simulation sim = new Simulation(1);
    World world = new World(sim, new Distribution.Constant(ms(1)));
    Server server = new Server();
    Client client = new Client();
    world.addNode("server", 1, 1, n -> server);
    world.addNode("client", 1, 1, n -> client);
    world.start();
    sim.runUntil(ms(100));
    // Call 0 answered after 2 ms (both copies arrive; one counts); call 1 asked three times
    // (the first try and two retries, 10 ms apart, all under id 1), then gave up at 30 ms.
    assertThat(client.outcomes).containsExactly("reply 0 at 2", "timeout at 30");
    assertThat(server.asked).containsExactly(0L, 1L, 1L, 1L);
    assertThat(client.rpc.open()).isZero();
  }

  @Test
  void writeDurably_survivesACrash_aPlainWriteDoesNot() {
    Simulation sim = new Simulation(1);
    World world = new World(sim, new Distribution.Constant(ms(1)));
    List<DiskStatus> acked = new ArrayList<>();
    Node node = world.addNode("n", 1, 1, n -> new Process() {
      @Override
      public void onStart(Context ctx) {
        if (!ctx.recovering()) {
          // The plain write comes after the fsync (an fsync covers every write before it).
          ctx.disk().writeDurably("durable", new byte[] {1}, status -> {
            acked.add(status);
            ctx.disk().write("plain", new byte[] {2}, s -> { });
          });
        }
      }

      @Override
      public void onMessage(Context ctx, Message m) {}
    });
    world.start();
    sim.runUntil(ms(50));
    assertThat(acked).containsExactly(DiskStatus.OK);
    node.crash();
    node.restart();
    assertThat(node.disk().keys()).containsExactly("durable");
  }

  /**
   * ctx.call: the node routes the replies and timeouts itself; the process's onMessage and
   * onTimer never see them, only what is not a call's. A crash drops the open calls.
   */
  @Test
  void ctxCall_isRoutedByTheNode_andDiesWithItsIncarnation() {
    Simulation sim = new Simulation(1);
    World world = new World(sim, new Distribution.Constant(ms(1)));
    Server server = new Server();
    List<String> seen = new ArrayList<>();
    world.addNode("server", 1, 1, n -> server);
    Node client = world.addNode("client", 1, 1, n -> new Process() {
      @Override
      public void onStart(Context ctx) {
        int to = ctx.nodeId("server");
        ctx.call(to, id -> new Ask(id, true), ms(10), 0, Answer.class,
            a -> seen.add("reply " + a.callId()), () -> seen.add("gave up"));
        ctx.call(to, id -> new Ask(id, false), ms(10), 3, Answer.class,
            a -> seen.add("unexpected"), () -> seen.add("timeout"));
        ctx.setTimer(ms(5), "own timer");
      }

      @Override
      public void onMessage(Context ctx, Message m) {
        seen.add("onMessage " + m.payload());
      }

      @Override
      public void onTimer(Context ctx, Object tag) {
        seen.add("onTimer " + tag);
      }
    });
    world.start();
    sim.runUntil(ms(15));
    client.crash(); // the second call, retried at 10 ms, is still open: it dies here
    sim.runUntil(ms(100));
    assertThat(seen).containsExactly("reply 0", "onTimer own timer");
    assertThat(server.asked).containsExactly(0L, 1L, 1L);
  }
}
