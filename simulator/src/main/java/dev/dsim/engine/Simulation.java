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
  /** How many of the registered invariants (by slot) have been evaluated at least once. */
  private int invariantsChecked;
  /** Liveness goals not reached yet, checked after every event while any is pending. */
  private final List<Goal> goals = new ArrayList<>();
  /** Settle checks ({@link #settles}) still watching, in registration order. */
  private final List<Settle> settles = new ArrayList<>();
  /** Every settle check registered, decided or not, for {@link #undecidedSettles}. */
  private final List<Settle> allSettles = new ArrayList<>();
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
   *
   * <p>Registered invariants are checked after every event and once more when it returns, on
   * the final state (the clock moved to {@code untilNanos}, or no event fired at all): a
   * violation there is an {@link InvariantViolation} "at the end of the run". Checks read state
   * only; they never enter the trace hash.
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
      if (!settles.isEmpty()) {
        checkSettles();
      }
    }
    if (!stopped && untilNanos != Long.MAX_VALUE && untilNanos > now) {
      now = untilNanos;
    }
    if (invariants.length != 0) {
      checkInvariantsAtEnd();
    }
    return fired - before;
  }

  /**
   * Registers an invariant checked after every event from now on, and when {@link #runUntil} or
   * {@link #run} returns; one that fails stops the run
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
    invariantsChecked = invariants.length;
    for (int i = 0; i < invariants.length; i++) {
      String v = invariants[i].violation();
      if (v != null) {
        stopped = true;
        throw new InvariantViolation(invariantNames[i], t, rng.seed(), traceHashHex(), fired, v);
      }
    }
  }

  /** The check on the final state, when a run call returns. */
  private void checkInvariantsAtEnd() {
    invariantsChecked = invariants.length;
    for (int i = 0; i < invariants.length; i++) {
      String v = invariants[i].violation();
      if (v != null) {
        stopped = true;
        throw new InvariantViolation(invariantNames[i], now, rng.seed(), traceHashHex(), fired,
            v, true);
      }
    }
  }

  /** Names of the registered invariants. */
  public List<String> invariantNames() {
    return List.of(invariantNames);
  }

  /**
   * Names of the invariants registered but never evaluated: registered after the last event and
   * after the last {@link #runUntil} returned (or with no run at all), they checked nothing.
   */
  public List<String> invariantsNeverChecked() {
    return List.of(invariantNames).subList(invariantsChecked, invariantNames.length);
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
      if (goals.contains(g) && !g.reached.getAsBoolean()) {
        stopped = true;
        throw new LivenessViolation(g.name, g.since, g.deadline, rng.seed(), traceHashHex());
      }
    });
  }

  /**
   * A liveness check "settles after the faults heal": whenever {@code calm} holds (the caller's
   * "no fault in force", such as {@code Simulations.faultsHealed(faults)}; checked when
   * registered and after every event), {@code condition} must hold after some event within
   * {@code withinNanos} from the moment calm began, or the run stops at that deadline with a
   * {@link LivenessViolation} (seed and trace hash). A fault that strikes again before the
   * deadline (calm turns false) abandons that window; the next calm window starts a new one.
   * The deadline is an event (it enters the trace hash) only while a window waits: one
   * abandoned or reached in time is cancelled. {@link #undecidedSettles} names checks that no
   * window ever decided (the faults never all healed, or the run ended first).
   */
  public void settles(String name, java.util.function.BooleanSupplier condition,
      long withinNanos, java.util.function.BooleanSupplier calm) {
    java.util.Objects.requireNonNull(calm, "calm");
    addSettle(new Settle(name, condition, withinNanos, calm, Long.MIN_VALUE));
  }

  /**
   * {@link #settles(String, java.util.function.BooleanSupplier, long,
   * java.util.function.BooleanSupplier) settles} from a time the caller gives: from
   * {@code fromNanos} on (when the last fault heals: the caller's schedule knows it), the
   * condition must hold after some event within {@code withinNanos}, or the run stops at
   * {@code fromNanos + withinNanos} with a {@link LivenessViolation}. A condition that already
   * holds at {@code fromNanos} is reached (it is looked at on the deadline too, so an idle
   * system that settled passes).
   */
  public void settles(String name, java.util.function.BooleanSupplier condition,
      long withinNanos, long fromNanos) {
    addSettle(new Settle(name, condition, withinNanos, null, Math.max(fromNanos, now)));
  }

  private void addSettle(Settle s) {
    allSettles.add(s);
    settles.add(s);
    if (s.calm == null) {
      s.arm(s.from);
    }
    s.update();
    if (s.done) {
      settles.remove(s);
    }
  }

  /**
   * Names of the settle checks ({@link #settles}) that nothing decided: no window of calm was
   * ever followed by the condition (the faults never all healed, or the run ended before the
   * deadline). A run that ends with one undecided tested nothing about it.
   */
  public List<String> undecidedSettles() {
    List<String> names = new ArrayList<>();
    for (Settle s : allSettles) {
      if (s.windowsReached == 0) {
        names.add(s.name);
      }
    }
    return names;
  }

  /**
   * Why {@code name} (a settle check from {@link #undecidedSettles}) is undecided, for a
   * failure message; null when no such check is undecided.
   */
  public String whyUndecided(String name) {
    for (Settle s : allSettles) {
      if (s.windowsReached != 0 || !s.name.equals(name)) {
        continue;
      }
      if (s.windowsArmed == 0) {
        return "the faults never all healed in this run, so its " + Durations.format(
            s.withinNanos) + " never started: give the run a quiet period with no fault";
      }
      if (s.deadline != null) {
        return "the run ended at " + Durations.format(now) + ", before its deadline "
            + Durations.format(s.since + s.withinNanos) + (s.windowsArmed == 1 ? ""
                : " (the " + (s.windowsArmed - 1) + " windows with no fault before were each "
                    + "cut short by a new fault)");
      }
      return "each of its " + s.windowsArmed + (s.windowsArmed == 1 ? " window" : " windows")
          + " with no fault was cut short by a new fault within " + Durations.format(
              s.withinNanos) + ": give the run a quiet period at least that long";
    }
    return null;
  }

  /** Names of the liveness goals not reached yet (settle checks waiting on a deadline too). */
  public List<String> pendingGoals() {
    List<String> names = new ArrayList<>();
    goals.forEach(g -> names.add(g.name));
    for (Settle s : settles) {
      if (s.deadline != null) {
        names.add(s.name);
      }
    }
    return names;
  }

  private void checkGoals() {
    goals.removeIf(g -> g.reached.getAsBoolean());
  }

  private void checkSettles() {
    for (int i = 0; i < settles.size(); i++) {
      Settle s = settles.get(i);
      s.update();
      if (s.done) {
        settles.remove(i--);
      }
    }
  }

  /**
   * A settle check: calm windows, each with its deadline event while it waits. With no
   * {@code calm} (a time given), one window from {@code from}, and done once decided.
   */
  private final class Settle {
    final String name;
    final java.util.function.BooleanSupplier condition;
    final long withinNanos;
    final java.util.function.BooleanSupplier calm;
    final long from;
    /** True while in a calm window (waiting or reached). */
    boolean inWindow;
    long since;
    /** The pending deadline of the waiting window; null when none waits. */
    Event deadline;
    long windowsArmed;
    long windowsReached;
    boolean done;

    Settle(String name, java.util.function.BooleanSupplier condition, long withinNanos,
        java.util.function.BooleanSupplier calm, long from) {
      this.name = java.util.Objects.requireNonNull(name, "name");
      this.condition = java.util.Objects.requireNonNull(condition, "condition");
      if (withinNanos < 0) {
        throw new IllegalArgumentException("a deadline is in the future: " + withinNanos);
      }
      this.withinNanos = withinNanos;
      this.calm = calm;
      this.from = from;
    }

    void arm(long at) {
      inWindow = true;
      since = at;
      windowsArmed++;
      long end = at + withinNanos < at ? Long.MAX_VALUE : at + withinNanos;
      deadline = schedule(end, DEADLINE, -1, this::onDeadline);
    }

    /** After an event (and when registered): follow calm, and see whether it settled. */
    void update() {
      if (calm != null) {
        boolean c = calm.getAsBoolean();
        if (!c) {
          if (deadline != null) {
            cancel(deadline);
            deadline = null;
          }
          inWindow = false;
          return;
        }
        if (!inWindow) {
          arm(now);
        }
      }
      if (deadline != null && now >= since && condition.getAsBoolean()) {
        reached();
      }
    }

    private void reached() {
      cancel(deadline);
      deadline = null;
      windowsReached++;
      done = calm == null;
    }

    private void onDeadline() {
      if (deadline == null) {
        return;
      }
      if (condition.getAsBoolean()) {
        deadline = null; // it fired: nothing to cancel
        windowsReached++;
        done = calm == null;
        return;
      }
      stopped = true;
      throw new LivenessViolation(name, since, since + withinNanos, rng.seed(), traceHashHex(),
          calm == null ? "from " + Durations.format(since) : "after the faults healed at "
              + Durations.format(since));
    }
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
