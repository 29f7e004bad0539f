package dev.dsim.engine;

import java.util.ArrayList;
import java.util.List;

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
  /** Names of the entities events belong to (the world registers its nodes); for traces only. */
  private java.util.function.IntFunction<String> nodeNames = id -> "#" + id;
  /** Registered invariants, checked after every event; names kept in registration order. */
  private String[] invariantNames = new String[0];
  private Invariant[] invariants = new Invariant[0];
  /** Liveness goals not reached yet, checked after every event while any is pending. */
  private final List<Goal> goals = new ArrayList<>();
  private final Sometimes sometimes = new Sometimes();
  /** Probability that {@code buggify()} answers true; 0: off (the default). */
  private double buggify;

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
      if (invariants.length != 0) {
        checkInvariants(t);
      }
      if (!goals.isEmpty()) {
        checkGoals();
      }
    }
    if (!stopped && untilNanos != Long.MAX_VALUE && untilNanos > now) {
      now = untilNanos;
    }
    return fired - before;
  }

  /**
   * Registers an invariant checked after every event from now on; one that fails stops the run
   * with an {@link InvariantViolation} naming it, the time, the seed and the trace hash.
   * Registering another invariant under the same name replaces it (a restarted process can
   * register its own again). Checking costs nothing while none is registered.
   */
  public void invariant(String name, Invariant check) {
    java.util.Objects.requireNonNull(name, "name");
    java.util.Objects.requireNonNull(check, "check");
    for (int i = 0; i < invariantNames.length; i++) {
      if (invariantNames[i].equals(name)) {
        invariants[i] = check;
        return;
      }
    }
    invariantNames = java.util.Arrays.copyOf(invariantNames, invariantNames.length + 1);
    invariants = java.util.Arrays.copyOf(invariants, invariants.length + 1);
    invariantNames[invariantNames.length - 1] = name;
    invariants[invariants.length - 1] = check;
  }

  /** Registers a yes/no invariant: see {@link #invariant(String, Invariant)}. */
  public void invariant(String name, java.util.function.BooleanSupplier holds) {
    invariant(name, Invariant.of(holds));
  }

  private void checkInvariants(long t) {
    for (int i = 0; i < invariants.length; i++) {
      String v = invariants[i].violation();
      if (v != null) {
        stopped = true;
        throw new InvariantViolation(invariantNames[i], t, rng.seed(), traceHashHex(), fired, v);
      }
    }
  }

  /**
   * A liveness check: {@code reached} must hold after some event within {@code withinNanos}
   * from now, or the run stops at the deadline with a {@link LivenessViolation} (seed and trace
   * hash included). It is checked after every event until it holds; the deadline is an event of
   * its own, so an idle system is caught too. A run that ends before the deadline leaves it
   * undecided ({@link #pendingGoals}).
   */
  public void eventually(String name, java.util.function.BooleanSupplier reached,
      long withinNanos) {
    java.util.Objects.requireNonNull(name, "name");
    java.util.Objects.requireNonNull(reached, "reached");
    if (withinNanos < 0) {
      throw new IllegalArgumentException("a deadline is in the future: " + withinNanos);
    }
    Goal g = new Goal(name, reached, now, now + withinNanos);
    if (reached.getAsBoolean()) {
      return;
    }
    goals.add(g);
    schedule(g.deadline, DEADLINE, -1, () -> {
      if (goals.contains(g)) {
        stopped = true;
        throw new LivenessViolation(g.name, g.since, g.deadline, rng.seed(), traceHashHex());
      }
    });
  }

  /** Names of the liveness goals not reached yet. */
  public List<String> pendingGoals() {
    List<String> names = new ArrayList<>();
    goals.forEach(g -> names.add(g.name));
    return names;
  }

  private void checkGoals() {
    goals.removeIf(g -> g.reached.getAsBoolean());
  }

  /** A liveness goal: by identity, since two goals may share a name. */
  private static final class Goal {
    final String name;
    final java.util.function.BooleanSupplier reached;
    final long since;
    final long deadline;

    Goal(String name, java.util.function.BooleanSupplier reached, long since, long deadline) {
      this.name = name;
      this.reached = reached;
      this.since = since;
      this.deadline = deadline;
    }
  }

  private static final EventKind DEADLINE = EventKind.of("liveness-deadline");

  /**
   * Records that the situation {@code name} was checked and whether it held ({@link Sometimes}):
   * a run's coverage of the rare cases its author cares about. Returns {@code condition}.
   */
  public boolean sometimes(String name, boolean condition) {
    return sometimes.check(name, condition);
  }

  /** The situations {@link #sometimes} checked in this run. */
  public List<Sometimes.Tally> sometimesTallies() {
    return sometimes.tallies();
  }

  /**
   * Lets processes' {@code ctx.buggify()} answer true with {@code probability} (FoundationDB's
   * BUGGIFY: code paths that make a run nastier, on only in tests that ask for them).
   */
  public void enableBuggify(double probability) {
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("a probability, got " + probability);
    }
    buggify = probability;
  }

  /** The probability buggify answers true; 0 when not enabled. */
  public double buggifyProbability() {
    return buggify;
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

  /**
   * How traces name the entity an event belongs to (the world installs its node names); the
   * engine itself knows nothing about nodes.
   */
  public void setNodeNames(java.util.function.IntFunction<String> names) {
    this.nodeNames = java.util.Objects.requireNonNull(names, "names");
  }

  /** The name of entity {@code id} for a trace ("web-2"), or "#id" when nothing named it. */
  public String nodeName(int id) {
    return nodeNames.apply(id);
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

  /**
   * True while a trace listener is installed: callers test it before building a
   * {@link TraceRecord}, so an untraced run allocates nothing for records.
   */
  public boolean tracing() {
    return listener != null;
  }

  /**
   * Hands a trace record (a message sent, a crash...) to the trace listener, if any. Not an
   * event: it fires nothing and leaves the trace hash alone.
   */
  public void record(int node, String kind, TraceRecord record) {
    if (listener != null) {
      listener.onRecord(now, node, kind, record);
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
