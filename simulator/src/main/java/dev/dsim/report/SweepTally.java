package dev.dsim.report;

import dev.dsim.fault.Swarm;
import dev.dsim.run.RunResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The running totals of a sweep, from which its summary, verdict, load table and swarm tally are
 * computed: per group of seeds (variant, grid point, load) the run count, the failing runs and
 * each run's four headline figures as primitive doubles (32 bytes a run, so a million-run sweep
 * fits where a million {@link RunResult}s could not), and per random fault kind the swarm
 * counts. A sweep that keeps every run ({@link SweepReport}) and one that streams its runs to a
 * dataset ({@code --dataset}) tally alike, so both print the same summary, to the last digit:
 * the figures are summed in job order, exactly as they were added.
 */
public final class SweepTally {
  private final Map<String, Group> groups = new LinkedHashMap<>();
  private final Map<String, int[]> swarmCounts = new TreeMap<>(Comparator
      .comparingInt((String k) -> Swarm.KINDS.contains(k) ? Swarm.KINDS.indexOf(k)
          : Swarm.KINDS.size())
      .thenComparing(Comparator.naturalOrder()));
  private int runs;
  private int failing;
  private int swarmRuns;
  private int swarmFailing;
  private int firstExpectations = -1;

  /** One group's runs, in job order. */
  private static final class Group {
    final SweepReport.Point first;
    int failing;
    final Figures availability = new Figures();
    final Figures throughput = new Figures();
    final Figures latencyMean = new Figures();
    final Figures latencyP99 = new Figures();

    Group(SweepReport.Point first) {
      this.first = first;
    }

    int size() {
      return availability.size;
    }
  }

  /** A growable array of doubles: no boxing per run. */
  private static final class Figures {
    double[] values = new double[16];
    int size;

    void add(double v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    double sum() {
      double s = 0;
      for (int i = 0; i < size; i++) {
        s += values[i];
      }
      return s;
    }

    double[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }

  /**
   * Adds one finished run, in job order.
   *
   * @param failed whether some expectation of the run failed
   * @param swarm the run's swarm draw, or null without swarm testing
   * @param expectations how many expectations the scenario states
   */
  public void add(SweepReport.Point p, double availability, double throughput,
      double latencyMsMean, double latencyMsP99, boolean failed, RunResult.Swarm swarm,
      int expectations) {
    String key = p.variant() + "\u0000" + p.paramsText() + "\u0000"
        + (p.load() == null ? "" : SweepReport.loadText(p.load(), false));
    Group g = groups.computeIfAbsent(key, k -> new Group(p));
    g.availability.add(availability);
    g.throughput.add(throughput);
    g.latencyMean.add(latencyMsMean);
    g.latencyP99.add(latencyMsP99);
    int f = failed ? 1 : 0;
    g.failing += f;
    failing += f;
    runs++;
    if (firstExpectations < 0) {
      firstExpectations = expectations;
    }
    if (swarm != null) {
      swarmRuns++;
      swarmFailing += f;
      for (String k : swarm.enabled()) {
        int[] c = swarmCounts.computeIfAbsent(k, x -> new int[4]);
        c[0] += f;
        c[2]++;
      }
      for (String k : swarm.disabled()) {
        int[] c = swarmCounts.computeIfAbsent(k, x -> new int[4]);
        c[1] += f;
        c[3]++;
      }
    }
  }

  /** Runs added. */
  public int runs() {
    return runs;
  }

  /** Runs added with some expectation failed. */
  public int failing() {
    return failing;
  }

  /** Runs that used swarm testing, and how many of them failed. */
  int[] swarmRuns() {
    return new int[] {swarmRuns, swarmFailing};
  }

  /**
   * The swarm tally per kind, in the format's order ({@link Swarm#KINDS}), over the runs that
   * used swarm testing; empty when none did.
   */
  public List<SweepReport.SwarmKind> swarmKinds() {
    List<SweepReport.SwarmKind> kinds = new ArrayList<>();
    swarmCounts.forEach((k, c) -> kinds.add(new SweepReport.SwarmKind(k, c[0], c[1], c[2],
        c[3])));
    return kinds;
  }

  /**
   * The sweep's finding in one sentence, for the top of its page: how many runs met every
   * expectation, and which groups failed in how many of their seeds.
   */
  public String verdict() {
    if (failing == 0) {
      return "All " + runs + " runs met every expectation" + (runs == 0
          || firstExpectations == 0 ? " (the scenario states none)." : ".");
    }
    List<String> parts = new ArrayList<>();
    for (Group g : groups.values()) {
      if (g.failing > 0) {
        parts.add(g.first.groupName() + " in " + g.failing + " of " + g.size());
      }
    }
    return failing + " of " + runs + " runs failed an expectation: " + String.join(", ", parts)
        + ".";
  }

  /** The terminal summary: per group, runs, failing runs and mean metrics; then swarm's tally. */
  public String summary() {
    SweepReport.Point any = groups.isEmpty() ? null : groups.values().iterator().next().first;
    boolean withLoad = any != null && any.load() != null;
    boolean withParams = any != null && !any.params().isEmpty();
    List<String[]> table = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("variant"));
    if (withParams) {
      header.add("point");
    }
    if (withLoad) {
      header.add("load");
    }
    header.addAll(List.of("runs", "failing", "avail", "tput/s", "mean ms", "p99 ms"));
    table.add(header.toArray(new String[0]));
    for (Group g : groups.values()) {
      int n = g.size();
      List<String> cells = new ArrayList<>();
      cells.add(g.first.variant());
      if (withParams) {
        cells.add(g.first.paramsText());
      }
      if (withLoad) {
        cells.add(SweepReport.loadText(g.first.load(), false));
      }
      cells.add(Integer.toString(n));
      cells.add(Integer.toString(g.failing));
      cells.add(String.format(Locale.ROOT, "%.3f%%", 100 * g.availability.sum() / n));
      cells.add(SummaryTable.number(g.throughput.sum() / n));
      cells.add(SummaryTable.number(g.latencyMean.sum() / n));
      cells.add(SummaryTable.number(g.latencyP99.sum() / n));
      table.add(cells.toArray(new String[0]));
    }
    StringBuilder sb = new StringBuilder();
    sb.append("means over each group's seeds\n");
    SweepReport.table(sb, table);
    swarmSummary(sb);
    return sb.toString();
  }

  /**
   * Throughput, availability and latency against offered load, per variant: each the mean over
   * the seeds with its 95% interval, the data of a saturation curve.
   */
  public String loadsCsv() {
    StringBuilder sb = new StringBuilder("variant,load,runs,throughput,throughputCi95,"
        + "availability,availabilityCi95,latencyMsMean,latencyMsMeanCi95,latencyMsP99,"
        + "latencyMsP99Ci95\n");
    for (Group g : groups.values()) {
      sb.append(Csv.field(g.first.variant())).append(',')
          .append(g.first.load() == null ? "" : SweepReport.loadText(g.first.load(), false))
          .append(',').append(g.size());
      for (Figures f : List.of(g.throughput, g.availability, g.latencyMean, g.latencyP99)) {
        Comparison.Stat st = Comparison.stat(f.toArray());
        sb.append(',').append(Numbers.significant(st.mean(), 6).toPlainString()).append(',');
        if (st.hasInterval()) {
          sb.append(Numbers.significant(st.halfWidth(), 6).toPlainString());
        }
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /**
   * Swarm testing's tally, after the means: per kind, the failing runs that had it enabled and
   * disabled (and all runs, for scale), then each kind every failing run had off, or on.
   */
  private void swarmSummary(StringBuilder sb) {
    List<SweepReport.SwarmKind> kinds = swarmKinds();
    if (kinds.isEmpty()) {
      return;
    }
    sb.append('\n').append("swarm testing: random fault kinds in the ").append(swarmFailing)
        .append(" failing run").append(swarmFailing == 1 ? "" : "s").append(" (and all ")
        .append(swarmRuns).append(")\n");
    List<String[]> table = new ArrayList<>();
    table.add(new String[] {"kind", "failing: enabled", "disabled", "all: enabled",
        "disabled"});
    for (SweepReport.SwarmKind k : kinds) {
      table.add(new String[] {k.kind(), Integer.toString(k.failingEnabled()),
          Integer.toString(k.failingDisabled()), Integer.toString(k.runsEnabled()),
          Integer.toString(k.runsDisabled())});
    }
    SweepReport.table(sb, table);
    if (swarmFailing == 0) {
      return;
    }
    for (SweepReport.SwarmKind k : kinds) {
      if (k.failingEnabled() == 0) {
        sb.append("every failing run had ").append(k.kind()).append(" disabled\n");
      } else if (k.failingDisabled() == 0) {
        sb.append("every failing run had ").append(k.kind()).append(" enabled\n");
      }
    }
  }
}
