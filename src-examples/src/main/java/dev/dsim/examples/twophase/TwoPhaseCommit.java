package dev.dsim.examples.twophase;

import static dev.dsim.engine.Durations.ms;
import static dev.dsim.engine.Durations.seconds;
import static dev.dsim.fault.Faults.split;

import dev.dsim.engine.Distribution;
import dev.dsim.engine.Simulation;
import dev.dsim.fault.FaultPlan;
import dev.dsim.testing.RunFaults;
import dev.dsim.world.Context;
import dev.dsim.world.Message;
import dev.dsim.world.Process;
import dev.dsim.world.Rpc;
import dev.dsim.world.World;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two-phase commit with presumed abort, written with the library's helpers ({@code ctx.call}
 * for every request and its retries, replies being {@link Rpc.Reply}s,
 * {@code disk().writeDurably} for the log, {@code ctx.peers()},
 * {@code ms(..)}, a {@link FaultPlan} for the nemesis), and a durability bug you can switch on:
 * the coordinator sends COMMIT before its decision is fsynced.
 *
 * <p>How it works. Every 100 ms the coordinator starts a transaction and asks each participant
 * to prepare; a participant logs "prepared" durably and votes yes. With every vote in, the
 * coordinator decides commit, logs the decision durably and then tells the participants; a
 * prepare that goes unanswered (after retries) aborts the transaction. A participant that
 * hears no decision asks the coordinator, which answers from what it knows: commit only once
 * that decision is durable, abort for anything it has no commit for (presumed abort: after a
 * crash, a transaction without a durable commit record was never committed), and no answer
 * while its commit record is being written (the participant asks again).
 *
 * <p>What to notice. The safety property, atomicity (no transaction committed by one
 * participant and aborted by another), rests on ordering: the decision is durable before anyone
 * can act on it. With {@code commitBeforeFsync}, the coordinator sends COMMIT at once and leaves
 * its record to a periodic flush (every 100 ms, a common way to batch fsyncs); a crash before
 * the flush loses the decision, the restarted coordinator presumes abort, and a participant the
 * COMMIT did not reach (a partition cut it off) is told to abort. Crashes alone do not show it
 * (every participant got the COMMIT), nor partitions alone (the coordinator remembers).
 */
public final class TwoPhaseCommit {
  /** Phase one: prepare {@code txn}. */
  record Prepare(long callId, long txn) {}

  /** A participant's vote (always yes here: the protocol, not the vote, is under test). */
  record Vote(long callId, long txn) implements Rpc.Reply {}

  /** Phase two: the decision on {@code txn}. */
  record Decide(long callId, long txn, boolean commit) {}

  /** A participant has applied a decision. */
  record Ack(long callId) implements Rpc.Reply {}

  /** A participant asks what became of {@code txn}. */
  record Query(long callId, long txn) {}

  /** The coordinator's answer to a query. */
  record Answer(long callId, boolean commit) implements Rpc.Reply {}

  /** A participant's reminder to ask about a transaction it prepared. */
  record Waiting(long txn) {}

  /** What the participants applied, per transaction: the invariant's view, outside the nodes. */
  public static final class Outcomes {
    private final Map<Long, Boolean> applied = new HashMap<>();
    private String violation;
    private int committed;

    void applied(long txn, String node, boolean commit) {
      Boolean before = applied.putIfAbsent(txn, commit);
      if (before == null && commit) {
        committed++;
      } else if (before != null && before != commit && violation == null) {
        violation = "transaction " + txn + " was " + (before ? "committed" : "aborted")
            + " by one participant and " + (commit ? "committed" : "aborted") + " by " + node;
      }
    }

    /** Null while every transaction has one outcome; otherwise which and where. */
    public String violation() {
      return violation;
    }

    /** Transactions some participant committed. */
    public int committed() {
      return committed;
    }
  }

  /** The coordinator, node "coord". */
  static final class Coordinator implements Process {
    private enum State { COLLECTING, COMMITTING, COMMITTED, ABORTED }

    private final boolean commitBeforeFsync;
    private final Map<Long, State> txns = new HashMap<>();
    private long next;

    Coordinator(boolean commitBeforeFsync) {
      this.commitBeforeFsync = commitBeforeFsync;
    }

    @Override
    public void onStart(Context ctx) {
      // Transaction ids of this incarnation; durable commit records of earlier ones are read
      // back, everything else of theirs is presumed aborted.
      next = ctx.self().incarnation() * 1_000_000L;
      for (String key : ctx.disk().keys()) {
        txns.put(Long.parseLong(key.substring("commit/".length())), State.COMMITTED);
      }
      ctx.setTimer(ms(100), "begin");
      if (commitBeforeFsync) {
        ctx.setTimer(ms(100), "flush");
      }
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
      if ("flush".equals(tag)) {
        ctx.disk().fsync(() -> ctx.setTimer(ms(100), "flush"));
        return;
      }
      long txn = next++;
      txns.put(txn, State.COLLECTING);
      int[] votes = {0};
      for (int p : ctx.peers()) {
        ctx.call(p, id -> new Prepare(id, txn), ms(50), 2, Vote.class, v -> {
          if (++votes[0] == ctx.peers().size()) {
            commit(ctx, txn);
          }
        }, () -> decide(ctx, txn, false));
      }
      ctx.setTimer(ms(100), "begin");
    }

    private void commit(Context ctx, long txn) {
      if (txns.get(txn) != State.COLLECTING) {
        return; // a participant's query aborted it meanwhile
      }
      if (commitBeforeFsync) {
        // The bug: the decision goes out at once, its record is written and left for the next
        // periodic flush; a crash before that loses a decision others already act on.
        decide(ctx, txn, true);
        ctx.disk().write("commit/" + txn, new byte[] {1}, status -> { });
        return;
      }
      txns.put(txn, State.COMMITTING);
      ctx.disk().writeDurably("commit/" + txn, new byte[] {1}, status -> decide(ctx, txn, true));
    }

    private void decide(Context ctx, long txn, boolean commit) {
      State s = txns.get(txn);
      if (s == State.COMMITTED || s == State.ABORTED || (!commit && s == State.COMMITTING)) {
        return;
      }
      txns.put(txn, commit ? State.COMMITTED : State.ABORTED);
      for (int p : ctx.peers()) {
        ctx.call(p, id -> new Decide(id, txn, commit), ms(50), 5, Ack.class, a -> { }, () -> { });
      }
    }

    @Override
    public void onMessage(Context ctx, Message m) {
      if (!(m.payload() instanceof Query q)) {
        return;
      }
      State s = txns.getOrDefault(q.txn(), State.ABORTED);
      if (s == State.COLLECTING) {
        decide(ctx, q.txn(), false); // a participant gave up waiting: abort, then say so
        s = State.ABORTED;
      }
      if (s != State.COMMITTING) {
        ctx.send(m.from(), new Answer(q.callId(), s == State.COMMITTED));
      }
    }
  }

  /** A participant, nodes "p1" to "p3". */
  static final class Participant implements Process {
    private final Outcomes outcomes;
    private final Set<Long> applied = new HashSet<>();
    private int coordinator;

    Participant(Outcomes outcomes) {
      this.outcomes = outcomes;
    }

    @Override
    public void onStart(Context ctx) {
      coordinator = ctx.nodeId("coord");
    }

    @Override
    public void onMessage(Context ctx, Message m) {
      if (m.payload() instanceof Prepare p) {
        ctx.disk().writeDurably("prepared/" + p.txn(), new byte[] {1}, status -> {
          ctx.send(m.from(), new Vote(p.callId(), p.txn()));
          ctx.setTimer(ms(300), new Waiting(p.txn()));
        });
      } else if (m.payload() instanceof Decide d) {
        apply(ctx, d.txn(), d.commit());
        ctx.send(m.from(), new Ack(d.callId()));
      }
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
      if (!(tag instanceof Waiting w) || applied.contains(w.txn())) {
        return;
      }
      ctx.call(coordinator, id -> new Query(id, w.txn()), ms(100), 3, Answer.class,
          a -> apply(ctx, w.txn(), a.commit()), () -> ctx.setTimer(ms(300), w));
    }

    private void apply(Context ctx, long txn, boolean commit) {
      if (applied.add(txn)) {
        outcomes.applied(txn, ctx.self().name(), commit);
      }
    }
  }

  /** The node names: the coordinator first. */
  public static final List<String> NODES = List.of("coord", "p1", "p2", "p3");

  /** The nemesis: the coordinator crashes now and then, and the network splits often. */
  public static FaultPlan nemesis() {
    return FaultPlan.builder()
        .randomCrashes(seconds(1), ms(200), 1, "coord")
        .every(ms(300), split(NODES.toArray(new String[0])).lasting(ms(200)))
        .build();
  }

  private TwoPhaseCommit() {}

  /**
   * Runs the coordinator and three participants for {@code seconds} under {@code faults},
   * checking atomicity after every event; throws {@link dev.dsim.engine.InvariantViolation}
   * when a transaction gets both outcomes.
   */
  public static Outcomes run(Simulation sim, boolean commitBeforeFsync, int seconds,
      RunFaults faults) {
    World world = new World(sim, new Distribution.LogNormal(ms(1), ms(5)));
    Outcomes outcomes = new Outcomes();
    world.addNode("coord", 1, 1.0, n -> new Coordinator(commitBeforeFsync));
    for (String p : NODES.subList(1, NODES.size())) {
      world.addNode(p, 1, 1.0, n -> new Participant(outcomes));
    }
    sim.invariant("every transaction has one outcome", outcomes::violation);
    faults.strikeOn(world);
    world.start();
    sim.runUntil(seconds(seconds));
    return outcomes;
  }
}
