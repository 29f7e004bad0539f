package dev.dsim.engine;

/**
 * One deterministic discrete-event simulation: a clock in long nanoseconds, an event queue, a run
 * loop, the root {@link Rng} and the trace fingerprint.
 *
 * <p>Events at the same time fire in the order they were scheduled. Time only moves forward;
 * scheduling in the past is an error. A simulation runs on one thread; it is not thread-safe.
 *
 * <p>It deliberately knows nothing about nodes, messages or services: those are events that
 * the {@code world} layer defines.
 */
public final class Simulation {
  private final EventQueue queue = new EventQueue();
  private final TraceFingerprint fingerprint = new TraceFingerprint();
  private final Rng rng;
  private long now;
  private long fired;
  private long maxEvents = Long.MAX_VALUE;
  private boolean stopped;
  private TraceListener listener;
  private AbortSignal abort;

  /** How often (in events) a run looks at its {@link AbortSignal}; a power of two. */
  public static final long ABORT_POLL_EVENTS = 1L << 16;

  public Simulation(long seed) {
    this.rng = Rng.root(seed);
  }

  /** Current simulated time in nanoseconds since the start of the run. */
  public long now() {
    return now;
  }

  /** The run's root random stream; components take named forks of it. */
  public Rng rng() {
    return rng;
  }

  /** Schedules {@code event} to fire at absolute time {@code atNanos} (not before now). */
  public void schedule(long atNanos, Event event) {
    if (atNanos < now) {
      throw new IllegalArgumentException("cannot schedule " + event.kind() + " at "
          + atNanos + "ns, before now (" + now + "ns)");
    }
    queue.add(atNanos, event);
  }

  /** Schedules {@code event} to fire {@code delayNanos} (at least 0) from now. */
  public void after(long delayNanos, Event event) {
    if (delayNanos < 0) {
      throw new IllegalArgumentException("negative delay " + delayNanos + "ns for " + event.kind());
    }
    long at = now + delayNanos;
    // Saturate instead of wrapping: "never" is Long.MAX_VALUE, not a time in the past.
    queue.add(at < now ? Long.MAX_VALUE : at, event);
  }

  /** Convenience: runs {@code action} at absolute time {@code atNanos}; returns its handle. */
  public Event schedule(long atNanos, EventKind kind, int node, Runnable action) {
    ActionEvent e = new ActionEvent(kind, node, action);
    schedule(atNanos, e);
    return e;
  }

  /** Convenience: runs {@code action} after {@code delayNanos}; returns its handle. */
  public Event after(long delayNanos, EventKind kind, int node, Runnable action) {
    ActionEvent e = new ActionEvent(kind, node, action);
    after(delayNanos, e);
    return e;
  }

  /**
   * Cancels a pending event: it will not fire, is not counted and does not enter the fingerprint.
   * Returns false if the event was not pending (already fired or cancelled). O(1).
   */
  public boolean cancel(Event event) {
    return queue.cancel(event);
  }

  /** Runs until no events remain or {@link #stop()} is called. Returns events fired by this call. */
  public long run() {
    return runUntil(Long.MAX_VALUE);
  }

  /**
   * Fires every event whose time is at most {@code untilNanos}, then leaves the clock at
   * {@code untilNanos} (if the run was not stopped and that is later than now), so that a
   * following call continues seamlessly. Events scheduled later stay pending.
   */
  public long runUntil(long untilNanos) {
    stopped = false;
    long before = fired;
    EventQueue q = queue;
    TraceFingerprint fp = fingerprint;
    while (!stopped && !q.isEmpty() && q.peekTime() <= untilNanos) {
      long t = q.peekTime();
      Event e = q.takeRoot();
      if (e.cancelled) {
        q.settle();
        continue;
      }
      if (fired == maxEvents) {
        q.settle();
        q.reinsert(t, e);
        throw new EventLimitExceededException(maxEvents, t);
      }
      if ((fired & (ABORT_POLL_EVENTS - 1)) == 0 && abort != null && abort.isRaised()) {
        q.settle();
        q.reinsert(t, e);
        throw new RunAbortedException(t);
      }
      now = t;
      fired++;
      fp.add(t, e.kind().code(), e.node(), e.traceDetail());
      if (listener != null) {
        listener.onEvent(t, e);
      }
      try {
        e.fire();
      } finally {
        // The handler usually scheduled a successor into the hole at the root; if not, fill it.
        q.settle();
      }
    }
    if (!stopped && untilNanos != Long.MAX_VALUE && untilNanos > now) {
      now = untilNanos;
    }
    return fired - before;
  }

  /** Stops the current {@link #run()} after the event being fired; pending events remain. */
  public void stop() {
    stopped = true;
  }

  /** Events fired since the start. */
  public long eventsFired() {
    return fired;
  }

  /** Live events still pending. */
  public int pendingEvents() {
    return queue.liveSize();
  }

  /** Bounds the number of events a run may fire; exceeding it throws. */
  public void setMaxEvents(long maxEvents) {
    if (maxEvents <= 0) {
      throw new IllegalArgumentException("maxEvents must be positive: " + maxEvents);
    }
    this.maxEvents = maxEvents;
  }

  /** Watches {@code signal} (null: none) so another thread can abandon the run. */
  public void setAbortSignal(AbortSignal signal) {
    this.abort = signal;
  }

  /** Installs (or, with null, removes) a listener that sees each event before it fires. */
  public void setTraceListener(TraceListener listener) {
    this.listener = listener;
  }

  /**
   * Hands a process's log line to the trace listener, if any. Not an event: it fires nothing and
   * leaves the trace hash alone.
   */
  public void note(int node, String text) {
    if (listener != null) {
      listener.onNote(now, node, text);
    }
  }

  /** The fingerprint of every event fired so far, as a 64-bit value. */
  public long traceHash() {
    return fingerprint.value();
  }

  /** The fingerprint as 16 hex digits. */
  public String traceHashHex() {
    return fingerprint.hex();
  }

  @Override
  public String toString() {
    return "Simulation[now=" + Durations.format(now) + ", fired=" + fired
        + ", pending=" + queue.liveSize() + "]";
  }
}
