package dev.dsim.check.linearizability;

import dev.dsim.engine.Durations;

/**
 * A recorded history is not linearizable (or could not be shown to be within the checker's
 * budget). The message holds what reproduces it, the seed and the trace hash of the run, and
 * the checker's explanation.
 */
public final class NotLinearizableException extends RuntimeException {
  private final transient Verdict verdict;
  private final long seed;
  private final String traceHash;

  NotLinearizableException(Verdict verdict, long seed, String traceHash, long atNanos) {
    super(message(verdict, seed, traceHash, atNanos));
    this.verdict = verdict;
    this.seed = seed;
    this.traceHash = traceHash;
  }

  private static String message(Verdict v, long seed, String traceHash, long atNanos) {
    String head = "history not linearizable (checked at simulated time "
        + Durations.format(atNanos) + "), seed " + seed + ", traceHash " + traceHash + ": ";
    if (v instanceof Verdict.Violation bad) {
      return head + bad.explanation();
    }
    if (v instanceof Verdict.Unknown u) {
      return "history not shown linearizable: key " + u.key() + " undecided (" + u.reason()
          + "), seed " + seed + ", traceHash " + traceHash;
    }
    return head + v;
  }

  /** The checker's verdict. */
  public Verdict verdict() {
    return verdict;
  }

  public long seed() {
    return seed;
  }

  public String traceHash() {
    return traceHash;
  }
}
