package dev.dsim.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dsim.engine.Distribution;
import dev.dsim.engine.Event;
import dev.dsim.engine.EventKind;
import dev.dsim.engine.Simulation;
import dev.dsim.engine.TraceListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Calls}: a reply closes its call and cancels its timeout; a timeout
 * leaves the call open for the process to close or retry; late and duplicate replies find
 * nothing; the table holds many calls and stragglers; it lives and dies with its incarnation.
 */
final class CallsTest {
  private static final EventKind K = EventKind.of("test");
  /** One-way latency: a round trip takes 20 ns. */
  private final Simulation sim = new Simulation(1);
  private final World world = new World(sim, new Distribution.Constant(10));
  private final List<String> log = new ArrayList<>();

  record Ask(long id) {}

  record Answer(long id) {}

  /** Answers every {@link Ask} {@code copies} times, after {@code delayNanos}. */
  private Node server(long delayNanos, int copies) {
    return world.addNode("server", 1, 1, n -> (ctx, m) -> {
      if (m.payload() instanceof Ask a) {
        int from = m.from();
        ctx.compute(delayNanos, () -> {
          for (int i = 0; i < copies; i++) {
            ctx.send(from, new Answer(a.id()));
          }
        });
      }
    });
  }

  /**
   * Asks the server once at start, with a timeout; on a timeout gives up ({@code retry} false)
   * or asks again under the same id. Logs what it sees.
   */
  private final class Caller implements Process {
    final long timeoutNanos;
    final boolean retry;
    Calls<String> calls;
    int server;

    Caller(long timeoutNanos, boolean retry) {
      this.timeoutNanos = timeoutNanos;
      this.retry = retry;
    }

    @Override
    public void onStart(Context ctx) {
      calls = new Calls<>(ctx, 7);
      server = ctx.nodeId("server");
      long id = calls.open("question");
      ask(ctx, id);
    }

    void ask(Context ctx, long id) {
      ctx.send(server, new Ask(id));
      calls.setTimeout(id, timeoutNanos);
    }

    @Override
    public void onMessage(Context ctx, Message m) {
      Answer a = (Answer) m.payload();
      log.add("answer " + a.id() + "@" + ctx.now() + " -> " + calls.close(a.id()));
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
      long id = calls.timedOut(tag);
      log.add("timeout " + id + "@" + ctx.now() + " open=" + calls.isOpen(id));
      if (retry) {
        ask(ctx, id);
      } else {
        calls.close(id);
      }
    }
  }

  @Test
  void replyBeforeTimeout_closesTheCall_andItsTimeoutNeverFires() {
    server(0, 1);
    Caller caller = new Caller(100, false);
    world.addNode("caller", 1, 1, n -> caller);
    world.start();
    sim.run();
    assertThat(log).containsExactly("answer 7@20 -> question");
    assertThat(caller.calls.isEmpty()).isTrue();
    assertThat(caller.calls.nextId()).isEqualTo(8);
    assertThat(sim.now()).as("the cancelled timeout never fired").isEqualTo(20);
  }

  @Test
  void timeoutThenLateReply_theLateReplyFindsNothing() {
    server(50, 1); // answers at 60, arrives at 70
    world.addNode("caller", 1, 1, n -> new Caller(30, false));
    world.start();
    sim.run();
    assertThat(log).containsExactly("timeout 7@30 open=true", "answer 7@70 -> null");
  }

  @Test
  void duplicateReply_onlyTheFirstClosesTheCall() {
    server(0, 3);
    world.addNode("caller", 1, 1, n -> new Caller(100, false));
    world.start();
    sim.run();
    assertThat(log).containsExactly("answer 7@20 -> question", "answer 7@20 -> null",
        "answer 7@20 -> null");
  }

  @Test
  void retryUnderTheSameId_aReplyToAnyAttemptClosesIt() {
    server(15, 1); // each ask is answered 35 ns after it is sent
    world.addNode("caller", 1, 1, n -> new Caller(30, true));
    world.start();
    sim.run();
    // Asked at 0 and (after the timeout) at 30: the first answer closes the call and cancels
    // the second timeout; the second answer finds nothing.
    assertThat(log).containsExactly("timeout 7@30 open=true", "answer 7@35 -> question",
        "answer 7@65 -> null");
    assertThat(sim.now()).isEqualTo(65);
  }

  @Test
  void setTimeoutAgain_replacesThePendingOne() {
    List<Long> timedOut = new ArrayList<>();
    world.addNode("n", 1, 1, n -> new Process() {
      Calls<String> calls;

      @Override
      public void onStart(Context ctx) {
        calls = new Calls<>(ctx);
        long id = calls.open("x");
        calls.setTimeout(id, 10);
        calls.setTimeout(id, 25);
      }

      @Override
      public void onMessage(Context ctx, Message m) {}

      @Override
      public void onTimer(Context ctx, Object tag) {
        timedOut.add(calls.timedOut(tag));
        timedOut.add(ctx.now());
      }
    });
    world.start();
    sim.run();
    assertThat(timedOut).containsExactly(0L, 25L);
  }

  @Test
  void foreignTags_forgottenCalls_andUnknownIds_areNotCalls() {
    List<String> seen = new ArrayList<>();
    world.addNode("n", 1, 1, n -> new Process() {
      Calls<String> mine;
      Calls<String> other;

      @Override
      public void onStart(Context ctx) {
        mine = new Calls<>(ctx);
        other = new Calls<>(ctx);
        other.setTimeout(other.open("theirs"), 5);
        mine.setTimeout(mine.open("forgotten"), 10);
        ctx.setTimer(1, "plain");
        mine.forgetAll();
        assertThat(mine.close(0)).isNull();
        assertThat(mine.close(42)).isNull();
        assertThat(mine.get(-3)).isNull();
        assertThat(mine.open("next")).as("ids are never reused").isEqualTo(1);
      }

      @Override
      public void onMessage(Context ctx, Message m) {}

      @Override
      public void onTimer(Context ctx, Object tag) {
        seen.add(tag + "@" + ctx.now() + " -> " + mine.timedOut(tag));
      }
    });
    world.start();
    sim.run();
    assertThat(seen).containsExactly("plain@1 -> -1", "timeout of theirs@5 -> -1",
        "timeout of forgotten@10 -> -1");
  }

  @Test
  void timeoutsEnterTheTrace_asTimersTaggedWithTheRecord() {
    record Traced(long id) implements TraceSummary {
      @Override
      public long traceSummary() {
        return 1000 + id;
      }
    }
    List<String> events = new ArrayList<>();
    sim.setTraceListener(new TraceListener() {
      @Override
      public void onEvent(long timeNanos, Event e) {
        events.add(e.kind().name() + " " + e.describe() + " " + e.traceDetail());
      }
    });
    world.addNode("n", 1, 1, n -> new Process() {
      @Override
      public void onStart(Context ctx) {
        Calls<Object> calls = new Calls<>(ctx);
        calls.setTimeout(calls.open(new Traced(5)), 10);
        calls.setTimeout(calls.open("plain"), 20);
      }

      @Override
      public void onMessage(Context ctx, Message m) {}
    });
    world.start();
    sim.run();
    assertThat(events).containsExactly("timer timeout of Traced[id=5] 1005",
        "timer timeout of plain 0");
  }

  @Test
  void manyOutstandingCalls_andStragglers_matchAPlainMap() {
    int[] checked = {0};
    world.addNode("n", 1, 1, n -> new Process() {
      @Override
      public void onStart(Context ctx) {
        Calls<Long> calls = new Calls<>(ctx);
        Map<Long, Long> model = new HashMap<>();
        dev.dsim.engine.Rng random = ctx.rng();
        List<Long> open = new ArrayList<>();
        long straggler = calls.open(42L);
        model.put(straggler, 42L);
        for (int step = 0; step < 400_000; step++) {
          if (open.size() < 5_000 && (open.isEmpty() || random.nextInt(3) != 0)) {
            long id = calls.open(-(long) step);
            model.put(id, -(long) step);
            open.add(id);
          } else {
            // Mostly the oldest (calls close roughly in order); now and then any one.
            int k = random.nextInt(10) == 0 ? random.nextInt(open.size()) : 0;
            long id = open.remove(k);
            assertThat(calls.close(id)).isEqualTo(model.remove(id));
            assertThat(calls.close(id)).isNull();
          }
          if (step % 997 == 0) {
            long probe = random.nextInt(step + 1);
            assertThat(calls.get(probe)).isEqualTo(model.get(probe));
            checked[0]++;
          }
          assertThat(calls.size()).isEqualTo(model.size());
        }
        // A straggler opened first stays findable however many calls came and went.
        assertThat(calls.get(straggler)).isEqualTo(42L);
        for (Long id : open) {
          assertThat(calls.get(id)).isEqualTo(model.get(id));
        }
        // Ids of one's own choosing, even with a stride that shares the table's modulus.
        Calls<String> strided = new Calls<>(ctx);
        for (long i = 0; i < 2_000; i++) {
          strided.open(i * 1024, "v" + i);
        }
        for (long i = 0; i < 2_000; i += 2) {
          assertThat(strided.close(i * 1024)).isEqualTo("v" + i);
        }
        for (long i = 0; i < 2_000; i++) {
          assertThat(strided.get(i * 1024)).isEqualTo(i % 2 == 0 ? null : "v" + i);
        }
        assertThatThrownBy(() -> strided.open(1024, "again"))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("already open");
      }

      @Override
      public void onMessage(Context ctx, Message m) {}
    });
    world.start();
    assertThat(checked[0]).isGreaterThan(400);
  }

  @Test
  void stragglers_doNotPushLaterCallsAwayFromHome() {
    int[] longest = {-1};
    world.addNode("n", 1, 1, n -> new Process() {
      @Override
      public void onStart(Context ctx) {
        Calls<Long> calls = new Calls<>(ctx);
        java.util.ArrayDeque<Long> window = new java.util.ArrayDeque<>();
        // A balancer's life: ~200 calls in flight, each closed in turn, except that a backend
        // crashed and every 8th call of a stretch of 4,000 never gets its reply (500 stragglers).
        for (long step = 0; step < 1_000_000; step++) {
          long id = calls.open(step);
          boolean lost = step >= 10_000 && step < 14_000 && step % 8 == 0;
          if (!lost) {
            window.addLast(id);
          }
          if (window.size() > 200) {
            long oldest = window.pollFirst();
            assertThat(calls.close(oldest)).isEqualTo(oldest);
          }
        }
        assertThat(calls.size()).isEqualTo(200 + 500);
        longest[0] = calls.longestProbe();
      }

      @Override
      public void onMessage(Context ctx, Message m) {}
    });
    world.start();
    // Homes as id modulo the capacity let each straggler the window passed shift it one slot
    // further for good: a call then sat hundreds of slots from home (240 here), and every look-up
    // walked them. Hashed homes keep the probe short whatever the stragglers.
    assertThat(longest[0]).isBetween(0, 24);
  }

  @Test
  void crash_dropsTheTableAndItsTimeouts_theRestartedProcessStartsEmpty() {
    List<Calls<String>> tables = new ArrayList<>();
    Node n = world.addNode("n", 1, 1, node -> new Process() {
      Calls<String> calls;

      @Override
      public void onStart(Context ctx) {
        calls = new Calls<>(ctx);
        tables.add(calls);
        long id = calls.open(ctx.recovering() ? "after" : "before");
        calls.setTimeout(id, 100);
        log.add("start " + id + " size " + calls.size());
      }

      @Override
      public void onMessage(Context ctx, Message m) {}

      @Override
      public void onTimer(Context ctx, Object tag) {
        long id = calls.timedOut(tag);
        log.add("timeout " + id + " of " + calls.close(id) + "@" + ctx.now());
      }
    });
    world.start();
    sim.schedule(50, K, -1, n::crash);
    sim.schedule(60, K, -1, n::restart);
    sim.run();
    // The first incarnation's timeout (due at 100) died with it; the second's fires at 160.
    assertThat(log).containsExactly("start 0 size 1", "start 0 size 1", "timeout 0 of after@160");
    Calls<String> old = tables.get(0);
    assertThatThrownBy(() -> old.open("zombie")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("after its crash");
    assertThatThrownBy(() -> old.setTimeout(0, 5)).isInstanceOf(IllegalStateException.class);
    assertThat(old.get(0)).as("reading a dead table is harmless").isEqualTo("before");
  }

  @Test
  void misuse_isRefused() {
    world.addNode("n", 1, 1, n -> new Process() {
      @Override
      public void onStart(Context ctx) {
        Calls<String> calls = new Calls<>(ctx);
        assertThatThrownBy(() -> calls.setTimeout(3, 10))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not open");
        assertThatThrownBy(() -> calls.open(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> calls.open(-2, "x"))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Calls<String>(ctx, -1))
            .isInstanceOf(IllegalArgumentException.class);
      }

      @Override
      public void onMessage(Context ctx, Message m) {}
    });
    world.start();
  }
}
