package dev.dsim.service;

import dev.dsim.engine.Rng;
import dev.dsim.metrics.History;
import dev.dsim.metrics.Outcome;
import dev.dsim.metrics.RequestMetrics;
import dev.dsim.world.Context;
import dev.dsim.world.Message;
import dev.dsim.world.Process;
import dev.dsim.world.Timer;
import dev.dsim.world.TraceSummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;

/**
 * The users of the system: issues operations (open or closed loop, see {@link Load}), sends each
 * to a load balancer, and records each operation's outcome (ok, failed, timed out) in the
 * metrics and, when the system stores data, in the {@link History} the checkers judge.
 *
 * <p>An operation is what a user asked for; an attempt is one request sent for it. Under a
 * {@link RetryPolicy} an operation may send several attempts (retries after a failure or a
 * timeout, one hedge after a delay); the first ok reply completes it, a reply to an attempt that
 * is no longer awaited is ignored. The operation's latency runs from its first attempt to its
 * completion. Retries go to the next load balancer when there are several, so a dead balancer
 * costs a timeout, not the operation.
 *
 * <p>The client's timers (timeouts, pacing, backoff) run on its node's local clock, as a real
 * client's do; what it records (invoke and completion times) and when it stops issuing are read
 * from the observer's true clock. Once it has stopped and nothing is open it calls
 * {@code onDrained}, so a run can end as soon as nothing is left in flight.
 *
 * <p>After the run, {@link #readBack} reads every given key once more (asking all replicas), for
 * the lost-writes checker.
 */
public final class Client implements Process {
  private static final Object ARRIVAL = new Object() {
    @Override
    public String toString() {
      return "arrival";
    }
  };

  /**
   * What the client does; one config per client node.
   *
   * @param targets the load balancers, tried in turn
   * @param mix reads and writes over keys; null when the system stores nothing (requests carry no
   *     data and no history is kept)
   * @param stopIssuingAtNanos when (true time) the workload stops issuing operations
   */
  public record Config(List<String> targets, Load load, OperationMix mix, RetryPolicy retry,
      long stopIssuingAtNanos) {
    public Config {
      targets = List.copyOf(targets);
      if (targets.isEmpty()) {
        throw new IllegalArgumentException("a client needs at least one target");
      }
      Objects.requireNonNull(load, "load");
      Objects.requireNonNull(retry, "retry");
    }
  }

  private final Config config;
  private final RequestMetrics metrics;
  private final History history;
  private final Runnable onDrained;
  private final LongSupplier trueTimeNanos;
  /** Attempts awaiting a reply, by request id; looked up only, never iterated in order. */
  private final Map<Long, Attempt> attempts = new HashMap<>();
  /** Operations not yet completed: an intrusive list, so adding and removing never allocate. */
  private final Operation openOps = new Operation();
  private int openCount;
  private Context ctx;
  private int[] targetIds;
  private ContinuousSampler gaps;
  private ContinuousSampler unitGaps;
  private ContinuousSampler think;
  private Rng ops;
  private DiscreteSampler zipfKeys;
  private Rng keys;
  private Rng jitter;
  private long scheduleNanos;
  private long nextAttemptId;
  private long nextOpSeq;
  private int activeUsers;
  private boolean stopped;
  private ReadBack readBack;

  /**
   * @param history where operations go; may be null when {@link Config#mix()} is null
   * @param trueTimeNanos the observer's clock (simulated time), for measurements only; the
   *     process itself lives by its local clock
   */
  public Client(Config config, RequestMetrics metrics, History history, Runnable onDrained,
      LongSupplier trueTimeNanos) {
    this.config = Objects.requireNonNull(config, "config");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.history = config.mix() == null ? null : Objects.requireNonNull(history, "history");
    this.onDrained = Objects.requireNonNull(onDrained, "onDrained");
    this.trueTimeNanos = Objects.requireNonNull(trueTimeNanos, "trueTimeNanos");
    openOps.prev = openOps;
    openOps.next = openOps;
  }

  @Override
  public void onStart(Context context) {
    this.ctx = context;
    targetIds = new int[config.targets().size()];
    for (int i = 0; i < targetIds.length; i++) {
      targetIds[i] = ctx.nodeId(config.targets().get(i));
    }
    Rng rng = ctx.rng();
    if (config.mix() != null) {
      ops = rng.fork("ops");
      keys = rng.fork("keys");
      if (config.mix().zipfExponent() > 0) {
        zipfKeys = keys.zipf(config.mix().keys(), config.mix().zipfExponent());
      }
    }
    if (config.retry().jitter() != RetryPolicy.Jitter.NONE) {
      jitter = rng.fork("jitter");
    }
    scheduleNanos = trueTimeNanos.getAsLong();
    if (config.load() instanceof Load.Open open && open.rate().isIdle()) {
      return; // no clients: the system's own processes drive the run
    }
    if (config.load() instanceof Load.Open open) {
      RateSchedule rate = open.rate();
      Rng arrivals = rng.fork("arrivals");
      if (rate.isConstant()) {
        gaps = open.arrival().gaps(rate.maxRate(), arrivals);
      } else if (open.arrival() == ArrivalProcess.POISSON) {
        unitGaps = arrivals.exponential(1.0);
      }
      scheduleNextArrival();
    } else {
      Load.Closed closed = (Load.Closed) config.load();
      think = closed.thinkNanos().sampler(rng.fork("think"));
      activeUsers = closed.users();
      for (int u = 0; u < closed.users(); u++) {
        ctx.setTimer(Math.round(think.sample()), new Think(u));
      }
    }
  }

  // ---------------------------------------------------------------- issuing

  private void scheduleNextArrival() {
    RateSchedule rate = ((Load.Open) config.load()).rate();
    long delay;
    if (gaps != null) {
      delay = Math.round(gaps.sample());
    } else {
      // A changing rate: the next arrival is where the schedule's cumulative rate has grown by
      // one (evenly paced) or by an Exp(1) draw (Poisson); schedule times are run times.
      long next = rate.advance(scheduleNanos, unitGaps != null ? unitGaps.sample() : 1.0);
      long stop = config.stopIssuingAtNanos();
      delay = Math.max(0, (next < 0 || next > stop ? stop : next) - scheduleNanos);
    }
    scheduleNanos += delay;
    ctx.setTimer(delay, ARRIVAL);
  }

  @Override
  public void onTimer(Context context, Object tag) {
    if (tag == ARRIVAL) {
      arrive();
    } else if (tag instanceof Attempt a) {
      attemptTimedOut(a);
    } else if (tag instanceof Think t) {
      userReady(t.user);
    } else if (tag instanceof Resend r) {
      resend(r);
    }
  }

  private void arrive() {
    long now = trueTimeNanos.getAsLong();
    if (now >= config.stopIssuingAtNanos()) {
      stopped = true;
      checkDrained();
      return;
    }
    issue(-1, -1, History.Phase.WORKLOAD, config.retry(), -1, null);
    scheduleNextArrival();
  }

  private void userReady(int user) {
    if (trueTimeNanos.getAsLong() >= config.stopIssuingAtNanos()) {
      activeUsers--;
      if (activeUsers == 0) {
        stopped = true;
        checkDrained();
      }
      return;
    }
    issue(user, -1, History.Phase.WORKLOAD, config.retry(), -1, null);
  }

  /**
   * Starts an operation for a closed-loop {@code user} (or -1), a read-back {@code slot} (or -1);
   * without {@code forcedOp}, the read/write choice and the key are drawn from the mix.
   */
  private void issue(int user, int slot, History.Phase phase, RetryPolicy policy, int key,
      Request.Op forcedOp) {
    Operation op = new Operation();
    op.seq = nextOpSeq++;
    op.user = user;
    op.readBackSlot = slot;
    op.policy = policy;
    op.issuedAtNanos = trueTimeNanos.getAsLong();
    if (config.mix() != null) {
      OperationMix mix = config.mix();
      if (forcedOp != null) {
        op.kind = forcedOp;
        op.key = key;
      } else {
        op.kind = ops.nextDouble() < mix.readFraction() ? Request.Op.READ : Request.Op.WRITE;
        op.key = zipfKeys != null ? zipfKeys.sample() - 1 : keys.nextInt(mix.keys());
      }
      History.Kind kind = op.kind == Request.Op.WRITE ? History.Kind.WRITE : History.Kind.READ;
      // The history index is unique per operation, so it numbers the written values too.
      op.value = op.kind == Request.Op.WRITE ? Values.unique(history.size() + 1L) : 0;
      op.historyIndex = history.invoke(kind, phase, op.key, op.value, op.issuedAtNanos);
    } else {
      op.kind = Request.Op.READ;
      op.historyIndex = -1;
    }
    link(op);
    sendAttempt(op);
  }

  private void sendAttempt(Operation op) {
    Attempt a = new Attempt(nextAttemptId++, op);
    op.attemptsSent++;
    op.inFlight++;
    op.previousAttempt = op.lastAttempt;
    op.lastAttempt = a;
    attempts.put(a.id, a);
    int target = targetIds[(int) ((op.seq + op.attemptsSent - 1) % targetIds.length)];
    ctx.send(target, new Request(a.id, op.kind, op.key, op.value, false));
    RetryPolicy p = op.policy;
    if (p.timeoutNanos() > 0) {
      a.timeout = ctx.setTimer(p.timeoutNanos(), a);
    }
    if (op.attemptsSent == 1 && p.hedgeAfterNanos() > 0
        && (p.timeoutNanos() == 0 || p.hedgeAfterNanos() < p.timeoutNanos())) {
      op.hedgeTimer = ctx.setTimer(p.hedgeAfterNanos(), new Resend(op, true));
    }
  }

  // ---------------------------------------------------------------- replies and timeouts

  @Override
  public void onMessage(Context context, Message message) {
    if (!(message.payload() instanceof Response r)) {
      return;
    }
    Attempt a = attempts.remove(r.id());
    if (a == null) {
      return; // an attempt given up on (timed out, or its operation already completed)
    }
    if (a.timeout != null) {
      ctx.cancel(a.timeout);
    }
    Operation op = a.op;
    op.inFlight--;
    if (r.ok()) {
      complete(op, Outcome.OK, r.valueSeen(), r.damaged());
    } else {
      attemptFailed(op, Outcome.FAILED);
    }
  }

  private void attemptTimedOut(Attempt a) {
    if (attempts.remove(a.id) == null) {
      return;
    }
    a.op.inFlight--;
    attemptFailed(a.op, Outcome.TIMED_OUT);
  }

  private void attemptFailed(Operation op, Outcome outcome) {
    if (op.inFlight > 0) {
      return; // a hedge or an earlier attempt may still answer
    }
    int retriesUsed = op.attemptsSent - 1 - (op.hedged ? 1 : 0);
    if (retriesUsed < op.policy.retries()) {
      metrics.recordRetry(op.issuedAtNanos);
      ctx.setTimer(backoff(op.policy, retriesUsed + 1), new Resend(op, false));
    } else {
      complete(op, outcome, History.NONE, false);
    }
  }

  private long backoff(RetryPolicy p, int k) {
    long b = p.backoffNanos(k);
    return switch (p.jitter()) {
      case NONE -> b;
      case FULL -> (long) (jitter.nextDouble() * b);
      case EQUAL -> b / 2 + (long) (jitter.nextDouble() * (b - b / 2));
    };
  }

  private void resend(Resend r) {
    Operation op = r.op;
    if (op.done) {
      return;
    }
    if (r.hedge) {
      if (op.inFlight == 0 || op.hedged) {
        return;
      }
      op.hedged = true;
      metrics.recordHedge(op.issuedAtNanos);
    }
    sendAttempt(op);
  }

  private void complete(Operation op, Outcome outcome, long valueRead, boolean damaged) {
    op.done = true;
    unlink(op);
    if (op.inFlight > 0) {
      // Stop waiting for the other copy: its reply, if any, is ignored.
      dropAttemptsOf(op);
    }
    if (op.hedgeTimer != null) {
      ctx.cancel(op.hedgeTimer);
    }
    long now = trueTimeNanos.getAsLong();
    metrics.record(op.issuedAtNanos, now, outcome);
    if (outcome == Outcome.OK && damaged) {
      metrics.recordCorrupt(op.issuedAtNanos);
    }
    if (op.historyIndex >= 0) {
      history.complete(op.historyIndex, now, outcome, valueRead);
    }
    if (op.user >= 0) {
      ctx.setTimer(Math.round(think.sample()), new Think(op.user));
    } else if (op.readBackSlot >= 0) {
      readBack.next(op.readBackSlot);
    }
    checkDrained();
  }

  private void dropAttemptsOf(Operation op) {
    // Only the first attempt and its hedge are ever in flight together: the last two sent.
    drop(op.lastAttempt);
    drop(op.previousAttempt);
    op.inFlight = 0;
  }

  private void drop(Attempt a) {
    if (a != null && attempts.remove(a.id) != null && a.timeout != null) {
      ctx.cancel(a.timeout);
    }
  }

  private void checkDrained() {
    if (openCount > 0) {
      return;
    }
    if (readBack != null) {
      if (readBack.finished()) {
        Runnable done = readBack.onDone;
        readBack = null;
        done.run();
      }
      return;
    }
    if (stopped) {
      onDrained.run();
    }
  }

  // ---------------------------------------------------------------- read-back after the run

  /**
   * Reads each of {@code keysToRead} once with {@link Request.Op#READ_ALL}, at most
   * {@code concurrency} at a time, each under {@code policy}, recording them in the history's
   * {@link History.Phase#FINAL} phase; runs {@code onDone} when every one has completed.
   */
  public void readBack(int[] keysToRead, int concurrency, RetryPolicy policy, Runnable onDone) {
    if (history == null) {
      throw new IllegalStateException("this client keeps no history to read back into");
    }
    if (readBack != null) {
      throw new IllegalStateException("a read-back is already running");
    }
    readBack = new ReadBack(keysToRead.clone(), policy, onDone);
    int slots = Math.max(1, Math.min(concurrency, keysToRead.length));
    if (keysToRead.length == 0) {
      checkDrained();
      return;
    }
    for (int s = 0; s < slots; s++) {
      readBack.next(s);
    }
  }

  private final class ReadBack {
    final int[] keys;
    final RetryPolicy policy;
    final Runnable onDone;
    int nextKey;

    ReadBack(int[] keys, RetryPolicy policy, Runnable onDone) {
      this.keys = keys;
      this.policy = policy;
      this.onDone = onDone;
    }

    void next(int slot) {
      if (nextKey >= keys.length) {
        return;
      }
      int key = keys[nextKey++];
      issueReadBack(slot, key);
    }

    boolean finished() {
      return nextKey >= keys.length;
    }
  }

  private void issueReadBack(int slot, int key) {
    issue(-1, slot, History.Phase.FINAL, readBack.policy, key, Request.Op.READ_ALL);
  }

  // ---------------------------------------------------------------- bookkeeping

  private void link(Operation op) {
    op.prev = openOps.prev;
    op.next = openOps;
    openOps.prev.next = op;
    openOps.prev = op;
    openCount++;
  }

  private void unlink(Operation op) {
    op.prev.next = op.next;
    op.next.prev = op.prev;
    op.prev = null;
    op.next = null;
    openCount--;
  }

  /** Operations issued and not yet completed. */
  public int inFlight() {
    return openCount;
  }

  /** Operations issued so far, measured or not. */
  public long issued() {
    return nextOpSeq;
  }

  /**
   * Ends the run for this client: every open operation is recorded as unfinished (it stays
   * open, without an outcome, in the history).
   */
  public void finish(long nowNanos) {
    for (Operation op = openOps.next; op != openOps; op = op.next) {
      op.done = true; // a pending retry or hedge must not revive it
      metrics.record(op.issuedAtNanos, nowNanos, Outcome.UNFINISHED);
    }
    openOps.next = openOps;
    openOps.prev = openOps;
    openCount = 0;
    attempts.clear();
  }

  /** One operation; also the sentinel of the open list. */
  private static final class Operation {
    Operation prev;
    Operation next;
    long seq;
    int user = -1;
    int readBackSlot = -1;
    RetryPolicy policy;
    Request.Op kind;
    int key;
    long value;
    int historyIndex;
    long issuedAtNanos;
    int attemptsSent;
    int inFlight;
    boolean hedged;
    boolean done;
    Attempt lastAttempt;
    Attempt previousAttempt;
    Timer hedgeTimer;
  }

  /** One request sent for an operation; the tag of its timeout timer. */
  private static final class Attempt implements TraceSummary {
    final long id;
    final Operation op;
    Timer timeout;

    Attempt(long id, Operation op) {
      this.id = id;
      this.op = op;
    }

    @Override
    public long traceSummary() {
      return id;
    }

    @Override
    public String toString() {
      return "timeout of request " + id;
    }
  }

  /** A closed-loop user done thinking. */
  private record Think(int user) implements TraceSummary {
    @Override
    public long traceSummary() {
      return user;
    }

    @Override
    public String toString() {
      return "user " + user + " done thinking";
    }
  }

  /** A retry after backoff, or a hedge. */
  private record Resend(Operation op, boolean hedge) implements TraceSummary {
    @Override
    public long traceSummary() {
      return op.seq;
    }

    @Override
    public String toString() {
      return (hedge ? "hedge of operation " : "retry of operation ") + op.seq;
    }
  }
}
