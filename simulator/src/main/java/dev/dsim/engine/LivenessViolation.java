package dev.dsim.engine;

/**
 * A goal registered with {@link Simulation#eventually} was not reached by its deadline: the
 * system did not make the progress it should. The message holds the goal, the deadline, the
 * seed and the trace hash of the run up to the deadline.
 */
public final class LivenessViolation extends RuntimeException {
  private final String goal;
  private final long deadlineNanos;
  private final long seed;
  private final String traceHash;

  public LivenessViolation(String goal, long sinceNanos, long deadlineNanos, long seed,
      String traceHash) {
    super("liveness violated: \"" + goal + "\" did not happen between " + Durations.format(
        sinceNanos) + " and its deadline " + Durations.format(deadlineNanos) + ", seed " + seed
        + ", traceHash " + traceHash);
    this.goal = goal;
    this.deadlineNanos = deadlineNanos;
    this.seed = seed;
    this.traceHash = traceHash;
  }

  /**
   * A settle check ({@link Simulation#settles}) that did not settle: {@code window} says from
   * when it waited ("after the faults healed at 9s").
   */
  public LivenessViolation(String goal, long sinceNanos, long deadlineNanos, long seed,
      String traceHash, String window) {
    super("liveness violated: \"" + goal + "\" did not settle within " + Durations.format(
        deadlineNanos - sinceNanos) + " " + window + " (deadline " + Durations.format(
        deadlineNanos) + "), seed " + seed + ", traceHash " + traceHash);
    this.goal = goal;
    this.deadlineNanos = deadlineNanos;
    this.seed = seed;
    this.traceHash = traceHash;
  }

  /** The goal's name, as registered. */
  public String goal() {
    return goal;
  }

  /** When it should have happened by. */
  public long deadlineNanos() {
    return deadlineNanos;
  }

  public long seed() {
    return seed;
  }

  public String traceHash() {
    return traceHash;
  }
}
