package dev.dsim.testing;

import dev.dsim.engine.InvariantViolation;
import dev.dsim.engine.LivenessViolation;
import dev.dsim.engine.Simulation;
import java.util.ArrayList;
import java.util.List;

/**
 * A seed's run that could not have failed, so its pass would mean nothing: it fired no event
 * (the body forgot {@code world.start()} or {@code sim.runUntil(...)}), it registered invariants
 * that were never evaluated (registered after the run), or a settle check
 * ({@link Simulation#settles}) that nothing decided (the faults never all healed, or the run
 * ended before its deadline). {@link Simulations#seeds} and {@link SimulationTest} fail such a
 * seed with this error. A body that registers no invariant and fires events passes as before:
 * its own assertions are its checks.
 */
public final class VacuousRunError extends AssertionError {
  private static final long serialVersionUID = 1L;

  /** The first line when no event fired. */
  public static final String NO_EVENT = "no event fired in this run: did the body call "
      + "world.start() and sim.runUntil(...)?";

  VacuousRunError(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Judges a finished run of a body on {@code sim}: returns what to report, which is
   * {@code thrown} itself (null when the body returned), or a {@code VacuousRunError} when the
   * run checked nothing. A violation found by the check on the final state of a run that fired
   * no event becomes the cause of a {@code VacuousRunError}: the body forgot to start. Any other
   * exception is the body's own and is reported as it is.
   */
  static Throwable judge(Simulation sim, Throwable thrown) {
    boolean checkFailure = thrown instanceof InvariantViolation
        || thrown instanceof LivenessViolation;
    if (thrown != null && !checkFailure) {
      return thrown;
    }
    if (sim.eventsFired() == 0) {
      return new VacuousRunError(NO_EVENT + (thrown == null ? ""
          : "\n  (the check on the final state then found: " + thrown.getMessage() + ")"),
          thrown);
    }
    if (thrown != null) {
      return thrown;
    }
    List<String> problems = new ArrayList<>();
    List<String> unchecked = sim.invariantsNeverChecked();
    if (!unchecked.isEmpty()) {
      problems.add((unchecked.size() == 1 ? "invariant " : "invariants ") + quoted(unchecked)
          + (unchecked.size() == 1 ? " was" : " were") + " registered but never evaluated: "
          + "register invariants before sim.runUntil(...), which checks them after every event "
          + "and once when it returns");
    }
    for (String name : sim.undecidedSettles()) {
      problems.add("liveness check \"" + name + "\" was never decided: " + sim.whyUndecided(
          name));
    }
    return problems.isEmpty() ? null : new VacuousRunError(String.join("\n  ", problems), null);
  }

  private static String quoted(List<String> names) {
    StringBuilder sb = new StringBuilder();
    for (String n : names) {
      sb.append(sb.length() == 0 ? "" : ", ").append('"').append(n).append('"');
    }
    return sb.toString();
  }
}
