package dev.dsim.service;

import dev.dsim.metrics.Outcome;
import dev.dsim.metrics.RequestMetrics;
import dev.dsim.world.Context;
import dev.dsim.world.Message;
import dev.dsim.world.Process;
import dev.dsim.world.Timer;
import dev.dsim.world.TraceSummary;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * An open-loop client: issues requests at a given rate whatever happens to earlier ones (the
 * way independent users behave), sends each to one target (the load balancer), and records each
 * request's outcome: ok, failed, or timed out.
 *
 * <p>Its timeout and its pacing run on its node's local clock (a skewed clock changes both, as in
 * a real client), but what it records for the experiment (issue and completion times) and when
 * it stops issuing ({@code stopIssuingAtNanos}) are read from the observer's true clock. Once
 * every issued request has an outcome it calls {@code onDrained}, so a run can end as soon as
 * nothing is left in flight. It does not
 * retry (a later refinement), and a reply arriving after the timeout is ignored, as a real client
 * that already gave up would.
 */
public final class OpenLoopClient implements Process {
  private static final Object ARRIVAL = new Object() {
    @Override
    public String toString() {
      return "arrival";
    }
  };

  /** What the client needs; one config per client node. */
  public record Config(String target, ArrivalProcess arrival, double ratePerSecond,
      long timeoutNanos, long stopIssuingAtNanos) {
    public Config {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(arrival, "arrival");
      if (timeoutNanos < 0) {
        throw new IllegalArgumentException("timeout must be >= 0 (0 = none): " + timeoutNanos);
      }
    }
  }

  private final Config config;
  private final RequestMetrics metrics;
  private final Runnable onDrained;
  private final LongSupplier trueTimeNanos;
  /** In-flight requests by id; looked up, never iterated in an order that matters. */
  private final Map<Long, Pending> inFlight = new HashMap<>();
  private ContinuousSampler gaps;
  private int targetId;
  private long nextId;
  private boolean stopped;

  /**
   * @param trueTimeNanos the observer's clock (simulated time), for measurements only; the
   *     process itself lives by its local clock
   */
  public OpenLoopClient(Config config, RequestMetrics metrics, Runnable onDrained,
      LongSupplier trueTimeNanos) {
    this.config = Objects.requireNonNull(config, "config");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.onDrained = Objects.requireNonNull(onDrained, "onDrained");
    this.trueTimeNanos = Objects.requireNonNull(trueTimeNanos, "trueTimeNanos");
  }

  @Override
  public void onStart(Context ctx) {
    targetId = ctx.nodeId(config.target());
    gaps = config.arrival().gaps(config.ratePerSecond(), ctx.rng().fork("arrivals"));
    scheduleNextArrival(ctx);
  }

  private void scheduleNextArrival(Context ctx) {
    ctx.setTimer(Math.round(gaps.sample()), ARRIVAL);
  }

  @Override
  public void onTimer(Context ctx, Object tag) {
    if (tag == ARRIVAL) {
      arrive(ctx);
    } else if (tag instanceof Pending p && inFlight.remove(p.id) != null) {
      metrics.record(p.issuedAtNanos, trueTimeNanos.getAsLong(), Outcome.TIMED_OUT);
      checkDrained();
    }
  }

  private void arrive(Context ctx) {
    long now = trueTimeNanos.getAsLong();
    if (now >= config.stopIssuingAtNanos()) {
      stopped = true;
      checkDrained();
      return;
    }
    long id = nextId++;
    Pending p = new Pending(id, now);
    inFlight.put(id, p);
    ctx.send(targetId, new Request(id));
    if (config.timeoutNanos() > 0) {
      p.timeout = ctx.setTimer(config.timeoutNanos(), p);
    }
    scheduleNextArrival(ctx);
  }

  @Override
  public void onMessage(Context ctx, Message message) {
    if (!(message.payload() instanceof Response r)) {
      return;
    }
    Pending p = inFlight.remove(r.id());
    if (p == null) {
      return; // already timed out: the client gave up on it
    }
    if (p.timeout != null) {
      ctx.cancel(p.timeout);
    }
    metrics.record(p.issuedAtNanos, trueTimeNanos.getAsLong(),
        r.ok() ? Outcome.OK : Outcome.FAILED);
    if (r.ok() && r.damaged()) {
      metrics.recordCorrupt(p.issuedAtNanos);
    }
    checkDrained();
  }

  private void checkDrained() {
    if (stopped && inFlight.isEmpty()) {
      onDrained.run();
    }
  }

  /** Requests issued and not yet answered. */
  public int inFlight() {
    return inFlight.size();
  }

  /** Requests issued so far, measured or not. */
  public long issued() {
    return nextId;
  }

  /** Ends the run for this client: whatever is still in flight is recorded as unfinished. */
  public void finish(long nowNanos) {
    for (Pending p : inFlight.values()) {
      metrics.record(p.issuedAtNanos, nowNanos, Outcome.UNFINISHED);
    }
    inFlight.clear();
  }

  private static final class Pending implements TraceSummary {
    final long id;
    final long issuedAtNanos;
    Timer timeout;

    Pending(long id, long issuedAtNanos) {
      this.id = id;
      this.issuedAtNanos = issuedAtNanos;
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
}
