package dev.dsim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.Plot;

/**
 * The look every dsim chart shares: a white background, light grid lines, a readable font, and
 * one colour per variant, the same in every chart of a report (the n-th variant of a scenario is
 * always the n-th colour).
 */
final class ChartStyle {
  /** Tableau 10: distinct, colour-blind friendly, print well. */
  private static final Color[] VARIANT = {
    new Color(0x4E79A7), new Color(0xF28E2B), new Color(0x59A14F), new Color(0xE15759),
    new Color(0x76B7B2), new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7),
    new Color(0x9C755F), new Color(0xBAB0AC)
  };
  static final Color OK = new Color(0x59A14F);
  static final Color DOWN = new Color(0xE15759);
  static final Color IMPAIRED = new Color(0xEDC948);
  static final Color FAULT_SHADE = new Color(225, 87, 89, 40);
  static final Color GRID = new Color(0xDDDDDD);
  static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  static final BasicStroke LINE = new BasicStroke(1.6f);

  private ChartStyle() {}

  /** The colour of the {@code index}-th variant. */
  static Paint variant(int index) {
    return VARIANT[Math.floorMod(index, VARIANT.length)];
  }

  /** The colour of {@code label} among {@code labels} (in their fixed order). */
  static Paint variant(String label, List<String> labels) {
    return variant(Math.max(0, labels.indexOf(label)));
  }

  /** Applies the shared look. */
  static JFreeChart apply(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    Plot plot = chart.getPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlinePaint(GRID);
    if (plot instanceof org.jfree.chart.plot.XYPlot xy) {
      grid(xy);
    } else if (plot instanceof org.jfree.chart.plot.CategoryPlot c) {
      c.setRangeGridlinePaint(GRID);
      c.setDomainGridlinesVisible(false);
    }
    return chart;
  }

  static void grid(org.jfree.chart.plot.XYPlot xy) {
    xy.setBackgroundPaint(Color.WHITE);
    xy.setDomainGridlinePaint(GRID);
    xy.setRangeGridlinePaint(GRID);
  }
}
