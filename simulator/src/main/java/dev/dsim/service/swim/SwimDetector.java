package dev.dsim.service.swim;

import dev.dsim.engine.Rng;
import dev.dsim.service.FailureDetector;
import dev.dsim.world.Context;
import dev.dsim.world.Message;
import java.util.Objects;
import java.util.function.IntUnaryOperator;

/**
 * One member's side of SWIM ({@link SwimConfig}): a failure detector whose cost per member is
 * constant in the size of the group, as a building block for any process of a group (the kv
 * tier uses it with {@code "swim"}).
 *
 * <p>Each period the member probes the next member of a random round-robin order (each round a
 * new random start and stride, so every member is probed by each other once per round, with no
 * list kept: O(1) memory for the order). The ping is answered from the CPU queue, so an
 * overloaded member answers late, as a real one does. With no acknowledgement within the probe
 * timeout, {@code indirectProbes} other members ping the target on the prober's behalf; with
 * none by the end of the period, the prober suspects it. What a member learns (a suspicion, a
 * refutation) it spreads on its next few messages ({@link NewsBuffer}); a member that hears it
 * is suspected refutes it by raising its incarnation ({@link MemberState}). A suspected member
 * stays in the probe order, so one that comes back (a restart, a healed partition) is trusted
 * again as soon as a probe reaches it; a member that restarts first asks one other for its whole
 * view.
 *
 * <p>The owner passes every message and timer through {@link #onMessage} and {@link #onTimer}
 * (each returns whether it was SWIM's) and asks {@link #isSuspected} before it relies on a
 * member. Memory: one int per member (its rank), and the news in flight.
 */
public final class SwimDetector {
  private static final Object PERIOD = new Object() {
    @Override
    public String toString() {
      return "swim period";
    }
  };

  /** The probe timeout of probe {@code seq}. */
  private record ProbeTimeout(long seq) {
    @Override
    public String toString() {
      return "swim probe timeout";
    }
  }

  private final Context ctx;
  private final int self;
  private final int[] nodeIds;
  private final IntUnaryOperator indexOfNode;
  private final SwimConfig config;
  private final Rng rng;
  private final FailureDetector.Listener listener;
  /** What this member believes of each member ({@link MemberState}), by index. */
  private final int[] ranks;
  private final NewsBuffer news;
  private int incarnation;
  private int suspectedCount;

  // The probe order: position in the current round over the n - 1 others, start and stride.
  private int roundPosition;
  private int roundStart;
  private int roundStride;

  // The probe of this period.
  private long probeSeq;
  private int probeTarget = -1;
  private boolean probeSent;
  private boolean probeAcked;

  /**
   * @param self this member's index in the group
   * @param nodeIds the world's node id of each member, by index (shared, not copied)
   * @param indexOfNode a node id's member index, negative for a node outside the group
   * @param rng this member's stream for the probe order and the helpers it picks
   * @param listener told when this member starts suspecting a member or trusts it again
   */
  public SwimDetector(Context ctx, int self, int[] nodeIds, IntUnaryOperator indexOfNode,
      SwimConfig config, Rng rng, FailureDetector.Listener listener) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
    this.nodeIds = Objects.requireNonNull(nodeIds, "nodeIds");
    if (self < 0 || self >= nodeIds.length) {
      throw new IllegalArgumentException("member " + self + " is not in a group of "
          + nodeIds.length);
    }
    this.self = self;
    this.indexOfNode = Objects.requireNonNull(indexOfNode, "indexOfNode");
    this.config = Objects.requireNonNull(config, "config");
    this.rng = Objects.requireNonNull(rng, "rng");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.ranks = new int[nodeIds.length];
    this.news = new NewsBuffer(SwimConfig.retransmissions(nodeIds.length));
    this.roundPosition = Integer.MAX_VALUE; // a new round at the first probe
  }

  /**
   * Starts probing, one period from now; a member that restarted first asks a random other
   * member for its view.
   */
  public void start() {
    int others = nodeIds.length - 1;
    if (others == 0) {
      return;
    }
    if (ctx.recovering()) {
      int peer = otherThan(rng.nextInt(others));
      ctx.send(nodeIds[peer], new SwimMessages.ViewRequest());
    }
    ctx.setTimer(config.periodNanos(), PERIOD);
  }

  /** True while this member suspects member {@code index}; a member never suspects itself. */
  public boolean isSuspected(int index) {
    return MemberState.isSuspected(ranks[index]);
  }

  /** Members this member suspects now. */
  public int suspectedCount() {
    return suspectedCount;
  }

  /** This member's incarnation: how many times it refuted a suspicion of itself. */
  public int incarnation() {
    return incarnation;
  }

  /** Handles {@code tag} if it is one of SWIM's timers; returns whether it was. */
  public boolean onTimer(Object tag) {
    if (tag == PERIOD) {
      period();
      return true;
    }
    if (tag instanceof ProbeTimeout t) {
      if (t.seq() == probeSeq && !probeAcked) {
        askHelpers();
      }
      return true;
    }
    return false;
  }

  /** Handles {@code m} if it is a SWIM message; returns whether it was. */
  public boolean onMessage(Message m) {
    Object p = m.payload();
    if (!(p instanceof SwimMessages.Ping || p instanceof SwimMessages.PingReq
        || p instanceof SwimMessages.Ack || p instanceof SwimMessages.ViewRequest
        || p instanceof SwimMessages.View)) {
      return false;
    }
    int from = indexOfNode.applyAsInt(m.from());
    if (from < 0) {
      return true; // not a member of this group
    }
    if (p instanceof SwimMessages.Ping ping) {
      take(ping.news());
      learn(self, ping.targetRank()); // refutes a suspicion before answering
      ctx.compute(0, () -> ctx.send(nodeIds[from], new SwimMessages.Ack(ping.seq(),
          ping.origin(), self, ranks[self], news.next())));
    } else if (p instanceof SwimMessages.PingReq req) {
      take(req.news());
      ctx.compute(0, () -> ctx.send(nodeIds[req.target()], new SwimMessages.Ping(req.seq(),
          from, req.target(), req.targetRank(), news.next())));
    } else if (p instanceof SwimMessages.Ack ack) {
      take(ack.news());
      learn(ack.target(), ack.targetRank());
      if (ack.origin() == self) {
        if (ack.seq() == probeSeq && ack.target() == probeTarget) {
          probeAcked = true;
        }
      } else if (ack.origin() >= 0 && ack.origin() < nodeIds.length) {
        // Pinged on the origin's behalf: pass the answer on.
        ctx.compute(0, () -> ctx.send(nodeIds[ack.origin()], new SwimMessages.Ack(ack.seq(),
            ack.origin(), ack.target(), ack.targetRank(), news.next())));
      }
    } else if (p instanceof SwimMessages.ViewRequest) {
      int[] view = ranks.clone();
      ctx.compute(0, () -> ctx.send(nodeIds[from], new SwimMessages.View(view)));
    } else {
      int[] view = ((SwimMessages.View) p).ranks();
      for (int i = 0; i < Math.min(view.length, ranks.length); i++) {
        learn(i, view[i]);
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- probing

  private void period() {
    if (probeSent && !probeAcked) {
      suspect(probeTarget);
    }
    probeSeq++;
    probeSent = false;
    probeAcked = false;
    probeTarget = nextTarget();
    long seq = probeSeq;
    int target = probeTarget;
    // From the CPU queue: a member too busy to work is too busy to probe.
    ctx.compute(0, () -> ping(seq, target));
    ctx.setTimer(config.periodNanos(), PERIOD);
  }

  private void ping(long seq, int target) {
    if (seq != probeSeq) {
      return; // the period ended before the CPU got to it: no probe this period
    }
    probeSent = true;
    ctx.send(nodeIds[target], new SwimMessages.Ping(seq, self, target, ranks[target],
        news.next()));
    ctx.setTimer(config.probeTimeoutNanos(), new ProbeTimeout(seq));
  }

  /** Asks up to {@code indirectProbes} members it trusts, other than the target, to ping it. */
  private void askHelpers() {
    int candidates = nodeIds.length - 2;
    int wanted = Math.min(config.indirectProbes(), candidates);
    if (wanted <= 0) {
      return;
    }
    int[] helpers = new int[wanted];
    int found = 0;
    // Random picks, a bounded number of tries: with most members suspected, fewer helpers.
    for (int tries = 0; found < wanted && tries < 4 * wanted + 8; tries++) {
      int h = rng.nextInt(nodeIds.length);
      if (h != self && h != probeTarget && !isSuspected(h) && !NewsBuffer.contains(helpers, found, h)) {
        helpers[found++] = h;
      }
    }
    for (int i = 0; i < found; i++) {
      ctx.send(nodeIds[helpers[i]], new SwimMessages.PingReq(probeSeq, probeTarget,
          ranks[probeTarget], news.next()));
    }
  }

  /**
   * The next member to probe: position {@code p} of a round is {@code (start + p × stride)
   * mod (n - 1)} over the others, a permutation because the stride is coprime with n - 1.
   */
  private int nextTarget() {
    int others = nodeIds.length - 1;
    if (roundPosition >= others) {
      roundPosition = 0;
      roundStart = rng.nextInt(others);
      do {
        roundStride = 1 + rng.nextInt(others);
      } while (gcd(roundStride, others) != 1);
    }
    int k = (int) ((roundStart + (long) roundPosition * roundStride) % others);
    roundPosition++;
    return otherThan(k);
  }

  /** The k-th member other than this one. */
  private int otherThan(int k) {
    return k < self ? k : k + 1;
  }

  // ---------------------------------------------------------------- what it believes

  private void suspect(int member) {
    int rank = ranks[member];
    if (!MemberState.isSuspected(rank)) {
      learn(member, MemberState.suspected(MemberState.incarnation(rank)));
    }
  }

  private void take(long[] pieces) {
    for (long piece : pieces) {
      int member = NewsBuffer.member(piece);
      if (member >= 0 && member < ranks.length) {
        learn(member, NewsBuffer.rank(piece));
      }
    }
  }

  /** Takes in that {@code member} is at {@code rank}, if that is news. */
  private void learn(int member, int rank) {
    if (member == self) {
      if (MemberState.isSuspected(rank) && MemberState.incarnation(rank) >= incarnation) {
        incarnation = MemberState.incarnation(rank) + 1;
        ranks[self] = MemberState.alive(incarnation);
        news.add(self, ranks[self]);
        ctx.log("refuting a suspicion of this node: incarnation " + incarnation);
      } else if (!MemberState.isSuspected(rank) && MemberState.incarnation(rank) > incarnation) {
        // Its own refutation from before a restart, still going round: carry on from there.
        incarnation = MemberState.incarnation(rank);
        ranks[self] = rank;
      }
      return;
    }
    int before = ranks[member];
    if (rank <= before) {
      return;
    }
    ranks[member] = rank;
    news.add(member, rank);
    boolean was = MemberState.isSuspected(before);
    boolean now = MemberState.isSuspected(rank);
    if (!was && now) {
      suspectedCount++;
      listener.suspected(member);
    } else if (was && !now) {
      suspectedCount--;
      listener.trusted(member);
    }
  }

  private static int gcd(int a, int b) {
    while (b != 0) {
      int t = a % b;
      a = b;
      b = t;
    }
    return a;
  }
}
