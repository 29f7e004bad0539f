package dev.dsim.examples.election;

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
import dev.dsim.world.TraceSummary;
import dev.dsim.world.World;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Leader election by terms and votes, the core of Raft's, with a bug you can switch on: a
 * candidate that counts "enough" votes with a quorum smaller than a majority.
 *
 * <p>How it works. Every node starts as a follower. A follower that hears nothing from a leader
 * for a random election timeout (150 to 300 ms) becomes a candidate: it starts a new term, votes
 * for itself and asks every other node for its vote. A node grants at most one vote per term,
 * to the first candidate that asks. A candidate that collects a quorum of votes becomes the
 * term's leader and sends heartbeats every 50 ms; a node that sees a higher term steps down and
 * adopts it.
 *
 * <p>What to notice. Safety (never two leaders in one term) rests on one fact: two majorities of
 * the same nodes always share a node, and that node votes once per term. With
 * {@code quorum = 2} of 5 (the bug), two candidates on the two sides of a network partition can
 * each collect two votes in the same term, and both believe they lead. Nothing goes wrong while
 * the network is whole (the votes race and one side wins), which is why such bugs pass tests
 * that never partition anything. A nemesis that splits the nodes at random finds it in a few
 * seeds, and {@code Simulations.shrink} cuts that seed's dozens of splits down to the few the
 * bug needs; the invariant "at most one leader per term", checked after every event, stops the run
 * at the very event that breaks it, and the seed replays it exactly.
 *
 * <p>The three helpers for corners and progress. {@code ctx.buggify()} (on only in a sweep that
 * enables it, {@code Simulations.seeds(..).buggify(0.2)}) holds a vote back for 100 ms, which
 * makes split votes common; {@code ctx.sometimes("a split vote", …)} records whether a run
 * reached one, and the sweep's coverage table says in how many seeds; {@code sim.eventually("a
 * leader is elected", …, 2 s)} fails the run, with seed and hash, if no leader ever comes (a
 * quorum larger than the cluster, say).
 */
public final class LeaderElection {
  /** The message kinds; each summarises its content into the trace hash. */
  record RequestVote(int term) implements TraceSummary {
    @Override
    public long traceSummary() {
      return term;
    }
  }

  record Vote(int term, boolean granted) implements TraceSummary {
    @Override
    public long traceSummary() {
      return term * 2L + (granted ? 1 : 0);
    }
  }

  /** A vote held back by buggify, sent when its timer fires. */
  record DelayedVote(int to, Vote vote) {}

  record Heartbeat(int term) implements TraceSummary {
    @Override
    public long traceSummary() {
      return term;
    }
  }

  /**
   * Who became leader in which term, as the nodes announced it. An observer outside the
   * protocol (no node reads it): the invariant checks it after every event.
   */
  public static final class Elections {
    private final Map<Integer, List<String>> leadersByTerm = new HashMap<>();
    private String violation;

    void elected(int term, String node) {
      List<String> leaders = leadersByTerm.computeIfAbsent(term, t -> new ArrayList<>());
      leaders.add(node);
      if (leaders.size() > 1 && violation == null) {
        violation = "term " + term + " has two leaders: " + String.join(" and ", leaders);
      }
    }

    /** Null while every term has at most one leader; otherwise which term and who. */
    public String violation() {
      return violation;
    }

    /** How many terms elected a leader. */
    public int termsWithALeader() {
      return leadersByTerm.size();
    }
  }

  /** One participant. */
  static final class Node implements Process {
    private static final long HEARTBEAT_NANOS = ms(50);
    private final int quorum;
    private final Elections elections;
    private final List<Integer> peers = new ArrayList<>();
    private int term;
    private int votedInTerm = -1;
    private int votes;
    private boolean leader;
    private dev.dsim.world.Timer electionTimer;

    Node(int quorum, Elections elections) {
      this.quorum = quorum;
      this.elections = elections;
    }

    @Override
    public void onStart(Context ctx) {
      peers.addAll(ctx.peers());
      resetElectionTimer(ctx);
    }

    private void resetElectionTimer(Context ctx) {
      if (electionTimer != null) {
        ctx.cancel(electionTimer);
      }
      // Random timeouts make split votes rare: usually one node times out first and wins.
      long timeout = ms(150) + ctx.rng().nextInt((int) ms(150));
      electionTimer = ctx.setTimer(timeout, "election");
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
      if (tag instanceof DelayedVote d) {
        ctx.send(d.to(), d.vote());
        return;
      }
      if ("election".equals(tag) && !leader) {
        // Timing out as a candidate (we voted for ourselves in this term) means nobody won it.
        ctx.sometimes("a split vote", term > 0 && votedInTerm == term && votes > 0);
        term++;
        votedInTerm = term;
        votes = 1;
        for (int p : peers) {
          ctx.send(p, new RequestVote(term));
        }
        resetElectionTimer(ctx);
      } else if ("heartbeat".equals(tag) && leader) {
        for (int p : peers) {
          ctx.send(p, new Heartbeat(term));
        }
        ctx.setTimer(HEARTBEAT_NANOS, "heartbeat");
      }
    }

    @Override
    public void onMessage(Context ctx, Message m) {
      if (m.payload() instanceof RequestVote rv) {
        adoptIfNewer(ctx, rv.term());
        boolean grant = rv.term() == term && votedInTerm != term;
        if (grant) {
          votedInTerm = term;
          resetElectionTimer(ctx);
        }
        Vote vote = new Vote(rv.term(), grant);
        if (ctx.buggify()) {
          ctx.setTimer(ms(100), new DelayedVote(m.from(), vote)); // a slow voter
        } else {
          ctx.send(m.from(), vote);
        }
      } else if (m.payload() instanceof Vote v) {
        if (v.term() == term && v.granted() && !leader && votedInTerm == term) {
          votes++;
          if (votes >= quorum) {
            leader = true;
            elections.elected(term, ctx.self().name());
            ctx.setTimer(0, "heartbeat");
          }
        }
      } else if (m.payload() instanceof Heartbeat hb) {
        adoptIfNewer(ctx, hb.term());
        if (hb.term() == term && !leader) {
          resetElectionTimer(ctx);
        }
      }
    }

    /** A higher term wins: step down and follow it. */
    private void adoptIfNewer(Context ctx, int seen) {
      if (seen > term) {
        term = seen;
        leader = false;
        votes = 0;
        resetElectionTimer(ctx);
      }
    }
  }

  /** The broken quorum (2 of 5) and the right one (a majority, 3 of 5). */
  public static final int BROKEN_QUORUM = 2;
  public static final int MAJORITY = 3;

  private LeaderElection() {}

  /** The five nodes' names, n1 to n5. */
  public static final List<String> NODES = List.of("n1", "n2", "n3", "n4", "n5");

  /**
   * The nemesis: every 400 ms on average (exponential gaps), split the five nodes into two
   * random non-empty groups for 300 ms. It is dsim's own ({@link dev.dsim.fault.Faults#split}
   * struck by a
   * {@link dev.dsim.fault.FaultInjector}), with a stream of its own, so it never shifts the
   * nodes' streams, and every split it draws is in the run's fault log as the two groups it
   * cut: {@code Simulations.shrink} turns them into a schedule and cuts that down.
   */
  public static FaultPlan randomSplits() {
    return FaultPlan.builder()
        .every(ms(400), split(NODES.toArray(new String[0])).lasting(ms(300)))
        .build();
  }

  /**
   * Builds five nodes electing leaders with {@code quorum}, under {@link #randomSplits()}, and
   * the invariant; runs for {@code seconds} of simulated time on {@code sim}. Throws
   * {@link dev.dsim.engine.InvariantViolation} when a term gets two leaders.
   */
  public static Elections run(Simulation sim, int quorum, int seconds) {
    return run(sim, quorum, seconds, RunFaults.of(randomSplits()));
  }

  /** The same, under the given faults (targets name the nodes n1 to n5). */
  public static Elections run(Simulation sim, int quorum, int seconds, RunFaults faults) {
    World world = new World(sim, new Distribution.LogNormal(ms(1), ms(5)));
    Elections elections = new Elections();
    for (String name : NODES) {
      world.addNode(name, 1, 1.0, n -> new Node(quorum, elections));
    }
    sim.invariant("at most one leader per term", elections::violation);
    sim.eventually("a leader is elected", () -> elections.termsWithALeader() > 0,
        seconds(2));
    faults.strikeOn(world);
    world.start();
    sim.runUntil(seconds(seconds));
    return elections;
  }
}
