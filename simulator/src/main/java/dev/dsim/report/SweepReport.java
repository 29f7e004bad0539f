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
import java.util.List;
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
  static final ObjectMapper MAPPER = new ObjectMapper()
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
    return tally().swarmKinds();
  }

  /** The rows' running totals, added in job order. */
  public SweepTally tally() {
    SweepTally t = new SweepTally();
    for (Row r : rows) {
      RunResult x = r.result();
      t.add(r.point(), x.availability(), x.throughputPerSecond(), x.latencyMs().mean(),
          x.latencyMs().p99(), !r.failed().isEmpty(), x.swarm(), x.expectations().size());
    }
    return t;
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
    failing(root.putArray("failing"), rows);
    swarm(root, tally());
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

  /** The failing rows, each with what failed, its files and its replay command. */
  static void failing(ArrayNode failing, List<Row> rows) {
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
  }

  /** Swarm testing's tally per kind, when some run used it. */
  static void swarm(ObjectNode root, SweepTally tally) {
    List<SwarmKind> kinds = tally.swarmKinds();
    if (kinds.isEmpty()) {
      return;
    }
    int[] n = tally.swarmRuns();
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

  /** Throughput, availability and latency against offered load: {@link SweepTally#loadsCsv}. */
  public String loadsCsv() {
    return tally().loadsCsv();
  }

  /** The sweep's finding in one sentence: {@link SweepTally#verdict}. */
  public String verdict() {
    return tally().verdict();
  }

  /** The terminal summary: {@link SweepTally#summary}. */
  public String summary() {
    return tally().summary();
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
}
