package dev.dsim.engine;

/**
 * Something that happens at one instant of simulated time.
 *
 * <p>Subclasses say what the event is for the trace ({@link #kind()}, {@link #node()},
 * {@link #traceDetail()}) and what it does ({@link #fire()}). An event object may be scheduled
 * again once it has fired or been cancelled (a periodic arrival process reuses one object, so it
 * allocates nothing); scheduling it while it is still pending is an error.
 *
 * <p>Handlers run to completion: {@code fire} must not block, sleep, start threads or read the
 * wall clock. It may schedule and cancel other events.
 */
public abstract class Event {
  /** Scheduling order among events at the same time; assigned by the queue. */
  long seq;
  /** Absolute simulated time at which the event fires, in nanoseconds; valid while pending. */
  long timeNanos;
  boolean pending;
  boolean cancelled;

  /** What kind of event this is; constant per subclass, ideally a static field. */
  public abstract EventKind kind();

  /** Dense id of the node this event concerns, or -1 when it concerns no node. */
  public int node() {
    return -1;
  }

  /**
   * A summary of the event's content that belongs in the trace fingerprint (for a message: its
   * source, destination and type). Must be a pure function of simulation state.
   */
  public long traceDetail() {
    return 0L;
  }

  /**
   * Human-readable detail for the JSON-lines trace (its {@code detail} field); only called when a
   * trace is being written. A fallback for people: programs read {@link #traceFields}.
   */
  public String describe() {
    return "";
  }

  /**
   * Writes the event's typed fields for the JSON-lines trace (a message's {@code from},
   * {@code to}, {@code type}...); only called when a trace is being written, and never part of
   * the fingerprint ({@link #traceDetail()} is). Must not change simulation state.
   */
  public void traceFields(TraceFields out) {}

  /** Does what the event stands for. Called once, at {@link #timeNanos()}. */
  protected abstract void fire();

  /** The time at which this event is (or was last) scheduled to fire. */
  public final long timeNanos() {
    return timeNanos;
  }

  /** True while scheduled, not yet fired and not cancelled. */
  public final boolean isPending() {
    return pending && !cancelled;
  }
}
