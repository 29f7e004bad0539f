package dev.dsim.service;

import dev.dsim.engine.Rng;
import dev.dsim.metrics.History;
import dev.dsim.metrics.Outcome;
import dev.dsim.metrics.RequestMetrics;
import dev.dsim.service.ClientCalls.Operation;
import dev.dsim.world.Context;
import dev.dsim.world.Message;
import dev.dsim.world.Process;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
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
 *
 * <p>The parts: {@link ClientArrivals} decides when operations start, {@link ClientCalls} sends
 * their attempts and retries them, {@link ClientReadBack} hands out the keys of the read-back;
 * this class draws what each operation does, keeps the open ones and records their outcomes.
 */
public final class Client implements Process {
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
  /** The node's context, for trace lines; set when the process starts. */
  private Context ctx;
  private final Runnable onDrained;
  private final LongSupplier trueTimeNanos;
  private final ClientArrivals arrivals;
  /** Operations not yet completed: an intrusive list, so adding and removing never allocate. */
  private final Operation openOps = new Operation();
  private int openCount;
  private ClientCalls calls;
  private Rng ops;
  private DiscreteSampler zipfKeys;
  private Rng keys;
  private long nextOpSeq;
  private boolean stopped;
  private ClientReadBack readBack;

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
    this.arrivals = new ClientArrivals(this, config.load(), config.stopIssuingAtNanos(),
        trueTimeNanos);
    openOps.prev = openOps;
    openOps.next = openOps;
  }

  @Override
  public void onStart(Context ctx) {
    this.ctx = ctx;
    int[] targetIds = new int[config.targets().size()];
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
    Rng jitter = config.retry().jitter() != RetryPolicy.Jitter.NONE ? rng.fork("jitter") : null;
    calls = new ClientCalls(this, metrics, ctx, targetIds, jitter);
    arrivals.start(ctx, rng);
  }

  @Override
  public void onTimer(Context context, Object tag) {
    if (!arrivals.onTimer(tag)) {
      calls.onTimer(tag);
    }
  }

  @Override
  public void onMessage(Context context, Message message) {
    if (message.payload() instanceof Response r) {
      calls.onResponse(r);
    }
  }

  // ---------------------------------------------------------------- operations

  /** Starts a workload operation, for closed-loop {@code user} (or -1 in an open loop). */
  void issue(int user) {
    issue(user, -1, History.Phase.WORKLOAD, config.retry(), -1, null);
  }

  /** Starts the read-back of {@code key} in read-back slot {@code slot}. */
  void issueReadBack(int slot, int key, RetryPolicy policy) {
    issue(-1, slot, History.Phase.FINAL, policy, key, Request.Op.READ_ALL);
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
    if (ctx != null && ctx.tracing()) {
      traceInvoke(op);
    }
    calls.start(op);
  }

  /** An "op-invoke" trace line: a client operation begins (one bar in a space-time diagram). */
  private void traceInvoke(Operation op) {
    boolean data = config.mix() != null;
    ctx.trace("op-invoke", out -> {
      out.field("clientOp", op.seq).field("op", op.kind.name());
      if (data) {
        out.field("key", op.key);
      }
      if (op.kind == Request.Op.WRITE) {
        out.field("value", op.value);
      }
    });
  }

  /** Operation {@code op} is over, with this outcome: records it and moves on. */
  void completed(Operation op, Outcome outcome, long valueRead, boolean damaged) {
    op.done = true;
    unlink(op);
    calls.stopWaiting(op);
    long now = trueTimeNanos.getAsLong();
    metrics.record(op.issuedAtNanos, now, outcome);
    if (outcome == Outcome.OK && damaged) {
      metrics.recordCorrupt(op.issuedAtNanos);
    }
    if (op.historyIndex >= 0) {
      history.complete(op.historyIndex, now, outcome, valueRead);
    }
    if (ctx != null && ctx.tracing()) {
      ctx.trace("op-complete", out -> {
        out.field("clientOp", op.seq).field("outcome", outcome.name());
        if (outcome == Outcome.OK && op.kind != Request.Op.WRITE && config.mix() != null) {
          out.field("value", valueRead);
        }
        if (damaged) {
          out.field("damaged", true);
        }
      });
    }
    if (op.user >= 0) {
      arrivals.thinkThenIssue(op.user);
    } else if (op.readBackSlot >= 0) {
      readBack.next(op.readBackSlot);
    }
    checkDrained();
  }

  /** The workload will start no more operations. */
  void stoppedIssuing() {
    stopped = true;
    checkDrained();
  }

  private void checkDrained() {
    if (openCount > 0) {
      return;
    }
    if (readBack != null) {
      if (readBack.finished()) {
        Runnable done = readBack.onDone();
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
    readBack = new ClientReadBack(this, keysToRead.clone(), policy, onDone);
    int slots = Math.max(1, Math.min(concurrency, keysToRead.length));
    if (keysToRead.length == 0) {
      checkDrained();
      return;
    }
    readBack.start(slots);
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
    if (calls != null) {
      calls.forgetAll();
    }
  }
}
