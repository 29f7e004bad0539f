package dev.dsim.world;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * Request and reply with a timeout and retries, for a process's own protocol: the pattern every
 * protocol otherwise writes by hand over a {@link Calls} table. The request is built for the
 * call's id ({@code id -> new Prepare(id, txn)}); the server answers with a message that
 * implements {@link Reply} and carries that id back; the first such reply runs
 * {@code onReply}, later copies are ignored; with no reply within the timeout the request is
 * sent again under the same id (a reply to any attempt counts), and after the last retry
 * {@code onTimeout} runs.
 *
 * <pre>{@code
 * // in onStart:
 * rpc = new Rpc(ctx);
 * // to call:
 * rpc.call(server, id -> new Query(id, txn), ms(100), 3, Decision.class,
 *     d -> apply(d), () -> ctx.log("no answer"));
 * // in onMessage and onTimer, first:
 * if (rpc.onMessage(m)) return;
 * if (rpc.onTimer(tag)) return;
 * }</pre>
 *
 * <p>{@link Context#call} is the same, with one table per incarnation that the node keeps and
 * routes replies and timeouts to before the process sees them; use that, or a table of your
 * own as below, not both in one process (the ids would collide).
 *
 * <p>Like a {@link Calls} table it is volatile state of one incarnation: create it in
 * {@link Process#onStart}; a crash drops it, its timers and its pending callbacks with the
 * process. It draws no random numbers and sends only the requests it is asked to; its timers
 * are {@link Calls} timeouts. Each call allocates its record (the callbacks); ids are primitive.
 */
public final class Rpc {
  /** A reply: the id of the call it answers, as the request carried it. */
  public interface Reply {
    long callId();
  }

  /** One open call: where it goes, what to send again, and what to do with its outcome. */
  private static final class Pending implements TraceSummary {
    final int to;
    final long timeoutNanos;
    final Class<?> replyType;
    final Consumer<Object> onReply;
    final Runnable onTimeout;
    /** Set once the call has its id (the request is built for it). */
    Object request;
    int retriesLeft;

    Pending(int to, long timeoutNanos, int retries, Class<?> replyType,
        Consumer<Object> onReply, Runnable onTimeout) {
      this.to = to;
      this.timeoutNanos = timeoutNanos;
      this.retriesLeft = retries;
      this.replyType = replyType;
      this.onReply = onReply;
      this.onTimeout = onTimeout;
    }

    @Override
    public long traceSummary() {
      return to * 31L + retriesLeft;
    }

    @Override
    public String toString() {
      return "call to node " + to + " (" + request.getClass().getSimpleName() + ", "
          + retriesLeft + " retries left)";
    }
  }

  private final Context ctx;
  private final Calls<Pending> calls;

  /** The calls of the process behind {@code ctx} (create it in {@code onStart}). */
  public Rpc(Context ctx) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
    this.calls = new Calls<>(ctx);
  }

  /**
   * Sends {@code request.apply(id)} to node {@code to}; the first reply of type
   * {@code replyType} carrying that id runs {@code onReply}. Without one within
   * {@code timeoutNanos} the same request is sent again, up to {@code retries} times, and then
   * {@code onTimeout} runs. Returns the call's id.
   */
  public <R> long call(int to, LongFunction<?> request, long timeoutNanos, int retries,
      Class<R> replyType, Consumer<? super R> onReply, Runnable onTimeout) {
    Objects.requireNonNull(replyType, "replyType");
    Objects.requireNonNull(onReply, "onReply");
    Objects.requireNonNull(onTimeout, "onTimeout");
    if (timeoutNanos <= 0 || retries < 0) {
      throw new IllegalArgumentException("a call needs a timeout > 0 and retries >= 0");
    }
    Pending p = new Pending(to, timeoutNanos, retries, replyType,
        r -> onReply.accept(replyType.cast(r)), onTimeout);
    long id = calls.open(p);
    p.request = Objects.requireNonNull(request.apply(id), "request");
    ctx.send(to, p.request);
    calls.setTimeout(id, timeoutNanos);
    return id;
  }

  /**
   * Call it first in {@code onMessage}: true when the message is a {@link Reply} to one of this
   * process's calls, open or not (a late or duplicated reply is consumed and ignored); then
   * the caller is done with it. False for anything else.
   */
  public boolean onMessage(Message m) {
    if (!(m.payload() instanceof Reply r)) {
      return false;
    }
    Pending p = calls.get(r.callId());
    if (p == null || !p.replyType.isInstance(r)) {
      return p == null; // not waiting for it: a late copy; of another type: not ours
    }
    calls.close(r.callId());
    p.onReply.accept(r);
    return true;
  }

  /**
   * Call it first in {@code onTimer}: true when the tag is one of this process's call timeouts
   * (the request went again, or the call gave up and its {@code onTimeout} ran).
   */
  public boolean onTimer(Object tag) {
    long id = calls.timedOut(tag);
    if (id == Calls.NONE) {
      return false;
    }
    Pending p = calls.get(id);
    if (p.retriesLeft > 0) {
      p.retriesLeft--;
      ctx.send(p.to, p.request);
      calls.setTimeout(id, p.timeoutNanos);
    } else {
      calls.close(id);
      p.onTimeout.run();
    }
    return true;
  }

  /** Calls still waiting for a reply. */
  public int open() {
    return calls.size();
  }
}
