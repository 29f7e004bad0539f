package dev.dsim.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;

/**
 * The charts and {@code index.html} of a sweep: the failing runs with the commands that replay
 * them and, for a load sweep, throughput, latency and availability against offered load.
 */
public final class SweepPage {
  /** The metrics drawn against offered load. */
  static final List<String> LOAD_METRICS = List.of("throughput", "latencyMs.p99",
      "latencyMs.mean", "availability");

  /** The metrics drawn run by run on a seed sweep's page. */
  static final List<String> SEED_METRICS = List.of("availability", "latencyMs.p99");

  private SweepPage() {}

  /** The grid's table, its front chart and each metric against the first setting. */
  private static void grid(Path dir, Html html, ParameterGrid grid) throws IOException {
    html.h2("Parameter grid");
    List<String[]> table = grid.table();
    html.table(table.get(0), table.subList(1, table.size()));
    html.p("Means over each point's seeds with 95% intervals (availability on the logit "
        + "scale, so it stays in [0, 1]; the others Student t). \"met\": the seeds in which "
        + "every expectation held; a point below --require never counts as the cheapest. "
        + "\"front\": no other point costs no more per hour and is at least as available, "
        + "and better in one of the two: the only sizes worth buying.");
    JFreeChart front = GridCharts.front(grid);
    if (front != null) {
      html.figure(ChartFiles.write(dir, "front", front), "Availability against cost per hour"
          + ": every point of the grid with its 95% interval, the front joined cheapest "
          + "first, the cheapest point meeting the expectations ringed");
    }
    for (String metric : ParameterGrid.METRICS) {
      JFreeChart chart = GridCharts.againstParam(grid, metric);
      if (chart != null) {
        String file = ChartFiles.write(dir, metric.replace('.', '-') + "-vs-param", chart);
        html.figure(file, ComparisonCharts.axisLabel(metric, grid.comparison().currency())
            + " against " + grid.params().get(0) + ", mean over the seeds with 95% intervals");
      }
    }
  }

  public static void write(Path dir, SweepReport sweep, String reproduce) throws IOException {
    write(dir, sweep, reproduce, null);
  }

  /** As {@link #write(Path, SweepReport, String)}, with a parameter grid's table and charts. */
  public static void write(Path dir, SweepReport sweep, String reproduce, ParameterGrid grid)
      throws IOException {
    String name = sweep.rows().get(0).result().scenario();
    Html html = new Html(name + ": dsim sweep");
    html.h1(name + ": sweep");
    if (sweep.interrupted()) {
      html.warning("Interrupted: " + sweep.rows().size() + " of " + sweep.planned()
          + " planned runs finished; this report covers only those.");
    }
    html.raw("<p class=\"verdict\"><strong>" + Html.esc(grid == null ? sweep.verdict()
        : grid.verdict()) + "</strong></p>\n");
    if (grid != null) {
      grid(dir, html, grid);
      html.p(sweep.verdict());
    }
    html.p(sweep.rows().size() + " of " + sweep.planned() + " planned runs finished"
        + (sweep.interrupted() ? " (interrupted)." : "."));
    html.pre(sweep.summary());
    List<String[]> failing = new ArrayList<>();
    for (SweepReport.Row r : sweep.rows()) {
      if (!r.failed().isEmpty()) {
        failing.add(new String[] {r.point().variant(),
          r.point().load() == null ? "" : SweepReport.loadText(r.point().load(), false),
          Long.toString(r.point().seed()), String.join("; ", r.failed()),
          Html.link(r.resultsFile(), "results.json"), r.replay()});
      }
    }
    html.h2("Failing runs");
    if (failing.isEmpty()) {
      html.p("None: every run met the scenario's expectations.");
    } else {
      html.table(new String[] {"variant", "load", "seed", "what failed", "results",
        "replay it"}, failing);
    }
    boolean loads = sweep.rows().get(0).point().load() != null;
    if (!loads && grid == null) {
      html.h2("Over the seeds");
      for (String metric : SEED_METRICS) {
        JFreeChart chart = ComparisonCharts.overSeeds(sweep, metric);
        if (chart != null) {
          String file = ChartFiles.write(dir, metric.replace('.', '-') + "-by-seed", chart);
          html.figure(file, ComparisonCharts.axisLabel(metric) + " of every run, by seed: "
              + "the spread a comparison's interval summarises, and the outliers it hides");
        }
      }
    }
    if (loads) {
      html.h2("Against offered load");
      for (String metric : LOAD_METRICS) {
        JFreeChart chart = ComparisonCharts.againstLoad(sweep, metric);
        String file = ChartFiles.write(dir, metric.replace('.', '-') + "-vs-load", chart);
        html.figure(file, ComparisonCharts.axisLabel(metric) + " against offered load, mean "
            + "over the seeds with 95% intervals");
      }
    }
    html.h2("Reproduce");
    html.pre(reproduce);
    html.raw("<p>Every run: <a href=\"sweep.csv\">sweep.csv</a>, "
        + "<a href=\"sweep.json\">sweep.json</a>" + (loads
            ? ", per load: <a href=\"loads.csv\">loads.csv</a>" : "") + (grid != null
            ? ", per grid point: <a href=\"grid.csv\">grid.csv</a>" : "") + ".</p>\n");
    AtomicFiles.writeString(dir.resolve("index.html"), html.finish());
  }
}
