package dev.dsim.testing;

import dev.dsim.engine.Durations;
import java.util.List;

/**
 * A seed whose run failed: the seed, what failed, when in simulated time, the trace hash of the
 * run at that point, whether re-running the seed in the same JVM gave the same hash (it must:
 * anything else means the body depends on something outside the seed), and the command that
 * re-runs it alone.
 *
 * <p>The re-run is made in the same JVM, right after the sweep: state a body keeps in static
 * fields from seed to seed is still there, so a failure that needs the earlier seeds' leftovers
 * "replays" too. Only the command, run in a fresh JVM, shows that the seed fails on its own;
 * the description says so.
 *
 * @param seed the failing seed
 * @param cause what was thrown
 * @param atNanos simulated time when it failed
 * @param traceHash the run's trace hash when it failed
 * @param replayedHash the trace hash when the seed was run again in the same JVM (null if not
 *     re-run)
 * @param rerun the command that re-runs only this seed of its test, with its trace written
 * @param faultsInForce the faults struck through {@link RunFaults} and in force when it failed
 *     ({@code "crash coord (since 3.7s)"}); null when the body struck none that way
 */
public record SeedFailure(long seed, Throwable cause, long atNanos, String traceHash,
    String replayedHash, String rerun, List<String> faultsInForce) {

  public SeedFailure {
    faultsInForce = faultsInForce == null ? null : List.copyOf(faultsInForce);
  }

  /** A failure of a body that struck no {@link RunFaults}: no faults to list. */
  public SeedFailure(long seed, Throwable cause, long atNanos, String traceHash,
      String replayedHash, String rerun) {
    this(seed, cause, atNanos, traceHash, replayedHash, rerun, null);
  }

  /**
   * True when the re-run in the same JVM failed the same way, at the same point of the same
   * trace (static state the body leaks between seeds can make that true of a seed that passes
   * on its own: the rerun command, in a fresh JVM, is the proof).
   */
  public boolean reproduced() {
    return traceHash.equals(replayedHash);
  }

  /** The report a developer reads: what, where, and how to get it back. */
  public String describe() {
    String what = cause.getMessage() == null ? cause.getClass().getSimpleName()
        : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    return "seed " + seed + " failed at simulated time " + Durations.format(atNanos)
        + ", traceHash " + traceHash + "\n  " + what + "\n  "
        + (faultsInForce == null ? "" : faultsInForce.isEmpty()
            ? "no fault was in force then\n  "
            : "faults in force then: " + String.join("; ", faultsInForce) + "\n  ")
        + (replayedHash == null ? "" : reproduced()
            ? "re-ran it in the same JVM: same trace hash (static state left by earlier seeds "
                + "would survive there; the command below runs the seed alone in a fresh JVM)"
                + "\n  "
            : "re-ran it in the same JVM: trace hash " + replayedHash + ", NOT the same run: "
                + "the body depends on something outside the seed (wall clock, hash order, "
                + "state shared between runs)\n  ")
        + "re-run only this seed: " + rerun;
  }
}
