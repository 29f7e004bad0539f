package dev.dsim.testing;

import dev.dsim.engine.Durations;

/**
 * A seed whose run failed: the seed, what failed, when in simulated time, the trace hash of the
 * run at that point, whether re-running the seed gave the same hash (it must: anything else
 * means the body depends on something outside the seed), and the line that re-runs it alone.
 *
 * @param seed the failing seed
 * @param cause what was thrown
 * @param atNanos simulated time when it failed
 * @param traceHash the run's trace hash when it failed
 * @param replayedHash the trace hash when the seed was run again (null if not re-run)
 * @param rerun how to re-run only this seed, with its trace written
 */
public record SeedFailure(long seed, Throwable cause, long atNanos, String traceHash,
    String replayedHash, String rerun) {

  /** True when the re-run failed the same way, at the same point of the same trace. */
  public boolean reproduced() {
    return traceHash.equals(replayedHash);
  }

  /** The report a developer reads: what, where, and how to get it back. */
  public String describe() {
    String what = cause.getMessage() == null ? cause.getClass().getSimpleName()
        : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    return "seed " + seed + " failed at simulated time " + Durations.format(atNanos)
        + ", traceHash " + traceHash + "\n  " + what + "\n  "
        + (replayedHash == null ? "" : reproduced()
            ? "re-ran it: same trace hash, the failure reproduces\n  "
            : "re-ran it: trace hash " + replayedHash + ", NOT the same run: the body depends "
                + "on something outside the seed (wall clock, hash order, shared state)\n  ")
        + "re-run only this seed: " + rerun;
  }
}
