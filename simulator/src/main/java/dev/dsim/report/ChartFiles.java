package dev.dsim.report;

import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes a chart as {@code <name>.png} and {@code <name>.svg}, each atomically, at the fixed size
 * every dsim chart has (readable in a README, the same from run to run).
 */
public final class ChartFiles {
  /** Every chart's size in pixels. */
  public static final int WIDTH = 900;
  public static final int HEIGHT = 450;

  static {
    // Charts are drawn off screen, also on machines without a display.
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private ChartFiles() {}

  /** Only the PNG (the committed gallery keeps its size down). */
  public static String writePng(Path dir, String name, JFreeChart chart) throws IOException {
    return writePng(dir, name, chart, HEIGHT);
  }

  public static String writePng(Path dir, String name, JFreeChart chart, int height)
      throws IOException {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ChartUtils.writeChartAsPNG(png, chart, WIDTH, height);
    AtomicFiles.write(dir.resolve(name + ".png"), png.toByteArray());
    return name + ".png";
  }

  /** Writes both files into {@code dir}; returns the PNG's file name. */
  public static String write(Path dir, String name, JFreeChart chart) throws IOException {
    return write(dir, name, chart, HEIGHT);
  }

  /** As {@link #write(Path, String, JFreeChart)}, with another height (tall node strips). */
  public static String write(Path dir, String name, JFreeChart chart, int height)
      throws IOException {
    writePng(dir, name, chart, height);
    SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, height);
    // JFreeSVG names its clip paths and gradients after the clock by default, so two drawings
    // of the same chart would differ; a fixed prefix makes the same run give the same bytes.
    g2.setDefsKeyPrefix("dsim-" + name + "-");
    chart.draw(g2, new Rectangle(0, 0, WIDTH, height));
    AtomicFiles.write(dir.resolve(name + ".svg"),
        g2.getSVGDocument().getBytes(StandardCharsets.UTF_8));
    return name + ".png";
  }
}
