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
   * The sweep's totals computed again from its dataset: the same summary, verdict and load
   * table as the sweep printed, for a file kept or filtered (a line per run, in job order).
   */
  public static SweepTally tally(Path file) throws IOException {
    SweepTally t = new SweepTally();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode o = MAPPER.readTree(line);
        if (o.has("error")) {
          continue;
        }
        List<String> params = new ArrayList<>();
        JsonNode ps = o.get("params");
        if (ps != null) {
          for (Iterator<Map.Entry<String, JsonNode>> it = ps.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            params.add(e.getKey() + "=" + e.getValue().asText());
          }
        }
        SweepReport.Point p = new SweepReport.Point(o.get("variant").asText(),
            o.has("load") ? number(o.get("load")) : null, o.get("seed").asLong(), null, params);
        RunResult.Swarm swarm = null;
        JsonNode s = o.get("swarm");
        if (s != null) {
          swarm = new RunResult.Swarm(texts(s.get("enabled")), texts(s.get("disabled")));
        }
        t.add(p, number(o.get("availability")), number(o.get("throughput")),
            number(o.get("latencyMsMean")), number(o.get("latencyMsP99")),
            !o.get("ok").asBoolean(), swarm, o.get("expectations").asInt());
      }
    }
    return t;
  }

  /** A figure as written: a number, or "NaN" (JSON has no NaN; Jackson writes it as text). */
  private static double number(JsonNode n) {
    return n.isTextual() ? Double.parseDouble(n.asText()) : n.asDouble();
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(x -> out.add(x.asText()));
    return out;
  }
}
