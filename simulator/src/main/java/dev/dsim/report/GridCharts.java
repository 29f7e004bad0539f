package dev.dsim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The charts of a parameter grid: each metric against the first swept setting (one line per
 * value of the other settings, and per variant), and cost per hour against availability with
 * the Pareto front drawn through the points no other point beats on both, and the cheapest
 * point meeting the expectations ringed.
 */
public final class GridCharts {
  private GridCharts() {}

  /**
   * {@code metric} (mean over the seeds with its 95% interval) against the first setting of
   * the grid: to scale when its values are numbers, evenly spaced and labelled when they are
   * words. Null when the grid did not measure the metric.
   */
  public static JFreeChart againstParam(ParameterGrid grid, String metric) {
    Comparison.Row row = grid.comparison().rowFor(metric);
    boolean perHour = metric.equals("cost.perHour");
    if (row == null && !perHour) {
      return null;
    }
    String param = grid.params().get(0);
    List<String> xValues = new ArrayList<>();
    boolean numeric = true;
    for (ParameterGrid.Point p : grid.points()) {
      String x = p.values().get(0);
      if (!xValues.contains(x)) {
        xValues.add(x);
      }
      numeric &= number(x) != null;
    }
    Map<String, YIntervalSeries> lines = new LinkedHashMap<>();
    boolean nines = metric.equals("availability");
    double k = ComparisonCharts.scale(metric);
    for (ParameterGrid.Point p : grid.points()) {
      List<String> rest = new ArrayList<>();
      if (grid.manyVariants()) {
        rest.add(p.variant());
      }
      for (int i = 1; i < grid.params().size(); i++) {
        rest.add(grid.params().get(i) + "=" + p.values().get(i));
      }
      String name = rest.isEmpty() ? param : String.join(", ", rest);
      YIntervalSeries s = lines.computeIfAbsent(name, YIntervalSeries::new);
      double x = numeric ? number(p.values().get(0)) : xValues.indexOf(p.values().get(0));
      if (perHour) {
        s.add(x, p.costPerHour(), p.costPerHour(), p.costPerHour());
      } else {
        Comparison.Stat st = row.stats().get(grid.index(p));
        double lo = st.hasInterval() ? st.ciLow() : st.mean();
        double hi = st.hasInterval() ? st.ciHigh() : st.mean();
        if (nines) {
          s.add(x, nines(st.mean()), nines(lo), nines(hi));
        } else {
          s.add(x, st.mean() * k, Math.max(0, lo * k), hi * k);
        }
      }
    }
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    lines.values().forEach(data::addSeries);
    XYErrorRenderer renderer = new XYErrorRenderer();
    renderer.setDrawXError(false);
    renderer.setDefaultLinesVisible(true);
    for (int i = 0; i < data.getSeriesCount(); i++) {
      renderer.setSeriesPaint(i, ChartStyle.variant(i));
      renderer.setSeriesLinesVisible(i, true);
      renderer.setSeriesStroke(i, ComparisonCharts.dashed(i));
      renderer.setSeriesShape(i, ComparisonCharts.marker(i));
      renderer.setSeriesShapesVisible(i, true);
    }
    ValueAxis x;
    if (numeric) {
      NumberAxis n = new NumberAxis(param);
      n.setNumberFormatOverride(ComparisonCharts.PLAIN);
      n.setAutoRangeIncludesZero(false);
      if (integers(xValues)) {
        n.setStandardTickUnits(NumberAxis.createIntegerTickUnits(java.util.Locale.ROOT));
      }
      x = n;
    } else {
      x = new SymbolAxis(param, xValues.toArray(new String[0]));
    }
    NumberAxis y;
    if (nines) {
      y = ninesAxis();
    } else {
      y = new NumberAxis(ComparisonCharts.axisLabel(metric, grid.comparison().currency()));
      y.setNumberFormatOverride(ComparisonCharts.PLAIN);
      y.setAutoRangeIncludesZero(false);
      y.setAutoRangeMinimumSize(1e-6);
    }
    XYPlot plot = new XYPlot(data, x, y, renderer);
    if (nines) {
      bar(plot, grid);
    }
    return ChartStyle.apply(new JFreeChart(ComparisonCharts.axisLabel(metric, grid.comparison().currency()) + " against "
        + param, new Font(Font.SANS_SERIF, Font.BOLD, 15), plot, data.getSeriesCount() > 1));
  }

  /**
   * Availability against cost per hour, one point per grid point with its availability
   * interval: the points off the front in grey, the front's points joined cheapest first (the
   * only sizes worth buying), and the cheapest point meeting every expectation ringed and named.
   * Null without availability.
   */
  public static JFreeChart front(ParameterGrid grid) {
    Comparison.Row avail = grid.comparison().rowFor("availability");
    if (avail == null) {
      return null;
    }
    XYIntervalSeries off = new XYIntervalSeries("dominated");
    XYIntervalSeries on = new XYIntervalSeries("on the front");
    for (ParameterGrid.Point p : grid.points()) {
      Comparison.Stat st = avail.stats().get(grid.index(p));
      double m = nines(st.mean());
      double lo = st.hasInterval() ? nines(st.ciLow()) : m;
      double hi = st.hasInterval() ? nines(st.ciHigh()) : m;
      (p.pareto() ? on : off).add(p.costPerHour(), p.costPerHour(), p.costPerHour(), m, lo, hi);
    }
    XYIntervalSeriesCollection points = new XYIntervalSeriesCollection();
    points.addSeries(on);
    points.addSeries(off);
    XYErrorRenderer renderer = new XYErrorRenderer();
    renderer.setDrawXError(false);
    renderer.setDefaultLinesVisible(false);
    renderer.setDefaultShapesVisible(true);
    renderer.setCapLength(5);
    renderer.setSeriesPaint(0, ChartStyle.variant(0));
    renderer.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-5, -5, 10, 10));
    renderer.setSeriesPaint(1, new Color(0x9A9A9A));
    renderer.setSeriesShape(1, new java.awt.geom.Ellipse2D.Double(-4, -4, 8, 8));
    NumberAxis x = new NumberAxis(ComparisonCharts.axisLabel("cost.perHour", grid.comparison().currency()));
    x.setNumberFormatOverride(ComparisonCharts.PLAIN);
    x.setAutoRangeIncludesZero(false);
    x.setAutoRangeMinimumSize(1e-6);
    x.setLowerMargin(0.08);
    x.setUpperMargin(0.12);
    NumberAxis y = ninesAxis();
    // Drawn in dataset order: the front's line under the points, the ring over them.
    XYSeries line = new XYSeries("front", false, true);
    for (ParameterGrid.Point p : grid.front()) {
      line.add(p.costPerHour(), nines(avail.stats().get(grid.index(p)).mean()));
    }
    XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
    lineRenderer.setSeriesPaint(0, ChartStyle.variant(0));
    lineRenderer.setSeriesStroke(0, new BasicStroke(1.4f, BasicStroke.CAP_BUTT,
        BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f));
    lineRenderer.setSeriesVisibleInLegend(0, false);
    XYPlot plot = new XYPlot(new XYSeriesCollection(line), x, y, lineRenderer);
    plot.setDataset(1, points);
    plot.setRenderer(1, renderer);
    ParameterGrid.Point cheap = grid.cheapest();
    if (cheap != null) {
      double cy = nines(avail.stats().get(grid.index(cheap)).mean());
      XYSeries ring = new XYSeries("cheapest meeting the expectations", false, true);
      ring.add(cheap.costPerHour(), cy);
      XYLineAndShapeRenderer ringRenderer = new XYLineAndShapeRenderer(false, true);
      ringRenderer.setSeriesPaint(0, ChartStyle.DOWN);
      ringRenderer.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-9, -9, 18, 18));
      ringRenderer.setSeriesShapesFilled(0, false);
      ringRenderer.setSeriesStroke(0, new BasicStroke(2.2f));
      plot.setDataset(2, new XYSeriesCollection(ring));
      plot.setRenderer(2, ringRenderer);
      XYTextAnnotation label = new XYTextAnnotation("  " + cheap.label(), cheap.costPerHour(),
          cy);
      label.setFont(ChartStyle.LABEL);
      label.setTextAnchor(TextAnchor.TOP_LEFT);
      plot.addAnnotation(label);
    }
    plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
    bar(plot, grid);
    return ChartStyle.apply(new JFreeChart("availability against cost per hour, with the front",
        new Font(Font.SANS_SERIF, Font.BOLD, 15), plot, true));
  }

  /** The most nines drawn: a point that lost no request is drawn here, at 99.99999%. */
  static final double MAX_NINES = 7;

  /**
   * Availability as its number of nines, −log10(1 − a): 90% is 1, 99.9% is 3. Sizing turns on
   * the difference between 99.9% and 99.99%, which a linear axis from 0 to 100% flattens into
   * one line at the top.
   */
  static double nines(double availability) {
    return Math.min(MAX_NINES, -Math.log10(Math.max(1 - availability, 0)));
  }

  private static NumberAxis ninesAxis() {
    NumberAxis y = new NumberAxis("availability (%), by its nines");
    y.setNumberFormatOverride(new NinesFormat());
    y.setStandardTickUnits(NumberAxis.createIntegerTickUnits(java.util.Locale.ROOT));
    y.setAutoRangeIncludesZero(false);
    y.setAutoRangeMinimumSize(1);
    return y;
  }

  /** A line at the availability the scenario expects ({@code ">= 0.999"}), when it does. */
  private static void bar(XYPlot plot, ParameterGrid grid) {
    Double at = grid.expectedAvailability();
    if (at == null) {
      return;
    }
    org.jfree.chart.plot.ValueMarker m = new org.jfree.chart.plot.ValueMarker(nines(at));
    m.setPaint(ChartStyle.DOWN);
    m.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
        new float[] {3f, 3f}, 0f));
    m.setLabel("expected: " + percent(at));
    m.setLabelFont(ChartStyle.LABEL);
    m.setLabelPaint(ChartStyle.DOWN);
    m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
    m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
    plot.addRangeMarker(m);
  }

  /**
   * An availability in percent with two digits past its nines: 0.999 → "99.9%", 0.99998 →
   * "99.998%", 0.4 → "40%".
   */
  static String percent(double availability) {
    int digits = Math.max(2, (int) Math.floor(nines(Math.min(availability, 1 - 1e-9))) + 2);
    return new java.math.BigDecimal(availability * 100).round(new java.math.MathContext(
        digits)).stripTrailingZeros().toPlainString() + "%";
  }

  /** Tick labels of a nines axis as availability: 2 → "99%", 3.5 → "99.968%". */
  private static final class NinesFormat extends java.text.NumberFormat {
    private static final long serialVersionUID = 1L;

    @Override
    public StringBuffer format(double nines, StringBuffer to, java.text.FieldPosition pos) {
      return to.append(percent(1 - Math.pow(10, -nines)));
    }

    @Override
    public StringBuffer format(long nines, StringBuffer to, java.text.FieldPosition pos) {
      return format((double) nines, to, pos);
    }

    @Override
    public Number parse(String source, java.text.ParsePosition pos) {
      throw new UnsupportedOperationException("a chart's tick labels are only written");
    }
  }

  private static Double number(String s) {
    try {
      return Double.valueOf(new java.math.BigDecimal(s.trim()).doubleValue());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean integers(List<String> values) {
    for (String v : values) {
      if (new java.math.BigDecimal(v.trim()).stripTrailingZeros().scale() > 0) {
        return false;
      }
    }
    return true;
  }
}
