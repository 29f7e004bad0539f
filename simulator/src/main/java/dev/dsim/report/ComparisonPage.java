package dev.dsim.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;

/**
 * The charts and {@code index.html} of a comparison directory: the table of means with their
 * intervals and winners, a bar chart per key metric, and the trade-off planes (availability and
 * throughput against cost).
 */
public final class ComparisonPage {
  private ComparisonPage() {}

  /**
   * Per variant, the run nearest its median availability, with its own charts (timeline,
   * latency over time, nodes) written beside its results.json in runs/: the way down from a
   * mean to what one run did.
   */
  private static void representatives(Path dir, Html html, List<Comparison.Group> groups)
      throws IOException {
    List<String[]> rows = new ArrayList<>();
    for (Comparison.Group g : groups) {
      dev.dsim.run.RunResult r = ComparisonCharts.representative(g);
      if (r == null) {
        continue;
      }
      String runDir = "runs/" + g.label() + "/seed-" + r.seed();
      List<RunReport.Chart> charts = RunReport.writeCharts(dir.resolve(runDir), r);
      StringBuilder links = new StringBuilder();
      for (RunReport.Chart c : charts) {
        String name = c.file().replaceFirst("\\.[a-z]+$", "");
        links.append(links.length() == 0 ? "" : ", ").append("<a href=\"")
            .append(Html.esc(runDir + "/" + c.file())).append("\">").append(Html.esc(name))
            .append("</a>");
      }
      rows.add(new String[] {g.label(), Long.toString(r.seed()),
          SummaryTable.percent(r.availability()), Html.cell(links.toString()),
          Html.link(runDir + "/results.json", "results.json")});
    }
    if (rows.isEmpty()) {
      return;
    }
    html.h2("A representative run per variant");
    html.p("The seed whose availability is nearest the median of the variant's seeds, with its"
        + " own charts: what a typical run did, fault by fault and node by node.");
    html.table(new String[] {"variant", "seed", "availability", "its charts", "results"}, rows);
  }

  /**
   * Writes the charts and the page into {@code dir}; returns the chart files written.
   * {@code warning} (null for none) is shown first, as a banner.
   */
  public static List<String> write(Path dir, String title, String description, Comparison c,
      List<String> expectationFailures, String reproduce, String warning)
      throws IOException {
    return write(dir, title, description, c, List.of(), expectationFailures, reproduce,
        warning);
  }

  /**
   * As above, with a "theory vs simulation" section per variant of {@code groups} (the runs
   * compared): each prediction beside the variant's mean and interval over its seeds.
   */
  public static List<String> write(Path dir, String title, String description, Comparison c,
      List<Comparison.Group> groups, List<String> expectationFailures, String reproduce,
      String warning) throws IOException {
    return write(dir, title, description, c, groups, Map.of(), expectationFailures, reproduce,
        warning);
  }

  /**
   * As above, with {@code changes}: per variant label, what it changes (its patch), shown in a
   * table under the verdict.
   */
  public static List<String> write(Path dir, String title, String description, Comparison c,
      List<Comparison.Group> groups, Map<String, String> changes,
      List<String> expectationFailures, String reproduce, String warning) throws IOException {
    Html html = new Html(title + ": dsim comparison");
    html.h1(title);
    if (warning != null) {
      html.warning(warning);
    }
    String verdict = ComparisonReport.verdict(c);
    if (verdict != null) {
      html.raw("<p class=\"verdict\"><strong>" + Html.esc(verdict) + "</strong></p>\n");
    }
    if (!description.isEmpty()) {
      html.p(description);
    }
    if (!changes.isEmpty()) {
      List<String[]> rows = new ArrayList<>();
      for (String v : c.variants()) {
        String patch = changes.get(v);
        rows.add(new String[] {v, patch == null ? "(the scenario as written)"
            : patch.equals("{}") ? "nothing (the scenario as written)" : patch});
      }
      html.h2("What each variant changes");
      html.table(new String[] {"variant", "its patch to the scenario"}, rows);
    }
    html.p(c.variants().size() + " variants over " + ComparisonReport.seedsText(c)
        + (c.equalSeeds() ? " each" : "") + ". Each cell is the mean ± the half-width of its 95% confidence interval "
        + "(Student t); availability, a share, shows its interval [low, high], computed on the"
        + " empirical logit scale of each seed and mapped back, so that it stays inside [0, 1]."
        + " A variant wins a metric only where its interval overlaps no other. Costs are in "
        + c.currency() + " (the scenario's pricing.currency): cost.total over the run.");
    List<String[]> rows = new ArrayList<>();
    for (Comparison.Row row : c.rows()) {
      String[] cells = new String[c.variants().size() + 2];
      cells[0] = row.metric().name() + " (" + row.metric().better().jsonName() + " is better)";
      for (int i = 0; i < c.variants().size(); i++) {
        String v = ComparisonReport.cell(row, i);
        cells[i + 1] = c.variants().get(i).equals(row.winner())
            ? Html.cell("<strong>" + Html.esc(v) + "</strong>") : v;
      }
      Comparison.TheoryCall t = c.theory().get(row.metric().name());
      cells[cells.length - 1] = row.verdict() + (t == null ? "" : "; " + t.verdict(row));
      rows.add(cells);
    }
    String[] header = new String[c.variants().size() + 2];
    header[0] = "metric";
    for (int i = 0; i < c.variants().size(); i++) {
      header[i + 1] = c.variants().get(i);
    }
    header[header.length - 1] = "winner";
    html.table(header, rows);
    ExpectationsMet met = c.expectations();
    if (met.any()) {
      html.h2("Expectations met");
      html.p("Seeds in which every expectation of the scenario held, per variant, with the 95%"
          + " Clopper-Pearson interval of that share. A variant below the required share never"
          + " wins cost.total.");
      List<String[]> ex = new ArrayList<>();
      for (ExpectationsMet.Variant v : met.variants()) {
        ex.add(new String[] {v.label(), v.met() + " of " + v.seeds(),
            ComparisonReport.interval(v), met.eligible(v.label()) ? "yes" : "no"});
      }
      html.table(new String[] {"variant", "met every expectation", "95% interval",
          "eligible"}, ex);
      html.raw("<p><strong>" + Html.esc(ComparisonReport.cheapestSentence(met))
          + "</strong></p>\n");
    }
    if (!groups.isEmpty()) {
      html.h2("Theory vs simulation");
      html.p("What closed-form models predict for each variant, beside its mean over the seeds"
          + " (dsim explain prints the same). The winner column above says where theory"
          + " predicts the winner and whether the runs agree.");
      for (Comparison.Group g : groups) {
        if (!g.runs().isEmpty()) {
          dev.dsim.run.theory.Theory t = g.runs().get(0).theory();
          TheoryTable.html(html, g.label(), t, TheoryTable.rows(t, g.runs()));
        }
      }
    }
    if (!expectationFailures.isEmpty()) {
      html.h3("Expectations that failed");
      for (String f : expectationFailures) {
        html.raw("<p><span class=\"failed\">FAIL</span> " + Html.esc(f) + "</p>\n");
      }
    }
    List<String> files = new ArrayList<>();
    html.h2("Charts");
    for (String metric : ComparisonCharts.BAR_METRICS) {
      JFreeChart chart = ComparisonCharts.bars(c, metric);
      if (chart != null) {
        String file = ChartFiles.write(dir, "bars-" + metric.replace('.', '-'), chart);
        files.add(file);
        html.figure(file, ComparisonCharts.axisLabel(metric, c.currency()) + " per variant, with 95% "
            + "confidence intervals");
      }
    }
    for (String y : List.of("availability", "throughput")) {
      JFreeChart chart = ComparisonCharts.tradeOff(c, "cost.total", y);
      if (chart != null) {
        String file = ChartFiles.write(dir, y + "-vs-cost", chart);
        files.add(file);
        html.figure(file, ComparisonCharts.axisLabel(y, c.currency()) + " against cost: one point per "
            + "variant");
      }
    }
    JFreeChart overTime = ComparisonCharts.availabilityOverTime(groups);
    if (overTime != null) {
      String file = ChartFiles.write(dir, "availability-over-time", overTime);
      files.add(file);
      html.figure(file, "Availability over simulated time, per variant: in each time bucket, "
          + "the share of the requests issued then, over all the variant's seeds, that "
          + "succeeded");
    }
    representatives(dir, html, groups);
    html.h2("Reproduce");
    html.pre(reproduce);
    html.raw("<p>Numbers: <a href=\"comparison.json\">comparison.json</a>, "
        + "<a href=\"comparison.csv\">comparison.csv</a>; every run's results.json is under "
        + "<a href=\"runs/\">runs/</a>.</p>\n");
    AtomicFiles.writeString(dir.resolve("index.html"), html.finish());
    return files;
  }
}
