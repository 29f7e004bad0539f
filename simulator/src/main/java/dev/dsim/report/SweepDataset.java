package dev.dsim.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsim.run.RunDigest;
import dev.dsim.run.RunResult;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A large sweep's runs as data: {@code runs.jsonl}, one JSON object per line and per run, in job
 * order (variant, grid point or load, seed), whatever engine ran them. A run's line holds its
 * place, trace hash, pass or fail with the failed expectations, the headline figures at full
 * precision (so the summary can be computed again from the file, to the last digit: {@link
 * #tally}) and, for a failing run, the command that replays it. A run that stopped with an error
 * (event bound, invariant) has a line with {@code "error"} and its replay command instead.
 * Spark, DuckDB, pandas and jq read JSON lines as they are.
 */
public final class SweepDataset {
  /** The file's name in the report directory. */
  public static final String FILE = "runs.jsonl";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SweepDataset() {}

  /** Writes the lines of a sweep, one run at a time, into a file of the staged report. */
  public static final class Writer implements Closeable {
    private final BufferedWriter out;
    private long lines;

    private Writer(BufferedWriter out) {
      this.out = out;
    }

    /** Creates {@code runs.jsonl} in {@code dir} (a staging directory: nothing is there yet). */
    public static Writer create(Path dir) throws IOException {
      return new Writer(Files.newBufferedWriter(dir.resolve(FILE), StandardCharsets.UTF_8));
    }

    /**
     * A finished run's line.
     *
     * @param failed each failed expectation, described (empty: it passed)
     * @param results the failing run's results file in the report, or null when not kept
     * @param replay the command that replays a failing run, or null for a passing one
     */
    public void run(SweepReport.Point p, RunDigest d, List<String> failed, String results,
        String replay) throws IOException {
      ObjectNode o = place(p);
      o.put("traceHash", d.traceHash());
      o.put("ok", failed.isEmpty());
      o.put("events", d.events());
      o.put("requests", d.requests());
      o.put("requestsOk", d.requestsOk());
      o.put("availability", d.availability());
      o.put("throughput", d.throughputPerSecond());
      o.put("latencyMsMean", d.latencyMsMean());
      o.put("latencyMsP50", d.latencyMsP50());
      o.put("latencyMsP99", d.latencyMsP99());
      RunDigest.Consistency c = d.consistency();
      if (c != null) {
        o.put("lostWrites", c.lostWrites());
        o.put("staleReads", c.staleReads());
        o.put("corruptReads", c.corruptReads());
        o.put("linearizable", c.linearizable());
      }
      if (d.swarm() != null) {
        ObjectNode s = o.putObject("swarm");
        ArrayNode enabled = s.putArray("enabled");
        d.swarm().enabled().forEach(enabled::add);
        ArrayNode disabled = s.putArray("disabled");
        d.swarm().disabled().forEach(disabled::add);
      }
      o.put("expectations", d.expectations());
      if (!failed.isEmpty()) {
        ArrayNode why = o.putArray("failedExpectations");
        failed.forEach(why::add);
        if (results != null) {
          o.put("results", results);
        }
        o.put("replay", replay);
      }
      line(o);
    }

    /** The line of a run that stopped with an error instead of a result. */
    public void error(SweepReport.Point p, String error, String replay) throws IOException {
      ObjectNode o = place(p);
      o.put("error", error);
      o.put("replay", replay);
      line(o);
    }

    /** Lines written so far. */
    public long lines() {
      return lines;
    }

    private void line(ObjectNode o) throws IOException {
      out.write(MAPPER.writeValueAsString(o));
      out.write('\n');
      lines++;
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }

  private static ObjectNode place(SweepReport.Point p) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("variant", p.variant());
    if (!p.params().isEmpty()) {
      ObjectNode params = o.putObject("params");
      for (String set : p.params()) {
        int eq = set.indexOf('=');
        params.put(set.substring(0, eq), set.substring(eq + 1));
      }
    }
    if (p.load() != null) {
      o.put("load", p.load());
    }
    o.put("seed", p.seed());
    return o;
  }

  /**
   * A line of a dataset that is not a run as {@code sweep --dataset} writes it: where (file,
   * line, column), which field, what is wrong, and a hint.
   */
  public static final class BadLine extends Exception {
    private static final long serialVersionUID = 1L;
    private final String where;
    private final String field;
    private final String hint;

    BadLine(String file, long line, long column, String field, String message, String hint) {
      super(message);
      this.where = file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "");
      this.field = field;
      this.hint = hint;
    }

    /** "runs.jsonl:17:1: at $.availability: missing ...", then the hint on its own line. */
    public String format() {
      return where + ": at " + field + ": " + getMessage() + "\n  hint: " + hint;
    }
  }

  private static final String LINE_HINT = "each line of runs.jsonl is one run as dsim sweep "
      + "--dataset wrote it; a filtered or merged file must keep whole lines";

  /**
   * The sweep's totals computed again from its dataset: the same summary, verdict and load
   * table as the sweep printed, for a file kept or filtered (a line per run, in job order).
   */
  public static SweepTally tally(Path file) throws IOException, BadLine {
    return tally(List.of(file));
  }

  /**
   * The totals of several datasets read one after the other, as one sweep: the datasets of one
   * sweep split by seed range ({@code --seeds 1..500000} and {@code 500001..1000000}), given in
   * seed order, add up to the totals of the whole sweep, to the last digit. A run (variant,
   * grid point, load, seed) found twice is an error: the ranges overlapped.
   */
  public static SweepTally tally(List<Path> files) throws IOException, BadLine {
    SweepTally t = new SweepTally();
    Map<String, long[]> seen = new java.util.HashMap<>();
    Map<String, Integer> counts = new java.util.HashMap<>();
    for (Path file : files) {
      try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        String text;
        long lineNo = 0;
        while ((text = in.readLine()) != null) {
          lineNo++;
          if (text.isBlank()) {
            continue;
          }
          Line line = new Line(file.toString(), lineNo, text);
          if (line.o.has("error")) {
            continue;
          }
          SweepReport.Point p = line.point();
          String group = p.groupName();
          long[] seeds = seen.computeIfAbsent(group, g -> new long[16]);
          int n = counts.getOrDefault(group, 0);
          if (n == seeds.length) {
            seeds = java.util.Arrays.copyOf(seeds, n * 2);
            seen.put(group, seeds);
          }
          seeds[n] = p.seed();
          counts.put(group, n + 1);
          RunResult.Swarm swarm = null;
          JsonNode s = line.o.get("swarm");
          if (s != null) {
            swarm = new RunResult.Swarm(line.texts(s, "swarm.enabled"),
                line.texts(s, "swarm.disabled"));
          }
          t.add(p, line.number("availability"), line.number("throughput"),
              line.number("latencyMsMean"), line.number("latencyMsP99"),
              !line.bool("ok"), swarm, (int) line.integer("expectations"));
        }
      }
    }
    // Sorting each group's seeds finds a run given twice in 8 bytes a run.
    for (Map.Entry<String, long[]> e : new java.util.TreeMap<>(seen).entrySet()) {
      long[] seeds = java.util.Arrays.copyOf(e.getValue(), counts.get(e.getKey()));
      java.util.Arrays.sort(seeds);
      for (int i = 1; i < seeds.length; i++) {
        if (seeds[i] == seeds[i - 1]) {
          throw new BadLine(files.size() == 1 ? files.get(0).toString()
              : String.join(", ", files.stream().map(Path::toString).toList()), 0, 0, "$.seed",
              e.getKey() + ", seed " + seeds[i] + " is there twice",
              "give datasets of disjoint seed ranges (one sweep split by --seeds), each once");
        }
      }
    }
    return t;
  }

  /** One line of a dataset, read and checked field by field. */
  private static final class Line {
    final String file;
    final long lineNo;
    final JsonNode o;

    Line(String file, long lineNo, String text) throws BadLine {
      this.file = file;
      this.lineNo = lineNo;
      JsonNode parsed;
      try {
        parsed = MAPPER.readTree(text);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
        throw new BadLine(file, lineNo, at == null ? 0 : at.getColumnNr(), "$",
            "not JSON: " + e.getOriginalMessage(), LINE_HINT);
      }
      if (parsed == null || !parsed.isObject()) {
        throw new BadLine(file, lineNo, 1, "$", "a line must be a JSON object", LINE_HINT);
      }
      this.o = parsed;
    }

    SweepReport.Point point() throws BadLine {
      List<String> params = new ArrayList<>();
      JsonNode ps = o.get("params");
      if (ps != null) {
        if (!ps.isObject()) {
          throw bad("params", "must be an object of setting to value");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = ps.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          params.add(e.getKey() + "=" + e.getValue().asText());
        }
      }
      return new SweepReport.Point(text("variant"), o.has("load") ? number("load") : null,
          integer("seed"), null, params);
    }

    private BadLine bad(String field, String message) {
      return new BadLine(file, lineNo, 1, "$." + field, message, LINE_HINT);
    }

    private JsonNode field(String name, String what) throws BadLine {
      JsonNode n = o.get(name);
      if (n == null || n.isNull()) {
        throw bad(name, "missing \"" + name + "\" (" + what + ")");
      }
      return n;
    }

    String text(String name) throws BadLine {
      JsonNode n = field(name, "a string");
      if (!n.isTextual()) {
        throw bad(name, "must be a string, got " + n);
      }
      return n.asText();
    }

    long integer(String name) throws BadLine {
      JsonNode n = field(name, "an integer");
      if (!n.isIntegralNumber() || !n.canConvertToLong()) {
        throw bad(name, "must be an integer, got " + n);
      }
      return n.asLong();
    }

    boolean bool(String name) throws BadLine {
      JsonNode n = field(name, "true or false");
      if (!n.isBoolean()) {
        throw bad(name, "must be true or false, got " + n);
      }
      return n.asBoolean();
    }

    /** A figure: a number, or "NaN" / "Infinity" (JSON has neither; Jackson writes them as text). */
    double number(String name) throws BadLine {
      JsonNode n = field(name, "a number");
      if (n.isNumber()) {
        return n.asDouble();
      }
      if (n.isTextual() && List.of("NaN", "Infinity", "-Infinity").contains(n.asText())) {
        return Double.parseDouble(n.asText());
      }
      throw bad(name, "must be a number, got " + n);
    }

    List<String> texts(JsonNode parent, String path) throws BadLine {
      String key = path.substring(path.indexOf('.') + 1);
      JsonNode array = parent.get(key);
      if (array == null || !array.isArray()) {
        throw bad(path, "must be an array of fault kinds");
      }
      List<String> out = new ArrayList<>();
      array.forEach(x -> out.add(x.asText()));
      return out;
    }
  }
}
