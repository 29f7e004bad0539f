package dev.dsim.report;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.data.Range;
import org.jfree.data.category.CategoryDataset;

/**
 * Bars with an error bar from each bar's own interval bound to bound. JFreeChart's
 * {@code StatisticalBarRenderer} draws mean ± one value, which cannot show an asymmetric
 * interval (a share near 100%, whose interval is computed on the logit scale) and drew
 * availability bars past 100%.
 */
final class IntervalBarRenderer extends BarRenderer {
  private static final long serialVersionUID = 1L;

  private final double[] low;
  private final double[] high;
  private final Paint errorPaint;

  /** Intervals by series (row) index; NaN for none. */
  IntervalBarRenderer(double[] low, double[] high, Paint errorPaint) {
    this.low = low.clone();
    this.high = high.clone();
    this.errorPaint = errorPaint;
  }

  /** The interval's lower bound drawn for series {@code row}. */
  double low(int row) {
    return low[row];
  }

  /** The interval's upper bound drawn for series {@code row}. */
  double high(int row) {
    return high[row];
  }

  /** The axis holds the intervals too, not only the bars. */
  @Override
  public Range findRangeBounds(CategoryDataset dataset) {
    Range r = super.findRangeBounds(dataset);
    for (int i = 0; i < low.length; i++) {
      if (!Double.isNaN(low[i])) {
        r = Range.expandToInclude(Range.expandToInclude(r, low[i]), high[i]);
      }
    }
    return r;
  }

  @Override
  public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea,
      CategoryPlot plot, CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset,
      int row, int column, int pass) {
    super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
    if (pass != 0 || row >= low.length || Double.isNaN(low[row]) || Double.isNaN(high[row])) {
      return;
    }
    double x = calculateBarW0(plot, plot.getOrientation(), dataArea, domainAxis, state, row,
        column) + state.getBarWidth() / 2;
    double y0 = rangeAxis.valueToJava2D(low[row], dataArea, plot.getRangeAxisEdge());
    double y1 = rangeAxis.valueToJava2D(high[row], dataArea, plot.getRangeAxisEdge());
    double cap = state.getBarWidth() / 4;
    g2.setPaint(errorPaint);
    g2.setStroke(new BasicStroke(1.5f));
    g2.draw(new Line2D.Double(x, y0, x, y1));
    g2.draw(new Line2D.Double(x - cap, y0, x + cap, y0));
    g2.draw(new Line2D.Double(x - cap, y1, x + cap, y1));
  }
}
