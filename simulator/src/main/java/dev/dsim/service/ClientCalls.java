package dev.dsim.service;

import dev.dsim.engine.Rng;
import dev.dsim.engine.TraceFields;
import dev.dsim.metrics.History;
import dev.dsim.metrics.Outcome;
import dev.dsim.metrics.RequestMetrics;
import dev.dsim.world.Calls;
import dev.dsim.world.Context;
import dev.dsim.world.Timer;
import dev.dsim.world.TraceContent;
import dev.dsim.world.TraceSummary;

/**
 * The client's retrying calls: sends the attempts of each {@link Operation} to the load
 * balancers in turn, each attempt a {@link Calls call} with the policy's timeout, and decides
 * what a failed or timed-out attempt leads to: another attempt after a backoff (with jitter), a
 * hedge after a delay, or the operation's failure. The first ok reply completes the operation;
 * replies to attempts no longer awaited find their call closed and are ignored.
 *
 * <p>It knows nothing of arrivals, metrics other than retries and hedges, or the history: an
 * operation that is over goes back to its {@link Client} ({@link Client#completed}).
 */
final class ClientCalls {
  private final Client client;
  private final RequestMetrics metrics;
  private final Context ctx;
  private final int[] targetIds;
  private final Rng jitter;
  /** Attempts awaiting a reply, by request id. */
  private final Calls<Attempt> attempts;

  /** @param jitter the stream backoffs are jittered from; null for a policy without jitter */
  ClientCalls(Client client, RequestMetrics metrics, Context ctx, int[] targetIds, Rng jitter) {
    this.client = client;
    this.metrics = metrics;
    this.ctx = ctx;
    this.targetIds = targetIds;
    this.jitter = jitter;
    this.attempts = new Calls<>(ctx);
  }

  /** Sends the first attempt of a new operation. */
  void start(Operation op) {
    sendAttempt(op);
  }

  private void sendAttempt(Operation op) {
    long id = attempts.open(new Attempt(attempts.nextId(), op));
    op.attemptsSent++;
    op.inFlight++;
    op.previousAttemptId = op.lastAttemptId;
    op.lastAttemptId = id;
    int target = targetIds[(int) ((op.seq + op.attemptsSent - 1) % targetIds.length)];
    ctx.send(target, new Request(id, op.kind, op.key, op.value, false));
    RetryPolicy p = op.policy;
    if (p.timeoutNanos() > 0) {
      attempts.setTimeout(id, p.timeoutNanos());
    }
    if (op.attemptsSent == 1 && p.hedgeAfterNanos() > 0
        && (p.timeoutNanos() == 0 || p.hedgeAfterNanos() < p.timeoutNanos())) {
      op.hedgeTimer = ctx.setTimer(p.hedgeAfterNanos(), new Resend(op, true));
    }
  }

  /** A reply came back; one to an attempt no longer awaited is ignored. */
  void onResponse(Response r) {
    Attempt a = attempts.close(r.id());
    if (a == null) {
      return; // an attempt given up on (timed out, or its operation already completed)
    }
    Operation op = a.op();
    op.inFlight--;
    if (r.ok()) {
      client.completed(op, Outcome.OK, r.valueSeen(), r.damaged());
    } else {
      attemptFailed(op, Outcome.FAILED);
    }
  }

  /** Handles an attempt's timeout or a resend; returns false for any other timer. */
  boolean onTimer(Object tag) {
    long id = attempts.timedOut(tag);
    if (id != Calls.NONE) {
      Operation op = attempts.close(id).op();
      op.inFlight--;
      attemptFailed(op, Outcome.TIMED_OUT);
      return true;
    }
    if (tag instanceof Resend r) {
      resend(r);
      return true;
    }
    return false;
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
      client.completed(op, outcome, History.NONE, false);
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

  /**
   * The operation is over: stop waiting for its other attempts (their replies, if any, are
   * ignored) and for its hedge.
   */
  void stopWaiting(Operation op) {
    if (op.inFlight > 0) {
      // Only the first attempt and its hedge are ever in flight together: the last two sent.
      attempts.close(op.lastAttemptId);
      attempts.close(op.previousAttemptId);
      op.inFlight = 0;
    }
    if (op.hedgeTimer != null) {
      ctx.cancel(op.hedgeTimer);
    }
  }

  /**
   * Forgets every attempt in flight, at the end of the run: replies find nothing, and timeouts
   * already set still fire, ignored, as they always have.
   */
  void forgetAll() {
    attempts.forgetAll();
  }

  /** One operation; also the sentinel of the client's list of open operations. */
  static final class Operation {
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
    long lastAttemptId = Calls.NONE;
    long previousAttemptId = Calls.NONE;
    Timer hedgeTimer;
  }

  /** One request sent for an operation; what its timeout stands for in the trace. */
  private record Attempt(long id, Operation op) implements TraceSummary, TraceContent {
    @Override
    public long traceSummary() {
      return id;
    }

    @Override
    public void traceFields(TraceFields out) {
      out.field("req", id).field("clientOp", op.seq);
    }

    @Override
    public String toString() {
      return "request " + id;
    }
  }

  /** A retry after backoff, or a hedge. */
  private record Resend(Operation op, boolean hedge) implements TraceSummary, TraceContent {
    @Override
    public long traceSummary() {
      return op.seq;
    }

    @Override
    public void traceFields(TraceFields out) {
      out.field("clientOp", op.seq).field("hedge", hedge);
    }

    @Override
    public String toString() {
      return (hedge ? "hedge of operation " : "retry of operation ") + op.seq;
    }
  }
}
