package dev.dsim.report;

import dev.dsim.run.Expectations;
import dev.dsim.run.RunResult;
import dev.dsim.world.PriceRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Several variants, each run over the same seeds, compared metric by metric: each variant's mean
 * with a 95% confidence interval (Student t, since a handful of seeds is a small sample), the
 * variant that wins the metric, or, when its interval overlaps another's, no winner: the seeds
 * do not tell those variants apart.
 *
 * @param variants the labels compared, in the order given
 * @param rows one per metric that every run measured
 * @param theory per metric (by name) where theory predicts it for every variant, the variant
 *     it predicts best ({@link TheoryCall}); metrics it does not cover are absent
 * @param expectations how often each variant met its expectations, and the cheapest that met
 *     them in at least the required share of seeds; a variant that did not never wins
 *     {@code cost.total}
 * @param currency the currency of the costs (the scenario's {@code pricing.currency})
 */
public record Comparison(List<String> variants, List<Row> rows, Map<String, TheoryCall> theory,
    ExpectationsMet expectations, String currency) {
  /** The metric a variant failing its expectations may not win: being cheap by failing. */
  public static final String COST = "cost.total";

  public Comparison {
    variants = List.copyOf(variants);
    rows = List.copyOf(rows);
    theory = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(theory));
  }

  /**
   * What theory predicts of one metric for each variant (in the comparison's order), the
   * variant it predicts best (null when it predicts them all equal), and whether all those predictions are exact (not approximations).
   */
  public record TheoryCall(List<Double> predicted, String best, boolean exact) {
    public TheoryCall {
      predicted = List.copyOf(predicted);
    }

    /** "theory: a (agrees)" against the row's winner, for the tables. */
    public String verdict(Row row) {
      if (best == null) {
        return "theory: all equal" + (row.winner() == null ? "" : " (differs)");
      }
      String mark = row.winner() == null ? "" : row.winner().equals(best) ? " (agrees)"
          : " (differs)";
      return "theory: " + best + (exact ? "" : ", approx.") + mark;
    }
  }
  /** The confidence level of the intervals. */
  public static final double CONFIDENCE = 0.95;

  /** Which way a metric improves. */
  public enum Better {
    HIGHER, LOWER;

    public String jsonName() {
      return this == HIGHER ? "higher" : "lower";
    }
  }

  /** A metric compared, and which way is better. */
  public record Metric(String name, Better better) {}

  /** The metrics a comparison looks at, in table order (those a run did not measure are left out). */
  public static final List<Metric> METRICS = List.of(
      new Metric("availability", Better.HIGHER),
      new Metric("throughput", Better.HIGHER),
      new Metric("latencyMs.mean", Better.LOWER),
      new Metric("latencyMs.p50", Better.LOWER),
      new Metric("latencyMs.p99", Better.LOWER),
      new Metric("latencyMs.p999", Better.LOWER),
      new Metric("cost.total", Better.LOWER),
      new Metric("requests.corrupt", Better.LOWER),
      new Metric("consistency.lostWrites", Better.LOWER),
      new Metric("consistency.staleReads", Better.LOWER),
      new Metric("consistency.corruptReads", Better.LOWER));

  /**
   * Metrics that are shares of requests, in [0, 1]: their interval is computed on the
   * empirical logit scale and mapped back, so that it never leaves [0, 1] (a Student-t interval
   * on the raw shares drew availability bars to 107%).
   */
  public static final java.util.Set<String> PROPORTIONS = java.util.Set.of("availability");

  /** How the interval of {@code metric} is computed, for reports. */
  public static String intervalMethod(String metric) {
    return PROPORTIONS.contains(metric)
        ? "Student t on the empirical logit ln((ok + 0.5) / (failed + 0.5)) of each seed, mapped"
            + " back to [0, 1]"
        : "Student t";
  }

  /** One variant's runs, labelled. */
  public record Group(String label, List<RunResult> runs) {
    public Group {
      Objects.requireNonNull(label, "label");
      runs = List.copyOf(runs);
    }
  }

  /**
   * Sample statistics of one metric over one variant's runs; {@code ciLow}/{@code ciHigh} are
   * NaN with fewer than two runs (one run says nothing about the spread).
   */
  public record Stat(int n, double mean, double stdDev, double ciLow, double ciHigh) {
    public boolean hasInterval() {
      return n >= 2;
    }

    /** Half the interval's width (the "±"). */
    public double halfWidth() {
      return hasInterval() ? (ciHigh - ciLow) / 2 : Double.NaN;
    }

    boolean overlaps(Stat o) {
      return ciLow <= o.ciHigh && o.ciLow <= ciHigh;
    }
  }

  /**
   * One metric across the variants: {@code winner} is the best variant if its interval overlaps
   * no other's (null otherwise); {@code tied} lists the variants whose intervals overlap the
   * best one's, the best first. {@code unequalSeeds}: the variants were not measured over the
   * same number of seeds (an interrupted comparison, or runs that failed), and then no winner is
   * named: the runs that finished first are not a fair sample (slow, troubled runs are the
   * ones cut off), so their means are not comparable.
   */
  public record Row(Metric metric, List<Stat> stats, String winner, List<String> tied,
      boolean unequalSeeds, List<String> barred) {
    public Row {
      tied = List.copyOf(tied);
      barred = List.copyOf(barred);
    }

    Row(Metric metric, List<Stat> stats, String winner, List<String> tied,
        boolean unequalSeeds) {
      this(metric, stats, winner, tied, unequalSeeds, List.of());
    }

    /** "web-8 wins", "no winner: a, b overlap", … for humans. */
    public String verdict() {
      String why = barred.isEmpty() ? "" : " (" + String.join(", ", barred) + " failed "
          + "expectations: not eligible)";
      if (winner != null) {
        return winner + why;
      }
      if (barred.size() == stats.size()) {
        return "none: no variant met its expectations" + why;
      }
      return plainVerdict() + why;
    }

    private String plainVerdict() {
      if (unequalSeeds) {
        return "none (unequal seed counts)";
      }
      if (tied.isEmpty()) {
        return "n/a (needs 2+ seeds)";
      }
      if (tied.size() == stats.size() && allEqual()) {
        return "none (all equal)";
      }
      return "none (" + String.join(" ~ ", tied) + ")";
    }

    private boolean allEqual() {
      for (Stat s : stats) {
        if (s.mean() != stats.get(0).mean() || s.stdDev() != 0) {
          return false;
        }
      }
      return true;
    }
  }

  /** The row of {@code metric}, or null when the runs did not all measure it. */
  public Row rowFor(String metric) {
    for (Row r : rows) {
      if (r.metric().name().equals(metric)) {
        return r;
      }
    }
    return null;
  }

  /** Whether every variant was measured over as many seeds as the others. */
  public boolean equalSeeds() {
    return rows.isEmpty() || !rows.get(0).unequalSeeds();
  }

  /** Compares {@code groups} (at least one) on every metric all their runs measured. */
  public static Comparison of(List<Group> groups) {
    return of(groups, groups.size(), 1.0);
  }

  /** As {@link #of(List, int, double)}, every expectation required in every seed. */
  public static Comparison of(List<Group> groups, int plannedVariants) {
    return of(groups, plannedVariants, 1.0);
  }

  /**
   * As {@link #of(List)}, where {@code plannedVariants} were meant to be compared: when fewer
   * have runs (an interrupted comparison), no winner is named, as with unequal seed counts.
   */
  public static Comparison of(List<Group> groups, int plannedVariants, double require) {
    if (groups.isEmpty()) {
      throw new IllegalArgumentException("nothing to compare");
    }
    List<String> labels = new ArrayList<>();
    boolean equal = groups.size() == plannedVariants;
    for (Group g : groups) {
      labels.add(g.label());
      equal &= g.runs().size() == groups.get(0).runs().size();
    }
    ExpectationsMet met = ExpectationsMet.of(groups, require);
    List<Row> rows = new ArrayList<>();
    for (Metric m : METRICS) {
      List<Stat> stats = new ArrayList<>();
      boolean measured = true;
      for (Group g : groups) {
        double[] values = new double[g.runs().size()];
        long[] requests = new long[values.length];
        for (int i = 0; i < values.length && measured; i++) {
          requests[i] = g.runs().get(i).requests().total();
          Double v = Expectations.value(m.name(), g.runs().get(i));
          if (v == null || v.isNaN() || v.isInfinite()) {
            measured = false;
          } else {
            values[i] = v;
          }
        }
        if (!measured || values.length == 0) {
          measured = false;
          break;
        }
        stats.add(PROPORTIONS.contains(m.name()) ? proportionStat(values, requests)
            : stat(values));
      }
      if (measured) {
        Row r = equal ? row(m, labels, stats) : new Row(m, stats, null, List.of(), true);
        rows.add(m.name().equals(COST) && equal ? eligibleOnly(r, labels, met) : r);
      }
    }
    String currency = groups.get(0).runs().isEmpty() ? PriceRule.DEFAULT.currency()
        : groups.get(0).runs().get(0).cost().currency();
    return new Comparison(labels, rows, theory(groups), met, currency);
  }

  /**
   * For each metric of {@link #METRICS} that theory predicts end to end for every group (from
   * the first run's theory: it is a function of the scenario alone), the variant with the best
   * prediction; none when it predicts them all equal.
   */
  private static Map<String, TheoryCall> theory(List<Group> groups) {
    Map<String, TheoryCall> out = new java.util.LinkedHashMap<>();
    for (Metric m : METRICS) {
      List<Double> predicted = new ArrayList<>();
      boolean exact = true;
      for (Group g : groups) {
        dev.dsim.run.theory.Prediction p = g.runs().isEmpty() ? null
            : g.runs().get(0).theory().predictions().stream()
                .filter(x -> x.metric().equals(m.name()) && x.subject().equals("end to end"))
                .findFirst().orElse(null);
        if (p == null) {
          break;
        }
        predicted.add(p.value());
        exact &= p.exact();
      }
      if (groups.size() < 2 || predicted.size() < groups.size()) {
        continue;
      }
      int best = 0;
      for (int i = 1; i < predicted.size(); i++) {
        double a = predicted.get(i);
        double b = predicted.get(best);
        if (m.better() == Better.HIGHER ? a > b : a < b) {
          best = i;
        }
      }
      boolean allEqual = true;
      for (double x : predicted) {
        allEqual &= Math.abs(x - predicted.get(0)) <= 1e-9 * Math.abs(predicted.get(0));
      }
      out.put(m.name(), new TheoryCall(predicted, allEqual ? null : groups.get(best).label(),
          exact));
    }
    return out;
  }

  /** Mean, sample standard deviation and the Student-t 95% interval of {@code values}. */
  public static Stat stat(double[] values) {
    int n = values.length;
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    double mean = sum / n;
    if (n < 2) {
      return new Stat(n, mean, Double.NaN, Double.NaN, Double.NaN);
    }
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(squares / (n - 1));
    double half = tQuantile(n - 1) * sd / Math.sqrt(n);
    return new Stat(n, mean, sd, mean - half, mean + half);
  }

  /**
   * Mean and spread of per-seed shares {@code values} of {@code requests} each, with the
   * interval computed on the empirical logit scale (ln((k + 0.5) / (n − k + 0.5)) for k of n
   * requests ok, finite even at 0 and 1) and mapped back: it stays inside [0, 1] and is
   * asymmetric near the bounds, where shares pile up. Widened, if need be, to hold the mean.
   */
  public static Stat proportionStat(double[] values, long[] requests) {
    Stat plain = stat(values);
    if (!plain.hasInterval()) {
      return plain;
    }
    double[] logits = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      double n = Math.max(requests[i], 1);
      double k = values[i] * n;
      logits[i] = Math.log((k + 0.5) / (n - k + 0.5));
    }
    Stat z = stat(logits);
    double low = Math.min(plain.mean(), logistic(z.ciLow()));
    double high = Math.max(plain.mean(), logistic(z.ciHigh()));
    if (plain.stdDev() == 0) {
      low = plain.mean();
      high = plain.mean();
    }
    return new Stat(plain.n(), plain.mean(), plain.stdDev(), Math.max(0, low), Math.min(1, high));
  }

  private static double logistic(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  /** The two-sided 95% quantile of Student's t with {@code df} degrees of freedom. */
  static double tQuantile(int df) {
    return TDistribution.of(df).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
  }

  /**
   * {@code r} judged among the variants eligible by their expectations only: a variant that
   * failed them cannot win (nor tie for) the metric, whatever its figure.
   */
  private static Row eligibleOnly(Row r, List<String> labels, ExpectationsMet met) {
    List<String> keep = new ArrayList<>();
    List<Stat> kept = new ArrayList<>();
    List<String> barred = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      if (met.eligible(labels.get(i))) {
        keep.add(labels.get(i));
        kept.add(r.stats().get(i));
      } else {
        barred.add(labels.get(i));
      }
    }
    if (barred.isEmpty()) {
      return r;
    }
    if (keep.isEmpty()) {
      return new Row(r.metric(), r.stats(), null, List.of(), false, barred);
    }
    Row among = keep.size() == 1 ? new Row(r.metric(), kept, keep.get(0), List.of(), false)
        : row(r.metric(), keep, kept);
    return new Row(r.metric(), r.stats(), among.winner(), among.tied(), false, barred);
  }

  static Row row(Metric m, List<String> labels, List<Stat> stats) {
    int best = 0;
    for (int i = 1; i < stats.size(); i++) {
      double a = stats.get(i).mean();
      double b = stats.get(best).mean();
      if (m.better() == Better.HIGHER ? a > b : a < b) {
        best = i;
      }
    }
    if (stats.size() == 1) {
      return new Row(m, stats, null, List.of(), false);
    }
    for (Stat s : stats) {
      if (!s.hasInterval()) {
        return new Row(m, stats, null, List.of(), false);
      }
    }
    List<String> tied = new ArrayList<>();
    tied.add(labels.get(best));
    Stat top = stats.get(best);
    for (int i = 0; i < stats.size(); i++) {
      if (i != best && top.overlaps(stats.get(i))) {
        tied.add(labels.get(i));
      }
    }
    return tied.size() == 1 ? new Row(m, stats, labels.get(best), List.of(), false)
        : new Row(m, stats, null, List.copyOf(tied), false);
  }
}
