package dev.dsim.report;

import dev.dsim.run.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report of {@code dsim run}: each run's charts next to its {@code results.json}, and
 * {@code index.html} at the top of the report directory with the summary table, the
 * expectations, every chart, the fault timeline and the commands that reproduce each run.
 */
public final class RunReport {
  private RunReport() {}

  /**
   * One run of the report: its result, its directory relative to the report
   * ({@code pooled/seed-42}) and the command that replays it.
   */
  public record Entry(RunResult result, String dir, String replayCommand) {}

  /** A chart written: its PNG's file name and what it shows. */
  public record Chart(String file, String caption) {}

  /** The charts of one run, written into {@code runDir} as PNG and SVG, in page order. */
  public static List<Chart> writeCharts(Path runDir, RunResult r) throws IOException {
    List<Chart> charts = new ArrayList<>();
    charts.add(new Chart(ChartFiles.write(runDir, "timeline", RunCharts.timeline(r)),
        "Throughput and availability over simulated time; shaded: fault windows"));
    charts.add(new Chart(ChartFiles.write(runDir, "latency-over-time",
        RunCharts.latencyOverTime(r)),
        "p50 and p99 latency of the requests issued in each time bucket"));
    if (!r.latencyMs().distribution().isEmpty()) {
      charts.add(new Chart(ChartFiles.write(runDir, "latency-distribution",
          RunCharts.latencyDistribution(List.of(r.variant()), List.of(r))),
          "Latency distribution (percentile on a log scale)"));
    }
    charts.add(new Chart(ChartFiles.write(runDir, "nodes", RunCharts.nodes(r),
        RunCharts.nodesHeight(r)), "Each node over the run: up, impaired by a fault, or down"));
    charts.add(new Chart(ChartFiles.write(runDir, "node-load", RunCharts.nodeLoad(r)),
        "CPU utilisation per node"));
    return charts;
  }

  /**
   * Writes every run's charts and {@code index.html} into {@code reportDir}; {@code warning}
   * (null for none) is shown first, as a banner: "Interrupted: 2 of 5 runs finished".
   */
  public static void write(Path reportDir, String description, List<Entry> entries,
      String reproduce, String warning) throws IOException {
    RunResult first = entries.get(0).result();
    Html html = new Html(first.scenario() + ": dsim report");
    html.h1(first.scenario());
    if (warning != null) {
      html.warning(warning);
    }
    if (!description.isEmpty()) {
      html.p(description);
    }
    html.h2("Summary");
    html.table(summaryHeader(), summaryRows(entries));
    consistency(html, entries, reportDir);
    expectations(html, entries);
    if (entries.size() > 1) {
      List<String> labels = new ArrayList<>();
      List<RunResult> runs = new ArrayList<>();
      for (Entry e : entries) {
        if (!e.result().latencyMs().distribution().isEmpty()) {
          labels.add(e.result().variant());
          runs.add(e.result());
        }
      }
      if (!runs.isEmpty()) {
        html.figure(ChartFiles.write(reportDir, "latency-distribution",
            RunCharts.latencyDistribution(labels, runs)),
            "Latency distribution of every variant: the tail on a log scale");
      }
    }
    for (Entry e : entries) {
      RunResult r = e.result();
      html.h2(r.variant() + " (seed " + r.seed() + ")");
      for (Chart chart : writeCharts(reportDir.resolve(e.dir()), r)) {
        html.figure(e.dir() + "/" + chart.file(), chart.caption());
      }
      faultTimeline(html, r);
      TheoryTable.html(html, "Theory vs simulation", r.theory(),
          TheoryTable.rows(r.theory(), List.of(r)));
      requestDiagramLink(html, e, reportDir);
      html.h3("Reproduce");
      html.pre(e.replayCommand());
      html.raw("<p><a href=\"" + Html.esc(e.dir() + "/results.json") + "\">results.json</a>"
          + "</p>\n");
    }
    html.h2("Reproduce the whole report");
    html.pre(reproduce);
    AtomicFiles.writeString(reportDir.resolve("index.html"), html.finish());
  }

  /** The link to a run's request diagram ({@link #FIRST_FAILURE_PAGE}, {@link #SLOWEST_PAGE}). */
  private static void requestDiagramLink(Html html, Entry e, Path reportDir) {
    RunResult.Requests q = e.result().requests();
    Path dir = reportDir.resolve(e.dir());
    RunResult.RequestSpan span;
    String page;
    String what;
    if (q.firstFailure() != null && java.nio.file.Files.exists(dir.resolve(FIRST_FAILURE_PAGE))) {
      span = q.firstFailure();
      page = FIRST_FAILURE_PAGE;
      boolean timedOut = span.outcome().equals("timedOut");
      what = "the first request that " + (timedOut ? "timed out" : "failed") + "</a>, issued at "
          + seconds(span.issuedAtSeconds()) + ", its " + (timedOut ? "timeout" : "error")
          + " at " + seconds(span.endedAtSeconds());
    } else if (q.slowest() != null && java.nio.file.Files.exists(dir.resolve(SLOWEST_PAGE))) {
      span = q.slowest();
      page = SLOWEST_PAGE;
      what = "the slowest request</a>, issued at " + seconds(span.issuedAtSeconds())
          + ", answered " + SummaryTable.number(1e3 * (span.endedAtSeconds()
              - span.issuedAtSeconds())) + " ms later";
    } else {
      return;
    }
    html.raw("<p><a href=\"" + Html.esc(e.dir() + "/" + page) + "\">The space-time diagram of "
        + what + ": every message in that window, and the faults in force.</p>\n");
  }

  static String[] summaryHeader() {
    return new String[] {"variant", "seed", "requests", "availability", "throughput/s",
      "mean ms", "p50 ms", "p99 ms", "p99.9 ms", "cost", "traceHash"};
  }

  static List<String[]> summaryRows(List<Entry> entries) {
    List<String[]> rows = new ArrayList<>();
    for (Entry e : entries) {
      rows.add(summaryRow(e.result()));
    }
    return rows;
  }

  static String[] summaryRow(RunResult r) {
    return new String[] {r.variant(), Long.toString(r.seed()),
      Long.toString(r.requests().total()),
      String.format(Locale.ROOT, "%.3f%%", 100 * r.availability()),
      SummaryTable.number(r.throughputPerSecond()), SummaryTable.number(r.latencyMs().mean()),
      SummaryTable.number(r.latencyMs().p50()), SummaryTable.number(r.latencyMs().p99()),
      SummaryTable.number(r.latencyMs().p999()), SummaryTable.number(r.cost().total()),
      r.traceHash()};
  }

  /** The space-time diagram a failing run's report holds of its linearizability violation. */
  public static final String VIOLATION_PAGE = "violation.html";
  /**
   * The space-time diagram a run that failed an availability expectation holds of its first
   * failed request (when no checker found a violation to draw instead).
   */
  public static final String FIRST_FAILURE_PAGE = "first-failure.html";
  /**
   * The space-time diagram a run that failed a latency expectation holds of its slowest
   * request.
   */
  public static final String SLOWEST_PAGE = "slowest-request.html";

  private static void consistency(Html html, List<Entry> entries, Path reportDir) {
    List<String[]> rows = new ArrayList<>();
    for (Entry e : entries) {
      RunResult.Consistency c = e.result().consistency();
      if (c != null) {
        rows.add(new String[] {e.result().variant(), Long.toString(c.lostWrites()),
          Long.toString(c.staleReads()), Long.toString(c.corruptReads()),
          linearizable(c.linearizability()), Long.toString(c.writesAcknowledged()),
          Long.toString(c.readsChecked())});
      }
    }
    if (!rows.isEmpty()) {
      html.h3("Consistency (checked over the client history)");
      html.table(new String[] {"variant", "lost writes", "stale reads", "corrupt reads",
        "linearizable", "writes acknowledged", "reads checked"}, rows);
      for (Entry e : entries) {
        RunResult.Consistency c = e.result().consistency();
        if (c != null && !c.linearizability().verdict().equals("true")) {
          RunResult.Linearizability l = c.linearizability();
          html.h3("Linearizability, " + e.result().variant());
          html.pre(l.explanation());
          if (!Double.isNaN(l.fromSeconds())) {
            // A little before and after the core, so the messages that caused it are in view.
            double from = Math.max(0, Math.floor((l.fromSeconds() - 0.05) * 1000) / 1000);
            double to = Math.ceil((l.toSeconds() + 0.05) * 1000) / 1000;
            if (java.nio.file.Files.exists(reportDir.resolve(e.dir()).resolve(VIOLATION_PAGE))) {
              html.raw("<p><a href=\"" + Html.esc(e.dir() + "/" + VIOLATION_PAGE) + "\">The "
                  + "space-time diagram of the violation</a> (its window, the core's operations "
                  + "in red).</p>\n");
            }
            html.p("Replay the violation's window for its trace and space-time diagram (the "
                + "core's operations in red): "
                + e.replayCommand() + " --from " + Numbers.fixed(from, 3).toPlainString() + "s"
                + " --to " + Numbers.fixed(to, 3).toPlainString() + "s");
          }
        } else if (c != null && !c.examples().isEmpty()
            && java.nio.file.Files.exists(reportDir.resolve(e.dir()).resolve(VIOLATION_PAGE))) {
          html.raw("<p>" + Html.esc(e.result().variant()) + ": <a href=\""
              + Html.esc(e.dir() + "/" + VIOLATION_PAGE) + "\">the space-time diagram of the "
              + "first " + Html.esc(c.examples().get(0).kind().replace('-', ' ')) + "</a> (its "
              + "window, the violating operation in red).</p>\n");
        }
      }
    }
  }

  private static String linearizable(RunResult.Linearizability l) {
    return switch (l.verdict()) {
      case "true" -> "yes";
      case "false" -> "no: key " + l.key() + " (" + l.violatingKeys() + " keys)";
      default -> "unknown";
    };
  }

  private static void expectations(Html html, List<Entry> entries) {
    List<String[]> rows = new ArrayList<>();
    for (Entry e : entries) {
      for (RunResult.ExpectationResult x : e.result().expectations()) {
        rows.add(new String[] {e.result().variant(), x.metric(), x.condition(),
          x.actual() == null ? "not measured" : SummaryTable.number(x.actual()),
          Html.okOrFailed(x.ok())});
      }
    }
    if (!rows.isEmpty()) {
      html.h3("Expectations");
      html.table(new String[] {"variant", "metric", "condition", "actual", ""}, rows);
    }
  }

  private static void faultTimeline(Html html, RunResult r) {
    if (r.faults().isEmpty()) {
      html.muted("No faults were injected.");
      return;
    }
    List<String[]> rows = new ArrayList<>();
    for (RunResult.FaultRecord f : r.faults()) {
      rows.add(new String[] {f.kind(), f.targets(), seconds(f.atSeconds()),
        f.healedAtSeconds() == null ? "never" : seconds(f.healedAtSeconds()), f.source()});
    }
    html.h3("Fault timeline");
    html.table(new String[] {"fault", "targets", "struck at", "healed at", "source"}, rows);
  }

  static String seconds(double s) {
    return String.format(Locale.ROOT, "%.3fs", s);
  }
}
