package dev.dsim.testing;

import dev.dsim.engine.Durations;
import dev.dsim.fault.FaultPlan;
import dev.dsim.fault.Target;
import java.util.Objects;

/**
 * What {@link Simulations#shrink} found: the seed, the plan it started from and the smallest
 * one that still fails the same way, the failure of that smallest run (it was run last, so it
 * is proven to fail), its trace hash, how many runs it took, whether the budget stopped it, and
 * how many faults struck before and after.
 *
 * @param seed the failing seed
 * @param original the plan the failure was found with
 * @param minimal the smallest plan found that fails alike: a schedule, no nemeses when the
 *     drawn faults as a schedule failed alike
 * @param failure what the minimal run threw
 * @param traceHash the minimal run's trace hash at its failure
 * @param candidates runs made, the first and the last included
 * @param budgetSpent whether {@code maxCandidates} stopped it before it was done
 * @param faultsBefore faults that struck in the original run
 * @param faultsAfter faults that struck in the minimal run
 */
public record ShrunkFailure(long seed, FaultPlan original, FaultPlan minimal, Throwable failure,
    String traceHash, int candidates, boolean budgetSpent, int faultsBefore, int faultsAfter) {
  public ShrunkFailure {
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(minimal, "minimal");
    Objects.requireNonNull(failure, "failure");
  }

  /** A report for a test's failure message: sizes, the failure, the schedule, how to replay. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append("seed ").append(seed).append(" shrunk in ").append(candidates).append(" runs")
        .append(budgetSpent ? " (the budget ran out: it may shrink further)" : "")
        .append(": faults ").append(faultsBefore).append(" -> ").append(faultsAfter)
        .append("; it still fails: ").append(firstLine(failure)).append('\n');
    sb.append("the faults that remain (traceHash ").append(traceHash).append("):\n");
    for (FaultPlan.Scheduled f : minimal.schedule()) {
      sb.append("  at ").append(Durations.format(f.atNanos())).append(' ')
          .append(f.fault().kind());
      String sep = " ";
      for (Target t : f.fault().targets()) {
        sb.append(sep).append(t.label());
        sep = " | ";
      }
      sb.append('\n');
    }
    if (minimal.randomCrash() != null || !minimal.random().isEmpty()) {
      sb.append("  and the nemeses, as they were (their draws as a schedule did not fail "
          + "alike)\n");
    }
    sb.append("replay: body.run(new Simulation(").append(seed)
        .append("), RunFaults.of(shrunk.minimal()))");
    return sb.toString();
  }

  private static String firstLine(Throwable t) {
    String m = String.valueOf(t.getMessage());
    int nl = m.indexOf('\n');
    return t.getClass().getSimpleName() + ": " + (nl < 0 ? m : m.substring(0, nl));
  }
}
