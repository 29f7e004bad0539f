package dev.dsim.report;

import dev.dsim.run.Expectations;
import dev.dsim.run.RunResult;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * How often each variant met every one of its scenario's expectations, over its seeds, and the
 * cheapest variant that met them often enough: the sizing question ("the cheapest cluster that
 * keeps 95% availability") answered by the runs. The pass rate gets an exact (Clopper-Pearson)
 * binomial interval, which stays inside [0, 1] and is honest with few seeds and with rates of
 * 0 or 1, where the normal approximation gives an interval of width zero.
 *
 * @param variants per variant, in the comparison's order
 * @param require the fraction of seeds a variant must meet its expectations in to be eligible
 * @param cheapest the eligible variant with the lowest mean {@code cost.total}; null when none
 *     is eligible
 * @param any whether the scenario has expectations at all (without, nothing here applies)
 */
public record ExpectationsMet(List<Variant> variants, double require, String cheapest,
    boolean any) {
  /** The confidence level of the pass-rate intervals. */
  public static final double CONFIDENCE = 0.95;

  public ExpectationsMet {
    variants = List.copyOf(variants);
  }

  /**
   * One variant's record: {@code met} of {@code seeds} runs met every expectation, with the
   * 95% Clopper-Pearson interval of the rate; {@code meanCost} its mean {@code cost.total}.
   */
  public record Variant(String label, int met, int seeds, double low, double high,
      double meanCost) {
    /** The observed pass rate. */
    public double rate() {
      return seeds == 0 ? 0 : (double) met / seeds;
    }
  }

  /** Whether {@code label} may win a cost comparison: no expectations, or met often enough. */
  public boolean eligible(String label) {
    if (!any) {
      return true;
    }
    for (Variant v : variants) {
      if (v.label().equals(label)) {
        return v.seeds() > 0 && v.rate() >= require - 1e-12;
      }
    }
    return false;
  }

  /** Judges {@code groups} against {@code require} (a fraction in (0, 1]). */
  public static ExpectationsMet of(List<Comparison.Group> groups, double require) {
    if (!(require > 0 && require <= 1)) {
      throw new IllegalArgumentException("require must be in (0, 1], got " + require);
    }
    boolean any = false;
    List<Variant> out = new ArrayList<>();
    for (Comparison.Group g : groups) {
      int met = 0;
      double cost = 0;
      for (RunResult r : g.runs()) {
        any |= !r.expectations().isEmpty();
        boolean all = true;
        for (RunResult.ExpectationResult x : r.expectations()) {
          all &= x.ok();
        }
        met += all ? 1 : 0;
        Double c = Expectations.value("cost.total", r);
        cost += c == null ? 0 : c;
      }
      int n = g.runs().size();
      double[] ci = interval(met, n);
      out.add(new Variant(g.label(), met, n, ci[0], ci[1], n == 0 ? Double.NaN : cost / n));
    }
    String cheapest = null;
    double best = Double.POSITIVE_INFINITY;
    ExpectationsMet draft = new ExpectationsMet(out, require, null, any);
    for (Variant v : out) {
      if (draft.eligible(v.label()) && v.meanCost() < best) {
        best = v.meanCost();
        cheapest = v.label();
      }
    }
    return new ExpectationsMet(out, require, any ? cheapest : null, any);
  }

  /** The Clopper-Pearson interval of {@code k} successes in {@code n} trials. */
  static double[] interval(int k, int n) {
    if (n == 0) {
      return new double[] {0, 1};
    }
    double alpha = 1 - CONFIDENCE;
    double low = k == 0 ? 0
        : BetaDistribution.of(k, n - k + 1.0).inverseCumulativeProbability(alpha / 2);
    double high = k == n ? 1
        : BetaDistribution.of(k + 1.0, n - k).inverseCumulativeProbability(1 - alpha / 2);
    return new double[] {low, high};
  }
}
