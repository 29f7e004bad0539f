package dev.dsim.engine;

/**
 * An invariant registered with {@link Simulation#invariant} did not hold after an event (or on
 * the final state, when a run returned: {@link #atEnd}): the run stops there. Everything needed to reproduce it is in the message: the invariant, the simulated
 * time, the seed and the trace hash of the run up to that event (the same seed gives the same
 * hash and the same violation).
 */
public final class InvariantViolation extends RuntimeException {
  private final String invariant;
  private final long atNanos;
  private final long seed;
  private final String traceHash;
  private final long events;

  private final boolean atEnd;

  public InvariantViolation(String invariant, long atNanos, long seed, String traceHash,
      long events, String detail) {
    this(invariant, atNanos, seed, traceHash, events, detail, false);
  }

  /**
   * @param atEnd true when it failed in the check made as a run returned, on its final state,
   *     not after an event
   */
  public InvariantViolation(String invariant, long atNanos, long seed, String traceHash,
      long events, String detail, boolean atEnd) {
    super("invariant violated: \"" + invariant + "\" at " + (atEnd
        ? "the end of the run, simulated time " + Durations.format(atNanos) + " (after event "
            + events + ")"
        : "simulated time " + Durations.format(atNanos) + " (event " + events + ")")
        + ", seed " + seed + ", traceHash " + traceHash
        + (detail == null || detail.isEmpty() ? "" : ": " + detail));
    this.invariant = invariant;
    this.atNanos = atNanos;
    this.seed = seed;
    this.traceHash = traceHash;
    this.events = events;
    this.atEnd = atEnd;
  }

  /** True when it failed in the check on a run's final state, as the run returned. */
  public boolean atEnd() {
    return atEnd;
  }

  /** The invariant's name, as registered. */
  public String invariant() {
    return invariant;
  }

  /** Simulated time of the event after which it failed. */
  public long atNanos() {
    return atNanos;
  }

  public long seed() {
    return seed;
  }

  /** The trace hash of the run up to and including the event after which it failed. */
  public String traceHash() {
    return traceHash;
  }

  /** Events fired up to the violation. */
  public long events() {
    return events;
  }
}
