package dev.dsim.engine;

/**
 * An invariant registered with {@link Simulation#invariant} did not hold after an event: the run
 * stops there. Everything needed to reproduce it is in the message: the invariant, the simulated
 * time, the seed and the trace hash of the run up to that event (the same seed gives the same
 * hash and the same violation).
 */
public final class InvariantViolation extends RuntimeException {
  private final String invariant;
  private final long atNanos;
  private final long seed;
  private final String traceHash;
  private final long events;

  public InvariantViolation(String invariant, long atNanos, long seed, String traceHash,
      long events, String detail) {
    super("invariant violated: \"" + invariant + "\" at simulated time "
        + Durations.format(atNanos) + " (event " + events + "), seed " + seed + ", traceHash "
        + traceHash + (detail == null || detail.isEmpty() ? "" : ": " + detail));
    this.invariant = invariant;
    this.atNanos = atNanos;
    this.seed = seed;
    this.traceHash = traceHash;
    this.events = events;
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
