package dev.dsim.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsim.fault.Swarm;
import dev.dsim.run.RunResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a sweep found: one row per finished run in job order (variant, load, seed), the failing
 * ones with the command that replays them; {@code sweep.json}, {@code sweep.csv}, the
 * throughput/latency-against-load table {@code loads.csv}, and the terminal summary. Rows come
 * in job order whatever order the runs finished in, so the files do not depend on {@code --jobs}.
 *
 * @param file the scenario file swept
 * @param rows the finished runs, in job order
 * @param planned runs planned (more than rows when stopped early or interrupted)
 * @param interrupted whether Ctrl-C cut the sweep short
 * @param stopAfter the {@code --stop-after} bound, or null
 */
public record SweepReport(String file, List<Row> rows, int planned, boolean interrupted,
    Integer stopAfter) {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * A run's place in the sweep; {@code loadSet} is the {@code --set} that gives its load, and
   * {@code params} the {@code --set}s of its point of a parameter grid ({@code tiers.web.nodes=4},
   * in {@code --param} order; empty outside a grid).
   */
  public record Point(String variant, Double load, long seed, String loadSet,
      List<String> params) {
    public Point {
      params = List.copyOf(params);
    }

    /** A run outside a parameter grid. */
    public Point(String variant, Double load, long seed, String loadSet) {
      this(variant, load, seed, loadSet, List.of());
    }

    /** The grid point as people read it: "tiers.web.nodes=4, tiers.web.cores=8"; "" outside. */
    public String paramsText() {
      return String.join(", ", params);
    }

    /** Variant, then grid point, then load: what a group of seeds shares. */
    public String groupName() {
      String where = params.isEmpty() ? variant : variant.equals("base") ? paramsText()
          : variant + " " + paramsText();
      return where + (load == null ? "" : " at load " + loadText(load, false));
    }
  }

  /**
   * A finished run: {@code failed} describes each failed expectation (empty: it passed);
   * failing runs have their results file (relative to the report) and replay command.
   */
  public record Row(Point point, RunResult result, List<String> failed, String resultsFile,
      String replay) {
    public Row {
      Objects.requireNonNull(point, "point");
      Objects.requireNonNull(result, "result");
      failed = List.copyOf(failed);
    }
  }

  public SweepReport {
    rows = List.copyOf(rows);
  }

  /**
   * Swarm testing's tally of one random fault kind over the sweep: how many failing runs had it
   * enabled and disabled, and how many runs in all. A kind disabled in every failing run (and
   * enabled in many passing ones) is a kind that hides the bug.
   */
  public record SwarmKind(String kind, int failingEnabled, int failingDisabled, int runsEnabled,
      int runsDisabled) {}

  /**
   * The tally per kind, in the format's order ({@link Swarm#KINDS}), over the runs that used
   * swarm testing; empty when none did.
   */
  public List<SwarmKind> swarmKinds() {
    Map<String, int[]> counts = new java.util.TreeMap<>(java.util.Comparator
        .comparingInt((String k) -> Swarm.KINDS.contains(k) ? Swarm.KINDS.indexOf(k)
            : Swarm.KINDS.size())
        .thenComparing(java.util.Comparator.naturalOrder()));
    for (Row r : rows) {
      RunResult.Swarm swarm = r.result().swarm();
      if (swarm == null) {
        continue;
      }
      int failing = r.failed().isEmpty() ? 0 : 1;
      for (String k : swarm.enabled()) {
        int[] c = counts.computeIfAbsent(k, x -> new int[4]);
        c[0] += failing;
        c[2]++;
      }
      for (String k : swarm.disabled()) {
        int[] c = counts.computeIfAbsent(k, x -> new int[4]);
        c[1] += failing;
        c[3]++;
      }
    }
    List<SwarmKind> kinds = new ArrayList<>();
    counts.forEach((k, c) -> kinds.add(new SwarmKind(k, c[0], c[1], c[2], c[3])));
    return kinds;
  }

  /** Runs that used swarm testing, and how many of them failed. */
  private int[] swarmRuns() {
    int[] n = new int[2];
    for (Row r : rows) {
      if (r.result().swarm() != null) {
        n[0]++;
        n[1] += r.failed().isEmpty() ? 0 : 1;
      }
    }
    return n;
  }

  /** A load as written in commands and file names: 250, 12.5. */
  public static String loadText(double load, boolean integer) {
    if (integer || load == Math.rint(load)) {
      return Long.toString(Math.round(load));
    }
    return new BigDecimal(load).round(new java.math.MathContext(9)).stripTrailingZeros()
        .toPlainString();
  }

  public String json() {
    return json(null);
  }

  /** {@code sweep.json}, with the parameter grid's findings when there is one. */
  public String json(ParameterGrid grid) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("scenarioFile", file);
    root.put("planned", planned);
    root.put("finished", rows.size());
    root.put("interrupted", interrupted);
    if (stopAfter != null) {
      root.put("stopAfter", stopAfter);
    }
    if (grid != null) {
      root.put("verdict", grid.verdict());
      root.set("grid", grid.json());
    }
    ArrayNode failing = root.putArray("failing");
    for (Row r : rows) {
      if (!r.failed().isEmpty()) {
        ObjectNode f = failing.addObject();
        point(f, r);
        ArrayNode why = f.putArray("failedExpectations");
        r.failed().forEach(why::add);
        f.put("results", r.resultsFile());
        f.put("resolvedScenario", r.resultsFile().substring(0,
            r.resultsFile().lastIndexOf('/') + 1) + ResolvedScenario.FILE);
        f.put("replay", r.replay());
        swarm(f, r.result().swarm());
      }
    }
    List<SwarmKind> kinds = swarmKinds();
    if (!kinds.isEmpty()) {
      int[] n = swarmRuns();
      ObjectNode sw = root.putObject("swarm");
      sw.put("runs", n[0]);
      sw.put("failing", n[1]);
      ArrayNode list = sw.putArray("kinds");
      for (SwarmKind k : kinds) {
        ObjectNode o = list.addObject();
        o.put("kind", k.kind());
        o.put("failingEnabled", k.failingEnabled());
        o.put("failingDisabled", k.failingDisabled());
        o.put("runsEnabled", k.runsEnabled());
        o.put("runsDisabled", k.runsDisabled());
      }
    }
    ArrayNode runs = root.putArray("runs");
    for (Row r : rows) {
      ObjectNode o = runs.addObject();
      point(o, r);
      o.put("ok", r.failed().isEmpty());
      o.put("availability", Numbers.significant(r.result().availability(), 9));
      o.put("throughput", Numbers.fixed(r.result().throughputPerSecond(), 3));
      o.put("latencyMsP50", Numbers.fixed(r.result().latencyMs().p50(), 6));
      o.put("latencyMsP99", Numbers.fixed(r.result().latencyMs().p99(), 6));
    }
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A run's swarm draw, as results.json has it; nothing without swarm testing. */
  private static void swarm(ObjectNode o, RunResult.Swarm swarm) {
    if (swarm == null) {
      return;
    }
    ObjectNode s = o.putObject("swarm");
    ArrayNode enabled = s.putArray("enabled");
    swarm.enabled().forEach(enabled::add);
    ArrayNode disabled = s.putArray("disabled");
    swarm.disabled().forEach(disabled::add);
  }

  private static void point(ObjectNode o, Row r) {
    o.put("variant", r.point().variant());
    if (!r.point().params().isEmpty()) {
      ObjectNode params = o.putObject("params");
      for (String set : r.point().params()) {
        int eq = set.indexOf('=');
        params.put(set.substring(0, eq), set.substring(eq + 1));
      }
    }
    if (r.point().load() != null) {
      o.put("load", Numbers.significant(r.point().load(), 9));
    }
    o.put("seed", r.point().seed());
    o.put("traceHash", r.result().traceHash());
  }

  /** One line per run. */
  public String csv() {
    // A grid's settings are columns of their own, after the variant: one per --param path.
    List<String> paths = paramPaths();
    StringBuilder sb = new StringBuilder("variant,");
    paths.forEach(p -> sb.append(Csv.field(p)).append(','));
    sb.append("load,seed,traceHash,ok,requests,availability,"
        + "throughput,latencyMsMean,latencyMsP50,latencyMsP99,lostWrites,staleReads,"
        + "corruptReads,linearizable\n");
    for (Row r : rows) {
      RunResult x = r.result();
      RunResult.Consistency c = x.consistency();
      sb.append(Csv.field(r.point().variant())).append(',');
      for (String set : r.point().params()) {
        sb.append(Csv.field(set.substring(set.indexOf('=') + 1))).append(',');
      }
      sb
          .append(r.point().load() == null ? "" : loadText(r.point().load(), false)).append(',')
          .append(r.point().seed()).append(',').append(x.traceHash()).append(',')
          .append(r.failed().isEmpty()).append(',').append(x.requests().total()).append(',')
          .append(Numbers.significant(x.availability(), 9).toPlainString()).append(',')
          .append(Numbers.fixed(x.throughputPerSecond(), 3).toPlainString()).append(',')
          .append(Numbers.fixed(x.latencyMs().mean(), 6).toPlainString()).append(',')
          .append(Numbers.fixed(x.latencyMs().p50(), 6).toPlainString()).append(',')
          .append(Numbers.fixed(x.latencyMs().p99(), 6).toPlainString()).append(',')
          .append(c == null ? "" : Long.toString(c.lostWrites())).append(',')
          .append(c == null ? "" : Long.toString(c.staleReads())).append(',')
          .append(c == null ? "" : Long.toString(c.corruptReads())).append(',')
          .append(c == null ? "" : c.linearizability().verdict()).append('\n');
    }
    return sb.toString();
  }

  /** The settings of a parameter grid, in {@code --param} order; empty outside a grid. */
  public List<String> paramPaths() {
    List<String> paths = new ArrayList<>();
    if (!rows.isEmpty()) {
      for (String set : rows.get(0).point().params()) {
        paths.add(set.substring(0, set.indexOf('=')));
      }
    }
    return paths;
  }

  /** Groups of rows with the same variant, grid point and load, in job order. */
  private Map<String, List<Row>> groups() {
    Map<String, List<Row>> g = new LinkedHashMap<>();
    for (Row r : rows) {
      String key = r.point().variant() + "\u0000" + r.point().paramsText() + "\u0000"
          + (r.point().load() == null ? "" : loadText(r.point().load(), false));
      g.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
    }
    return g;
  }

  /**
   * Throughput, availability and latency against offered load, per variant: each the mean over
   * the seeds with its 95% interval, the data of a saturation curve.
   */
  public String loadsCsv() {
    StringBuilder sb = new StringBuilder("variant,load,runs,throughput,throughputCi95,"
        + "availability,availabilityCi95,latencyMsMean,latencyMsMeanCi95,latencyMsP99,"
        + "latencyMsP99Ci95\n");
    for (List<Row> g : groups().values()) {
      Row first = g.get(0);
      sb.append(Csv.field(first.point().variant())).append(',')
          .append(first.point().load() == null ? "" : loadText(first.point().load(), false))
          .append(',').append(g.size());
      for (String metric : List.of("throughput", "availability", "latencyMs.mean",
          "latencyMs.p99")) {
        double[] v = new double[g.size()];
        for (int i = 0; i < v.length; i++) {
          v[i] = value(metric, g.get(i).result());
        }
        Comparison.Stat st = Comparison.stat(v);
        sb.append(',').append(Numbers.significant(st.mean(), 6).toPlainString()).append(',');
        if (st.hasInterval()) {
          sb.append(Numbers.significant(st.halfWidth(), 6).toPlainString());
        }
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static double value(String metric, RunResult r) {
    return switch (metric) {
      case "throughput" -> r.throughputPerSecond();
      case "availability" -> r.availability();
      case "latencyMs.mean" -> r.latencyMs().mean();
      default -> r.latencyMs().p99();
    };
  }

  /** The terminal summary: per variant (and load), runs, failing runs and mean metrics. */
  /**
   * The sweep's finding in one sentence, for the top of its page: how many runs met every
   * expectation, and which variants failed in how many of their seeds.
   */
  public String verdict() {
    int failing = 0;
    List<String> parts = new ArrayList<>();
    for (List<Row> g : groups().values()) {
      int f = 0;
      for (Row r : g) {
        f += r.failed().isEmpty() ? 0 : 1;
      }
      failing += f;
      if (f > 0) {
        Row first = g.get(0);
        parts.add(first.point().groupName() + " in " + f + " of " + g.size());
      }
    }
    if (failing == 0) {
      return "All " + rows.size() + " runs met every expectation" + (rows.isEmpty()
          || rows.get(0).result().expectations().isEmpty() ? " (the scenario states none)."
              : ".");
    }
    return failing + " of " + rows.size() + " runs failed an expectation: "
        + String.join(", ", parts) + ".";
  }

  public String summary() {
    boolean withLoad = !rows.isEmpty() && rows.get(0).point().load() != null;
    List<String[]> table = new ArrayList<>();
    boolean withParams = !paramPaths().isEmpty();
    List<String> header = new ArrayList<>(List.of("variant"));
    if (withParams) {
      header.add("point");
    }
    if (withLoad) {
      header.add("load");
    }
    header.addAll(List.of("runs", "failing", "avail", "tput/s", "mean ms", "p99 ms"));
    table.add(header.toArray(new String[0]));
    for (List<Row> g : groups().values()) {
      Row first = g.get(0);
      int failing = 0;
      double avail = 0;
      double tput = 0;
      double mean = 0;
      double p99 = 0;
      for (Row r : g) {
        failing += r.failed().isEmpty() ? 0 : 1;
        avail += r.result().availability();
        tput += r.result().throughputPerSecond();
        mean += r.result().latencyMs().mean();
        p99 += r.result().latencyMs().p99();
      }
      int n = g.size();
      List<String> cells = new ArrayList<>();
      cells.add(first.point().variant());
      if (withParams) {
        cells.add(first.point().paramsText());
      }
      if (withLoad) {
        cells.add(loadText(first.point().load(), false));
      }
      cells.add(Integer.toString(n));
      cells.add(Integer.toString(failing));
      cells.add(String.format(Locale.ROOT, "%.3f%%", 100 * avail / n));
      cells.add(SummaryTable.number(tput / n));
      cells.add(SummaryTable.number(mean / n));
      cells.add(SummaryTable.number(p99 / n));
      table.add(cells.toArray(new String[0]));
    }
    StringBuilder sb = new StringBuilder();
    sb.append("means over each group's seeds\n");
    table(sb, table);
    swarmSummary(sb);
    return sb.toString();
  }

  /** A table with a header line underlined, columns padded to their widest cell. */
  static void table(StringBuilder sb, List<String[]> table) {
    int[] widths = new int[table.get(0).length];
    for (String[] row : table) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (int r = 0; r < table.size(); r++) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < widths.length; i++) {
        String cell = table.get(r)[i];
        line.append(i == 0 ? "" : "  ").append(cell).append(" ".repeat(widths[i] - cell.length()));
      }
      sb.append(line.toString().stripTrailing()).append('\n');
      if (r == 0) {
        sb.append("-".repeat(line.toString().stripTrailing().length())).append('\n');
      }
    }
  }

  /**
   * Swarm testing's tally, after the means: per kind, the failing runs that had it enabled and
   * disabled (and all runs, for scale), then each kind every failing run had off, or on.
   */
  private void swarmSummary(StringBuilder sb) {
    List<SwarmKind> kinds = swarmKinds();
    if (kinds.isEmpty()) {
      return;
    }
    int[] n = swarmRuns();
    sb.append('\n').append("swarm testing: random fault kinds in the ").append(n[1])
        .append(" failing run").append(n[1] == 1 ? "" : "s").append(" (and all ").append(n[0])
        .append(")\n");
    List<String[]> table = new ArrayList<>();
    table.add(new String[] {"kind", "failing: enabled", "disabled", "all: enabled",
        "disabled"});
    for (SwarmKind k : kinds) {
      table.add(new String[] {k.kind(), Integer.toString(k.failingEnabled()),
          Integer.toString(k.failingDisabled()), Integer.toString(k.runsEnabled()),
          Integer.toString(k.runsDisabled())});
    }
    table(sb, table);
    if (n[1] == 0) {
      return;
    }
    for (SwarmKind k : kinds) {
      if (k.failingEnabled() == 0) {
        sb.append("every failing run had ").append(k.kind()).append(" disabled\n");
      } else if (k.failingDisabled() == 0) {
        sb.append("every failing run had ").append(k.kind()).append(" enabled\n");
      }
    }
  }
}
