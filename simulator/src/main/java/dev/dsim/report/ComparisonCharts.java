package dev.dsim.report;

import dev.dsim.run.Expectations;
import java.awt.Font;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The charts of a comparison or a load sweep: a bar per variant with its 95% confidence
 * interval as an error bar, one point per variant on a trade-off plane (availability against
 * cost), and throughput or latency against offered load with one line per variant. A variant
 * keeps its colour in all of them.
 */
public final class ComparisonCharts {
  /** The bar charts a comparison draws: the metrics a system-design trade-off turns on. */
  public static final List<String> BAR_METRICS = List.of("availability", "throughput",
      "latencyMs.p99", "cost.total");

  private ComparisonCharts() {}

  /** A metric's axis label, with its unit (costs in the default currency). */
  static String axisLabel(String metric) {
    return axisLabel(metric, dev.dsim.world.PriceRule.DEFAULT.currency());
  }

  /** A metric's axis label, with its unit; costs in {@code currency}. */
  static String axisLabel(String metric, String currency) {
    return switch (metric) {
      case "availability" -> "availability (%)";
      case "throughput" -> "throughput (ok req/s)";
      case "cost.total" -> "cost of the run (" + currency + ")";
      case "cost.perHour" -> "cost per hour (" + currency + ")";
      case "consistency.lostWrites" -> "lost writes";
      case "consistency.staleReads" -> "stale reads";
      case "consistency.corruptReads" -> "corrupt reads";
      default -> metric.startsWith("latencyMs.")
          ? "latency " + metric.substring("latencyMs.".length()) + " (ms)" : metric;
    };
  }

  /** Availability is shown in percent; everything else as measured. */
  static double scale(String metric) {
    return metric.equals("availability") ? 100 : 1;
  }

  /**
   * One bar per variant: the mean over the seeds, with the 95% interval as an error bar; null
   * when the comparison did not measure the metric.
   */
  public static JFreeChart bars(Comparison c, String metric) {
    Comparison.Row row = null;
    for (Comparison.Row r : c.rows()) {
      if (r.metric().name().equals(metric)) {
        row = r;
      }
    }
    if (row == null) {
      return null;
    }
    double k = scale(metric);
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    int n = c.variants().size();
    double[] low = new double[n];
    double[] high = new double[n];
    for (int i = 0; i < n; i++) {
      Comparison.Stat st = row.stats().get(i);
      data.addValue(st.mean() * k, c.variants().get(i), axisLabel(metric, c.currency()));
      // The comparison's own interval, bound to bound: asymmetric for a share.
      low[i] = st.hasInterval() ? st.ciLow() * k : Double.NaN;
      high[i] = st.hasInterval() ? st.ciHigh() * k : Double.NaN;
    }
    IntervalBarRenderer renderer = new IntervalBarRenderer(low, high, java.awt.Color.DARK_GRAY);
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setItemMargin(0.08);
    for (int i = 0; i < c.variants().size(); i++) {
      renderer.setSeriesPaint(i, ChartStyle.variant(i));
    }
    NumberAxis y = new NumberAxis(axisLabel(metric, c.currency()));
    y.setAutoRangeIncludesZero(!metric.equals("availability"));
    y.setNumberFormatOverride(PLAIN);
    CategoryAxis x = new CategoryAxis(null);
    x.setTickLabelsVisible(false);
    CategoryPlot plot = new CategoryPlot(data, x, y, renderer);
    String better = row.metric().better() == Comparison.Better.HIGHER ? "higher" : "lower";
    String verdict = row.winner() != null ? "best: " + row.winner() : "no clear winner";
    JFreeChart chart = new JFreeChart(axisLabel(metric, c.currency()) + ", " + better
        + " is better ("
        + verdict + "; bars: 95% intervals)", new Font(Font.SANS_SERIF, Font.BOLD, 15), plot,
        true);
    return ChartStyle.apply(chart);
  }

  /**
   * One point per variant on the plane of two metrics (by default availability against cost):
   * the trade-off at a glance, each point in its variant's colour.
   */
  public static JFreeChart tradeOff(Comparison c, String xMetric, String yMetric) {
    Comparison.Row xr = c.rowFor(xMetric);
    Comparison.Row yr = c.rowFor(yMetric);
    if (xr == null || yr == null) {
      return null;
    }
    // Each point with its 95% intervals on both axes (the comparison's own, asymmetric for a
    // share): two variants whose error bars cross are not told apart by the seeds.
    org.jfree.data.xy.XYIntervalSeriesCollection data =
        new org.jfree.data.xy.XYIntervalSeriesCollection();
    double kx = scale(xMetric);
    double ky = scale(yMetric);
    for (int i = 0; i < c.variants().size(); i++) {
      org.jfree.data.xy.XYIntervalSeries s =
          new org.jfree.data.xy.XYIntervalSeries(c.variants().get(i));
      Comparison.Stat sx = xr.stats().get(i);
      Comparison.Stat sy = yr.stats().get(i);
      double mx = sx.mean() * kx;
      double my = sy.mean() * ky;
      s.add(mx, sx.hasInterval() ? sx.ciLow() * kx : mx, sx.hasInterval() ? sx.ciHigh() * kx : mx,
          my, sy.hasInterval() ? sy.ciLow() * ky : my, sy.hasInterval() ? sy.ciHigh() * ky : my);
      data.addSeries(s);
    }
    // Points are told apart by colour and legend: text labels next to points that sit close
    // together (equal cost) would print over each other.
    XYErrorRenderer renderer = new XYErrorRenderer();
    renderer.setDefaultLinesVisible(false);
    renderer.setDefaultShapesVisible(true);
    renderer.setCapLength(6);
    for (int i = 0; i < c.variants().size(); i++) {
      renderer.setSeriesPaint(i, ChartStyle.variant(i));
      renderer.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-6, -6, 12, 12));
      renderer.setSeriesLinesVisible(i, false);
    }
    NumberAxis x = new NumberAxis(axisLabel(xMetric, c.currency()));
    x.setAutoRangeIncludesZero(false);
    x.setNumberFormatOverride(PLAIN);
    NumberAxis y = new NumberAxis(axisLabel(yMetric, c.currency()));
    y.setAutoRangeIncludesZero(false);
    y.setNumberFormatOverride(PLAIN);
    x.setLowerMargin(0.15);
    x.setUpperMargin(0.25);
    y.setLowerMargin(0.15);
    y.setUpperMargin(0.15);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    return ChartStyle.apply(new JFreeChart(axisLabel(yMetric, c.currency()) + " against "
        + axisLabel(xMetric, c.currency()), new Font(Font.SANS_SERIF, Font.BOLD, 15), plot,
        true));
  }

  /**
   * Availability over simulated time, one line per variant: in each time bucket, the share of
   * the requests issued then (over all the variant's seeds) that succeeded. Where a variant
   * dips and how deep, beside the others, on one chart. Null without runs or buckets.
   */
  public static JFreeChart availabilityOverTime(List<Comparison.Group> groups) {
    org.jfree.data.xy.XYSeriesCollection data = new org.jfree.data.xy.XYSeriesCollection();
    for (Comparison.Group g : groups) {
      if (g.runs().isEmpty()) {
        continue;
      }
      dev.dsim.run.RunResult.Timeline first = g.runs().get(0).timeline();
      int buckets = first.total().length;
      long[] total = new long[buckets];
      long[] ok = new long[buckets];
      for (dev.dsim.run.RunResult r : g.runs()) {
        dev.dsim.run.RunResult.Timeline t = r.timeline();
        for (int i = 0; i < Math.min(buckets, t.total().length); i++) {
          total[i] += t.total()[i];
          ok[i] += t.ok()[i];
        }
      }
      org.jfree.data.xy.XYSeries s = new org.jfree.data.xy.XYSeries(g.label(), false, true);
      for (int i = 0; i < buckets; i++) {
        if (total[i] > 0) {
          s.add(first.startSeconds() + (i + 0.5) * first.bucketSeconds(),
              100.0 * ok[i] / total[i]);
        }
      }
      data.addSeries(s);
    }
    if (data.getSeriesCount() == 0) {
      return null;
    }
    org.jfree.chart.renderer.xy.XYLineAndShapeRenderer renderer =
        new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < data.getSeriesCount(); i++) {
      renderer.setSeriesPaint(i, ChartStyle.variant(i));
      // Variants at 100% draw the same line: each its own dash, so none hides another.
      renderer.setSeriesStroke(i, dashed(i));
    }
    NumberAxis x = new NumberAxis("simulated time (s)");
    x.setNumberFormatOverride(PLAIN);
    NumberAxis y = new NumberAxis("availability (%) of the requests issued then");
    y.setNumberFormatOverride(PLAIN);
    y.setAutoRangeIncludesZero(false);
    y.setAutoRangeMinimumSize(1);
    y.setUpperMargin(0.02);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    return ChartStyle.apply(new JFreeChart("availability over time, per variant (all seeds)",
        new Font(Font.SANS_SERIF, Font.BOLD, 15), plot, true));
  }

  /**
   * The run of {@code g} that stands for it: the seed whose availability is nearest the
   * median of its seeds (the lower seed on a tie), so its own charts show a typical run, not
   * the best or the worst. Null without runs.
   */
  public static dev.dsim.run.RunResult representative(Comparison.Group g) {
    List<dev.dsim.run.RunResult> runs = new ArrayList<>(g.runs());
    if (runs.isEmpty()) {
      return null;
    }
    double[] a = new double[runs.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = runs.get(i).availability();
    }
    double[] sorted = a.clone();
    java.util.Arrays.sort(sorted);
    double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    dev.dsim.run.RunResult best = null;
    for (dev.dsim.run.RunResult r : runs) {
      if (best == null || Math.abs(r.availability() - median)
          < Math.abs(best.availability() - median)
          || (Math.abs(r.availability() - median) == Math.abs(best.availability() - median)
              && r.seed() < best.seed())) {
        best = r;
      }
    }
    return best;
  }

  /**
   * A metric of every run of a seed sweep, against its seed, one series of points per variant;
   * failing runs are the points far from the rest. Null when no run measured the metric.
   */
  public static JFreeChart overSeeds(SweepReport sweep, String metric) {
    Map<String, org.jfree.data.xy.XYSeries> byVariant = new LinkedHashMap<>();
    double k = scale(metric);
    for (SweepReport.Row r : sweep.rows()) {
      Double v = Expectations.value(metric, r.result());
      if (v == null || v.isNaN() || (metric.startsWith("latencyMs.")
          && r.result().requests().ok() == 0)) {
        continue;
      }
      byVariant.computeIfAbsent(r.point().variant(), x -> new org.jfree.data.xy.XYSeries(x,
          false, true)).add(r.point().seed(), v * k);
    }
    if (byVariant.isEmpty()) {
      return null;
    }
    org.jfree.data.xy.XYSeriesCollection data = new org.jfree.data.xy.XYSeriesCollection();
    byVariant.values().forEach(data::addSeries);
    org.jfree.chart.renderer.xy.XYLineAndShapeRenderer renderer =
        new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer(false, true);
    for (int i = 0; i < data.getSeriesCount(); i++) {
      renderer.setSeriesPaint(i, ChartStyle.variant(i));
      renderer.setSeriesShape(i, marker(i));
    }
    NumberAxis x = new NumberAxis("seed");
    x.setNumberFormatOverride(PLAIN);
    x.setAutoRangeIncludesZero(false);
    NumberAxis y = new NumberAxis(axisLabel(metric));
    y.setNumberFormatOverride(PLAIN);
    y.setAutoRangeIncludesZero(false);
    y.setAutoRangeMinimumSize(metric.equals("availability") ? 1 : 1e-6);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    return ChartStyle.apply(new JFreeChart(axisLabel(metric) + " by seed",
        new Font(Font.SANS_SERIF, Font.BOLD, 15), plot, true));
  }

  /** Axis labels as plain numbers: 100 and 0.25, never 1E2. */
  static final java.text.NumberFormat PLAIN = new java.text.DecimalFormat("#,##0.####",
      java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));

  static java.awt.Stroke dashed(int i) {
    float width = Math.max(1.2f, 3.0f - 0.5f * i);
    float[][] dashes = {null, {9f, 5f}, {2f, 4f}, {12f, 4f, 2f, 4f}, {5f, 5f}};
    float[] d = dashes[i % dashes.length];
    return d == null ? new java.awt.BasicStroke(width) : new java.awt.BasicStroke(width,
        java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_ROUND, 10f, d, 0f);
  }

  static java.awt.Shape marker(int i) {
    double r = 4;
    return switch (i % 4) {
      case 0 -> new java.awt.geom.Ellipse2D.Double(-r, -r, 2 * r, 2 * r);
      case 1 -> new java.awt.geom.Rectangle2D.Double(-r, -r, 2 * r, 2 * r);
      case 2 -> new java.awt.Polygon(new int[] {0, 4, -4}, new int[] {-5, 4, 4}, 3);
      default -> new java.awt.Polygon(new int[] {0, 5, 0, -5}, new int[] {-5, 0, 5, 0}, 4);
    };
  }

  private static boolean positive(YIntervalSeriesCollection data) {
    for (int s = 0; s < data.getSeriesCount(); s++) {
      for (int i = 0; i < data.getItemCount(s); i++) {
        if (!(data.getYValue(s, i) > 0)) {
          return false;
        }
      }
    }
    return data.getSeriesCount() > 0;
  }

  /**
   * A metric against offered load, one line per variant (mean over the seeds at each load, with
   * its 95% interval): where the throughput line stops following the load and the latency line
   * turns up is the configuration's saturation knee.
   */
  public static JFreeChart againstLoad(SweepReport sweep, String metric) {
    Map<String, Map<Double, List<Double>>> byVariant = new LinkedHashMap<>();
    for (SweepReport.Row r : sweep.rows()) {
      Double v = Expectations.value(metric, r.result());
      if (r.point().load() == null || v == null
          || (metric.startsWith("latencyMs.") && r.result().requests().ok() == 0)) {
        continue; // no ok request, no latency: a gap, not a zero
      }
      byVariant.computeIfAbsent(r.point().variant(), k -> new LinkedHashMap<>())
          .computeIfAbsent(r.point().load(), k -> new ArrayList<>()).add(v * scale(metric));
    }
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    for (Map.Entry<String, Map<Double, List<Double>>> e : byVariant.entrySet()) {
      YIntervalSeries s = new YIntervalSeries(e.getKey());
      for (Map.Entry<Double, List<Double>> point : e.getValue().entrySet()) {
        double[] values = new double[point.getValue().size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = point.getValue().get(i);
        }
        Comparison.Stat st = Comparison.stat(values);
        double half = st.hasInterval() ? st.halfWidth() : 0;
        // Every metric drawn here is non-negative: the interval is clipped at zero.
        s.add(point.getKey(), st.mean(), Math.max(0, st.mean() - half), st.mean() + half);
      }
      data.addSeries(s);
    }
    XYErrorRenderer renderer = new XYErrorRenderer();
    renderer.setDrawXError(false);
    renderer.setDefaultLinesVisible(true);
    int i = 0;
    for (String variant : byVariant.keySet()) {
      renderer.setSeriesPaint(i, ChartStyle.variant(i));
      renderer.setSeriesLinesVisible(i, true);
      // Variants with equal figures draw the same line: each its own dash and marker, and
      // the later ones thinner, so that none hides another.
      renderer.setSeriesStroke(i, dashed(i));
      renderer.setSeriesShape(i, marker(i));
      renderer.setSeriesShapesVisible(i, true);
      i++;
    }
    NumberAxis x = new NumberAxis("offered load (requests/s, or users)");
    x.setNumberFormatOverride(PLAIN);
    org.jfree.chart.axis.ValueAxis y;
    if (metric.startsWith("latencyMs.") && positive(data)) {
      // Latency past the knee grows by orders of magnitude: a linear axis flattens the
      // curve below it to a line at zero.
      org.jfree.chart.axis.LogAxis log = new org.jfree.chart.axis.LogAxis(
          axisLabel(metric) + ", log scale");
      log.setStandardTickUnits(NumberAxis.createIntegerTickUnits(
          java.util.Locale.ROOT)); // ticks at powers of ten: 10, 100, 1,000
      log.setNumberFormatOverride(PLAIN);
      log.setMinorTickMarksVisible(true);
      log.setSmallestValue(1e-3);
      y = log;
    } else {
      NumberAxis linear = new NumberAxis(axisLabel(metric));
      linear.setNumberFormatOverride(PLAIN);
      // A constant series (availability 100% at every load) gets a readable range, not
      // ticks a millionth apart labelled in scientific notation.
      linear.setAutoRangeMinimumSize(metric.equals("availability") ? 1 : 1e-6);
      y = linear;
    }
    XYPlot plot = new XYPlot(data, x, y, renderer);
    return ChartStyle.apply(new JFreeChart(axisLabel(metric) + " against offered load",
        new Font(Font.SANS_SERIF, Font.BOLD, 15), plot, true));
  }
}
