package dev.dsim.cli;

import dev.dsim.report.Comparison;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;

/**
 * {@code compare --precision}: how narrow each interval must be, as a share of its mean, and
 * whether a comparison's intervals are that narrow yet.
 */
final class Precision {
  /** The metrics a bare {@code --precision P} applies to: the figures, not the counts. */
  static final Set<String> FIGURES = Set.of("availability", "throughput", "latencyMs.mean",
      "latencyMs.p50", "latencyMs.p99", "latencyMs.p999", "cost.total");

  private Precision() {}

  /** The verdict: met, or the interval furthest from its target, in words. */
  record Verdict(boolean met, String worst) {}

  /**
   * Targets by metric from the option's values ({@code 0.5%}, {@code latencyMs.p99=2%});
   * a bare value sets every metric of {@link #FIGURES} not named on its own.
   */
  static Map<String, Double> targets(List<String> values) {
    Map<String, Double> named = new LinkedHashMap<>();
    Double all = null;
    for (String v : values) {
      int eq = v.indexOf('=');
      if (eq < 0) {
        all = Share.parse(v);
        continue;
      }
      String metric = v.substring(0, eq).trim();
      boolean known = false;
      for (Comparison.Metric m : Comparison.METRICS) {
        known |= m.name().equals(metric);
      }
      if (!known) {
        List<String> names = new ArrayList<>();
        Comparison.METRICS.forEach(m -> names.add(m.name()));
        throw new CommandLine.TypeConversionException("--precision " + v + ": no metric '"
            + metric + "' in a comparison; the metrics are " + String.join(", ", names));
      }
      named.put(metric, Share.parse(v.substring(eq + 1)));
    }
    Map<String, Double> out = new LinkedHashMap<>();
    for (Comparison.Metric m : Comparison.METRICS) {
      if (named.containsKey(m.name())) {
        out.put(m.name(), named.get(m.name()));
      } else if (all != null && FIGURES.contains(m.name())) {
        out.put(m.name(), all);
      }
    }
    return out;
  }

  /**
   * Whether every interval of {@code c} on a targeted metric is within its target: half-width
   * at most target × |mean| (an interval of width zero always is).
   */
  static Verdict judge(List<String> values, Comparison c) {
    Map<String, Double> targets = targets(values);
    String worst = null;
    double worstRatio = 1;
    for (Comparison.Row row : c.rows()) {
      Double target = targets.get(row.metric().name());
      if (target == null) {
        continue;
      }
      for (int i = 0; i < row.stats().size(); i++) {
        Comparison.Stat st = row.stats().get(i);
        double half = st.hasInterval() ? st.halfWidth() : Double.POSITIVE_INFINITY;
        if (st.hasInterval() && st.stdDev() == 0) {
          continue;
        }
        double relative = half / Math.abs(st.mean());
        double ratio = relative / target;
        if (ratio > worstRatio || Double.isNaN(ratio)) {
          worstRatio = Double.isNaN(ratio) ? Double.POSITIVE_INFINITY : ratio;
          worst = row.metric().name() + " of " + c.variants().get(i) + " is ± "
              + percent(relative) + " of its mean (target " + percent(target) + ")";
        }
      }
    }
    return new Verdict(worst == null, worst);
  }

  private static String percent(double share) {
    if (Double.isInfinite(share) || Double.isNaN(share)) {
      return "unbounded";
    }
    return java.math.BigDecimal.valueOf(share * 100).round(new java.math.MathContext(3))
        .stripTrailingZeros().toPlainString() + "%";
  }
}
