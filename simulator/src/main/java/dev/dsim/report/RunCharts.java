package dev.dsim.report;

import dev.dsim.run.RunResult;
import java.awt.Color;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The charts of one run, from its {@link RunResult} alone: throughput and availability over
 * simulated time with the fault windows shaded and labelled, latency percentiles over time, the
 * latency distribution (HdrHistogram's percentile plot), and each node's up/down strip and load.
 */
public final class RunCharts {
  /** Above this many fault windows, the shading stays but the labels would overlap: dropped. */
  static final int MAX_LABELLED_FAULTS = 6;

  private RunCharts() {}

  /** Throughput (top) and availability (bottom) per time bucket, fault windows shaded. */
  public static JFreeChart timeline(RunResult r) {
    RunResult.Timeline t = r.timeline();
    XYSeries tput = new XYSeries("throughput");
    XYSeries avail = new XYSeries("availability");
    for (int i = 0; i < t.total().length; i++) {
      double at = t.startSeconds() + (i + 0.5) * t.bucketSeconds();
      tput.add(at, t.ok()[i] / t.bucketSeconds());
      avail.add(at, t.total()[i] == 0 ? 100.0 : 100.0 * t.ok()[i] / t.total()[i]);
    }
    NumberAxis time = new NumberAxis("simulated time (s)");
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
    plot.setGap(8);
    XYPlot top = line(new XYSeriesCollection(tput), "throughput (ok req/s)", ChartStyle.variant(0));
    NumberAxis pct = new NumberAxis("availability (%)");
    pct.setAutoRangeIncludesZero(false);
    pct.setUpperBound(100.5);
    XYPlot bottom = line(new XYSeriesCollection(avail), null, ChartStyle.OK);
    bottom.setRangeAxis(pct);
    pct.setAutoRange(true);
    shadeFaults(top, r, true);
    shadeFaults(bottom, r, false);
    plot.add(top, 3);
    plot.add(bottom, 2);
    JFreeChart chart = new JFreeChart(title(r, "throughput and availability over time"),
        JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    return ChartStyle.apply(chart);
  }

  /** p50 and p99 latency of the ok requests issued in each time bucket. */
  public static JFreeChart latencyOverTime(RunResult r) {
    RunResult.Timeline t = r.timeline();
    XYSeries p50 = new XYSeries("p50");
    XYSeries p99 = new XYSeries("p99");
    for (int i = 0; i < t.total().length; i++) {
      double at = t.startSeconds() + (i + 0.5) * t.bucketSeconds();
      if (!Double.isNaN(t.p50Ms()[i])) {
        p50.add(at, t.p50Ms()[i]);
        p99.add(at, t.p99Ms()[i]);
      }
    }
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(p50);
    data.addSeries(p99);
    XYPlot plot = line(data, "latency (ms)", ChartStyle.variant(0));
    plot.getRenderer().setSeriesPaint(1, ChartStyle.variant(1));
    plot.setDomainAxis(new NumberAxis("simulated time (s)"));
    shadeFaults(plot, r, true);
    return ChartStyle.apply(new JFreeChart(title(r, "latency percentiles over time"),
        JFreeChart.DEFAULT_TITLE_FONT, plot, true));
  }

  /**
   * Latency against percentile, the tail spread out on a log scale of 1 / (1 - p): 90%, 99%,
   * 99.9% are equally far apart, as in HdrHistogram's plots. One line per run given.
   */
  public static JFreeChart latencyDistribution(List<String> labels, List<RunResult> runs) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (int i = 0; i < runs.size(); i++) {
      XYSeries s = new XYSeries(labels.get(i));
      for (RunResult.Percentile p : runs.get(i).latencyMs().distribution()) {
        if (p.percentile() < 100) {
          s.add(1 / (1 - p.percentile() / 100), p.ms());
        }
      }
      data.addSeries(s);
    }
    LogAxis x = new LogAxis("percentile");
    x.setBase(10);
    x.setTickUnit(new NumberTickUnit(1));
    x.setNumberFormatOverride(new PercentileFormat());
    x.setLowerBound(1);
    x.setUpperBound(2.5e5); // room for the last label, 99.999%
    x.setMinorTickMarksVisible(false);
    NumberAxis y = new NumberAxis("latency (ms)");
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    for (int i = 0; i < runs.size(); i++) {
      renderer.setSeriesPaint(i, ChartStyle.variant(i));
      renderer.setSeriesStroke(i, ChartStyle.LINE);
    }
    XYPlot plot = new XYPlot(data, x, y, renderer);
    String title = runs.size() == 1 ? title(runs.get(0), "latency distribution")
        : runs.get(0).scenario() + ": latency distribution";
    return ChartStyle.apply(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
  }

  /** Labels a 1 / (1 - p) axis with p: 1 → 0%, 10 → 90%, 100 → 99%, 1000 → 99.9%. */
  static final class PercentileFormat extends NumberFormat {
    @Override
    public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
      double p = 100 * (1 - 1 / number);
      // Locale.ROOT: "99.9%" on every machine, and what parse reads back (not "99,9%" in de_DE).
      DecimalFormat digits =
          new DecimalFormat("0.####", DecimalFormatSymbols.getInstance(Locale.ROOT));
      return to.append(digits.format(Math.max(0, p))).append('%');
    }

    @Override
    public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
      return format((double) number, to, pos);
    }

    /** The inverse of {@link #format}: "99.9%" is 1000 on the axis. */
    @Override
    public Number parse(String source, ParsePosition pos) {
      String text = source.substring(pos.getIndex()).strip();
      int end = text.indexOf('%');
      if (end < 0) {
        pos.setErrorIndex(pos.getIndex());
        return null;
      }
      try {
        double p = Double.parseDouble(text.substring(0, end));
        pos.setIndex(source.length());
        return 1 / (1 - p / 100);
      } catch (NumberFormatException e) {
        pos.setErrorIndex(pos.getIndex());
        return null;
      }
    }
  }

  /**
   * One strip per node over the run: up (green), impaired by a fault short of a crash (slow,
   * partitioned, degraded: amber) and down (red).
   */
  public static JFreeChart nodes(RunResult r) {
    List<String> names = new ArrayList<>();
    for (RunResult.NodeResult n : r.nodes()) {
      names.add(n.name());
    }
    double end = r.simulated().seconds();
    XYIntervalSeries up = new XYIntervalSeries("up");
    XYIntervalSeries impaired = new XYIntervalSeries("impaired (slow, cut off, degraded)");
    XYIntervalSeries down = new XYIntervalSeries("down (crashed)");
    for (int i = 0; i < names.size(); i++) {
      up.add(end / 2, 0, end, i, i - 0.3, i + 0.3);
    }
    for (RunResult.FaultRecord f : r.faults()) {
      double from = f.atSeconds();
      double to = f.healedAtSeconds() == null ? end : f.healedAtSeconds();
      if (to <= from) {
        continue; // an instantaneous fault (a clock jump, bit flips) has no strip
      }
      for (String node : affected(f, names)) {
        int i = names.indexOf(node);
        (f.kind().equals("crash") ? down : impaired).add((from + to) / 2, from, to, i, i - 0.3,
            i + 0.3);
      }
    }
    XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
    data.addSeries(up);
    data.addSeries(impaired);
    data.addSeries(down);
    XYBarRenderer renderer = new XYBarRenderer();
    renderer.setUseYInterval(true);
    renderer.setBarPainter(new StandardXYBarPainter());
    renderer.setShadowVisible(false);
    renderer.setSeriesPaint(0, ChartStyle.OK);
    renderer.setSeriesPaint(1, ChartStyle.IMPAIRED);
    renderer.setSeriesPaint(2, ChartStyle.DOWN);
    SymbolAxis y = new SymbolAxis(null, names.toArray(new String[0]));
    y.setGridBandsVisible(false);
    y.setInverted(true);
    NumberAxis x = new NumberAxis("simulated time (s)");
    x.setRange(0, Math.max(end * 1.03, 1e-9)); // room for the last tick label
    XYPlot plot = new XYPlot(data, x, y, renderer);
    // Draw "up" first and the faults over it (XYPlot draws the last series first by default).
    plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
    return ChartStyle.apply(new JFreeChart(title(r, "nodes up and down"),
        JFreeChart.DEFAULT_TITLE_FONT, plot, true));
  }

  /** The height that gives each node's strip room. */
  public static int nodesHeight(RunResult r) {
    return Math.max(220, 110 + 26 * r.nodes().size());
  }

  /** How busy each node's cores were over the run, and, for a data store, its share of writes. */
  public static JFreeChart nodeLoad(RunResult r) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (RunResult.NodeResult n : r.nodes()) {
      if (!n.tier().equals("client")) {
        data.addValue(100 * n.utilisation(), "CPU utilisation", n.name());
      }
    }
    NumberAxis y = new NumberAxis("CPU utilisation (%)");
    BarRenderer renderer = new BarRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setSeriesPaint(0, ChartStyle.variant(0));
    org.jfree.chart.axis.CategoryAxis x = new org.jfree.chart.axis.CategoryAxis("node");
    x.setCategoryLabelPositions(r.nodes().size() > 12
        ? org.jfree.chart.axis.CategoryLabelPositions.UP_45
        : org.jfree.chart.axis.CategoryLabelPositions.STANDARD);
    org.jfree.chart.plot.CategoryPlot plot = new org.jfree.chart.plot.CategoryPlot(data, x, y,
        renderer);
    return ChartStyle.apply(new JFreeChart(title(r, "load per node"),
        JFreeChart.DEFAULT_TITLE_FONT, plot, false));
  }

  /** The node names a fault record names (its free-text targets, split into words). */
  static Set<String> affected(RunResult.FaultRecord f, List<String> names) {
    Set<String> hit = new LinkedHashSet<>();
    for (String word : f.targets().split("[^A-Za-z0-9_-]+")) {
      if (names.contains(word)) {
        hit.add(word);
      }
    }
    return hit;
  }

  private static XYPlot line(XYSeriesCollection data, String yLabel, java.awt.Paint paint) {
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < data.getSeriesCount(); i++) {
      renderer.setSeriesStroke(i, ChartStyle.LINE);
    }
    renderer.setSeriesPaint(0, paint);
    NumberAxis y = new NumberAxis(yLabel);
    y.setAutoRangeIncludesZero(true);
    XYPlot plot = new XYPlot(data, null, y, renderer);
    ChartStyle.grid(plot);
    return plot;
  }

  /**
   * Shades each fault window of {@code r} on {@code plot} (a line for an instantaneous fault),
   * labelled with what struck when there are few enough for the labels not to collide.
   */
  static void shadeFaults(XYPlot plot, RunResult r, boolean labelled) {
    boolean labels = labelled && r.faults().size() <= MAX_LABELLED_FAULTS;
    int n = 0;
    for (RunResult.FaultRecord f : r.faults()) {
      double from = f.atSeconds();
      double to = f.healedAtSeconds() == null ? r.simulated().seconds() : f.healedAtSeconds();
      org.jfree.chart.plot.Marker m;
      if (to > from) {
        IntervalMarker im = new IntervalMarker(from, to);
        im.setPaint(ChartStyle.FAULT_SHADE);
        m = im;
      } else {
        ValueMarker vm = new ValueMarker(from);
        vm.setPaint(new Color(225, 87, 89, 140));
        m = vm;
      }
      if (labels) {
        m.setLabel(faultLabel(f));
        m.setLabelFont(ChartStyle.LABEL);
        m.setLabelPaint(Color.DARK_GRAY);
        m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        // Stagger successive labels so that windows close together do not print over each other.
        m.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(4 + 14 * (n % 3), 3, 0, 0));
      }
      plot.addDomainMarker(m, Layer.BACKGROUND);
      n++;
    }
  }

  /** "crash web-2", "partition db-1 | lb,db-2…": short enough for a chart. */
  static String faultLabel(RunResult.FaultRecord f) {
    String s = f.kind() + " " + f.targets();
    return s.length() <= 28 ? s : s.substring(0, 27) + "…";
  }

  static String title(RunResult r, String what) {
    return String.format(Locale.ROOT, "%s (%s, seed %d): %s", r.scenario(), r.variant(),
        r.seed(), what);
  }
}
