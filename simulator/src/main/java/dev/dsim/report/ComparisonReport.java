package dev.dsim.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsim.run.RunResult;
import java.util.List;
import java.util.Locale;

/**
 * {@code comparison.json}, {@code comparison.csv} and the terminal table of a
 * {@link Comparison}. Numbers are rounded from their exact binary value (see {@link Numbers}), so
 * the files are byte-identical on every machine and whether the runs went in parallel or not.
 */
public final class ComparisonReport {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
  private static final int DIGITS = 6;

  private ComparisonReport() {}

  /** A run that went into the comparison: its label, and its results file relative to the report. */
  public record RunRef(String label, RunResult result, String resultsFile) {}

  /**
   * How much of the planned work a comparison covers: every planned run, or (interrupted) part.
   *
   * @param plannedRuns runs planned (variants times seeds)
   * @param interrupted whether Ctrl-C cut the comparison short
   */
  public record Coverage(int plannedRuns, boolean interrupted) {
    /** A comparison that ran everything it planned. */
    public static Coverage complete(int runs) {
      return new Coverage(runs, false);
    }
  }

  /** The JSON text (with a final newline) of a comparison that ran all it planned. */
  public static String json(Comparison c, List<String> files, List<Long> seeds,
      List<RunRef> runs) {
    return json(c, files, seeds, runs, Coverage.complete(runs.size()));
  }

  /**
   * The JSON text (with a final newline). {@code seeds} are the seeds of the runs that finished;
   * {@code seedsPerVariant} and {@code equalSeeds} say whether the variants were measured alike
   * (no winner is named otherwise), {@code interrupted} and {@code planned} how much of the
   * planned work this is.
   */
  public static String json(Comparison c, List<String> files, List<Long> seeds,
      List<RunRef> runs, Coverage coverage) {
    return json(c, files, seeds, runs, coverage, null);
  }

  /**
   * As above, with {@code precision} (null for none): how {@code compare --precision} chose
   * the seed count, kept in the file as {@code "precision"}.
   */
  public static String json(Comparison c, List<String> files, List<Long> seeds,
      List<RunRef> runs, Coverage coverage, ObjectNode precision) {
    ObjectNode root = MAPPER.createObjectNode();
    if (precision != null) {
      root.set("precision", precision);
    }
    root.put("confidence", Comparison.CONFIDENCE);
    root.put("interval", "Student t, two-sided, per variant over its seeds; for availability "
        + "on the empirical logit scale, mapped back to [0, 1]");
    root.put("interrupted", coverage.interrupted());
    root.put("plannedRuns", coverage.plannedRuns());
    root.put("finishedRuns", runs.size());
    ArrayNode f = root.putArray("scenarioFiles");
    files.forEach(f::add);
    ArrayNode s = root.putArray("seeds");
    seeds.forEach(s::add);
    ArrayNode v = root.putArray("variants");
    c.variants().forEach(v::add);
    ObjectNode perVariant = root.putObject("seedsPerVariant");
    for (String label : c.variants()) {
      perVariant.put(label, runs.stream().filter(r -> r.label().equals(label)).count());
    }
    root.put("equalSeeds", c.equalSeeds());
    root.put("currency", c.currency());
    if (c.expectations().any()) {
      ExpectationsMet met = c.expectations();
      ObjectNode ex = root.putObject("expectations");
      ex.put("require", met.require());
      ex.put("interval", "Clopper-Pearson, two-sided, of the share of seeds meeting every"
          + " expectation");
      ObjectNode pv = ex.putObject("variants");
      for (ExpectationsMet.Variant x : met.variants()) {
        ObjectNode o = pv.putObject(x.label());
        o.put("met", x.met());
        o.put("seeds", x.seeds());
        o.putArray("ci95").add(Numbers.significant(x.low(), DIGITS))
            .add(Numbers.significant(x.high(), DIGITS));
        o.put("eligible", met.eligible(x.label()));
      }
      if (met.cheapest() == null) {
        ex.putNull("cheapestMeetingExpectations");
      } else {
        ex.put("cheapestMeetingExpectations", met.cheapest());
      }
    }
    ArrayNode metrics = root.putArray("metrics");
    for (Comparison.Row row : c.rows()) {
      ObjectNode m = metrics.addObject();
      m.put("metric", row.metric().name());
      m.put("better", row.metric().better().jsonName());
      if (row.winner() != null) {
        m.put("winner", row.winner());
      } else {
        m.putNull("winner");
      }
      ArrayNode tied = m.putArray("overlapping");
      row.tied().forEach(tied::add);
      if (!row.barred().isEmpty()) {
        ArrayNode barred = m.putArray("notEligible");
        row.barred().forEach(barred::add);
      }
      Comparison.TheoryCall t = c.theory().get(row.metric().name());
      if (t != null) {
        ObjectNode th = m.putObject("theory");
        if (t.best() == null) {
          th.putNull("predictsBest");
        } else {
          th.put("predictsBest", t.best());
        }
        th.put("exact", t.exact());
        ObjectNode pv = th.putObject("predicted");
        for (int i = 0; i < c.variants().size(); i++) {
          pv.put(c.variants().get(i), Numbers.significant(t.predicted().get(i), DIGITS));
        }
      }
      ObjectNode per = m.putObject("variants");
      for (int i = 0; i < c.variants().size(); i++) {
        Comparison.Stat st = row.stats().get(i);
        ObjectNode o = per.putObject(c.variants().get(i));
        o.put("n", st.n());
        o.put("mean", Numbers.significant(st.mean(), DIGITS));
        if (st.hasInterval()) {
          o.put("stdDev", Numbers.significant(st.stdDev(), DIGITS));
          ArrayNode ci = o.putArray("ci95");
          ci.add(Numbers.significant(st.ciLow(), DIGITS));
          ci.add(Numbers.significant(st.ciHigh(), DIGITS));
        } else {
          o.putNull("stdDev");
          o.putNull("ci95");
        }
      }
    }
    ArrayNode r = root.putArray("runs");
    for (RunRef ref : runs) {
      ObjectNode o = r.addObject();
      o.put("variant", ref.label());
      o.put("seed", ref.result().seed());
      o.put("traceHash", ref.result().traceHash());
      if (ref.resultsFile() != null) {
        o.put("results", ref.resultsFile());
      }
    }
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise the comparison", e);
    }
  }

  /** One line per (metric, variant): the numbers a spreadsheet or a chart needs. */
  public static String csv(Comparison c) {
    StringBuilder sb = new StringBuilder(
        "metric,better,variant,n,mean,stdDev,ci95Low,ci95High,winner\n");
    for (Comparison.Row row : c.rows()) {
      for (int i = 0; i < c.variants().size(); i++) {
        Comparison.Stat st = row.stats().get(i);
        String label = c.variants().get(i);
        sb.append(row.metric().name()).append(',').append(row.metric().better().jsonName())
            .append(',').append(Csv.field(label)).append(',').append(st.n()).append(',')
            .append(Numbers.significant(st.mean(), DIGITS).toPlainString()).append(',');
        if (st.hasInterval()) {
          sb.append(Numbers.significant(st.stdDev(), DIGITS).toPlainString()).append(',')
              .append(Numbers.significant(st.ciLow(), DIGITS).toPlainString()).append(',')
              .append(Numbers.significant(st.ciHigh(), DIGITS).toPlainString());
        } else {
          sb.append(",,");
        }
        sb.append(',').append(label.equals(row.winner()) ? "yes"
            : row.tied().contains(label) ? "tie" : "no").append('\n');
      }
    }
    return sb.toString();
  }

  /**
   * The comparison's finding in one sentence, for the top of the table and the page: the
   * cheapest variant meeting the expectations (when the scenario has some), and what the most
   * available variant buys over the cheapest, in points of availability and share of cost
   * ("scale-out-replicated: +6.8 points of availability over scale-up, the cheapest (97.2%
   * against 90.4%), for +24% cost"). Null without availability and cost, or with one variant.
   */
  public static String verdict(Comparison c) {
    Comparison.Row avail = c.rowFor("availability");
    Comparison.Row cost = c.rowFor(Comparison.COST);
    if (avail == null || cost == null || c.variants().size() < 2) {
      return null;
    }
    int cheap = 0;
    int most = 0;
    for (int i = 1; i < c.variants().size(); i++) {
      if (cost.stats().get(i).mean() < cost.stats().get(cheap).mean()) {
        cheap = i;
      }
      if (avail.stats().get(i).mean() > avail.stats().get(most).mean()) {
        most = i;
      }
    }
    StringBuilder sb = new StringBuilder();
    if (c.expectations().any()) {
      sb.append(c.expectations().cheapest() == null ? "No variant met every expectation in "
          + percent(c.expectations().require()) + " of its seeds. "
          : "Cheapest meeting every expectation in " + percent(c.expectations().require())
              + " of its seeds: " + c.expectations().cheapest() + ". ");
    }
    double aMost = avail.stats().get(most).mean();
    double aCheap = avail.stats().get(cheap).mean();
    if (most == cheap || aMost == aCheap) {
      sb.append(c.variants().get(cheap)).append(" is the cheapest and as available as any (")
          .append(percent(aCheap)).append(").");
      return sb.toString();
    }
    double extra = cost.stats().get(most).mean() / cost.stats().get(cheap).mean() - 1;
    sb.append(c.variants().get(most)).append(": ")
        .append(String.format(java.util.Locale.ROOT, "%+.1f", (aMost - aCheap) * 100))
        .append(" points of availability over ").append(c.variants().get(cheap))
        .append(", the cheapest (").append(percent(aMost)).append(" against ")
        .append(percent(aCheap)).append("), for ").append(extra >= 0 ? "+" : "")
        .append(percent(extra)).append(" cost");
    Comparison.Stat sm = avail.stats().get(most);
    Comparison.Stat sc = avail.stats().get(cheap);
    if (sm.hasInterval() && sc.hasInterval() && sm.ciLow() <= sc.ciHigh()) {
      sb.append("; over ").append(seedsText(c)).append(" their availability intervals overlap,"
          + " so the seeds do not yet separate them");
    }
    return sb.append('.').toString();
  }

  /** The terminal table: each metric's mean ± half-interval per variant, and the winner. */
  public static String table(Comparison c) {
    List<String> labels = c.variants();
    int metricWidth = "metric".length();
    for (Comparison.Row row : c.rows()) {
      metricWidth = Math.max(metricWidth, row.metric().name().length());
    }
    String[][] cells = new String[c.rows().size()][labels.size()];
    int[] widths = new int[labels.size()];
    for (int j = 0; j < labels.size(); j++) {
      widths[j] = labels.get(j).length();
    }
    for (int i = 0; i < c.rows().size(); i++) {
      for (int j = 0; j < labels.size(); j++) {
        String cell = cell(c.rows().get(i), j);
        cells[i][j] = cell;
        widths[j] = Math.max(widths[j], cell.length());
      }
    }
    StringBuilder sb = new StringBuilder();
    String verdict = verdict(c);
    if (verdict != null) {
      sb.append(verdict).append('\n');
    }
    sb.append("mean ± 95% confidence interval over ").append(seedsText(c))
        .append(" (Student t; availability on the logit scale, so it stays in [0, 1]); a winner")
        .append(" only where its interval overlaps no other")
        .append(c.equalSeeds() ? "" : ", and none across unequal seed counts")
        .append("; costs in ").append(c.currency()).append('\n');
    sb.append(pad("metric", metricWidth));
    for (int j = 0; j < labels.size(); j++) {
      sb.append("  ").append(pad(labels.get(j), widths[j]));
    }
    sb.append("  winner\n");
    int total = metricWidth + 8;
    for (int w : widths) {
      total += w + 2;
    }
    sb.append("-".repeat(total)).append('\n');
    for (int i = 0; i < c.rows().size(); i++) {
      Comparison.Row row = c.rows().get(i);
      sb.append(pad(row.metric().name(), metricWidth));
      for (int j = 0; j < labels.size(); j++) {
        sb.append("  ").append(pad(cells[i][j], widths[j]));
      }
      sb.append("  ").append(row.verdict());
      Comparison.TheoryCall t = c.theory().get(row.metric().name());
      if (t != null) {
        sb.append("; ").append(t.verdict(row));
      }
      sb.append('\n');
    }
    sb.append(expectationsText(c.expectations()));
    return sb.toString();
  }
  /**
   * Per variant, the seeds in which every expectation held (with the 95% Clopper-Pearson
   * interval of the rate), and the cheapest variant that met them in the required share; empty
   * when the scenario has no expectations.
   */
  public static String expectationsText(ExpectationsMet met) {
    if (!met.any()) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    sb.append("every expectation met, per variant (seeds; 95% Clopper-Pearson interval of the "
        + "rate):\n");
    int width = 0;
    for (ExpectationsMet.Variant v : met.variants()) {
      width = Math.max(width, v.label().length());
    }
    for (ExpectationsMet.Variant v : met.variants()) {
      String line = "  " + pad(v.label(), width) + "  " + pad(v.met() + "/" + v.seeds(), 7)
          + "  " + pad(interval(v), 14) + (met.eligible(v.label()) ? ""
              : "  below the " + percent(met.require()) + " required");
      sb.append(line.stripTrailing()).append('\n');
    }
    sb.append(cheapestSentence(met)).append('\n');
    return sb.toString();
  }

  /** "cheapest variant meeting every expectation in at least 95% of seeds: b (cost …)". */
  public static String cheapestSentence(ExpectationsMet met) {
    String head = "cheapest variant meeting every expectation in at least "
        + percent(met.require()) + " of seeds: ";
    if (met.cheapest() == null) {
      return head + "none (lower the bar with --require, or change the variants)";
    }
    for (ExpectationsMet.Variant v : met.variants()) {
      if (v.label().equals(met.cheapest())) {
        return head + v.label() + " (mean cost.total " + SummaryTable.number(v.meanCost())
            + ", met in " + v.met() + " of " + v.seeds() + ")";
      }
    }
    return head + met.cheapest();
  }

  /** "[0.63%, 81%]": the pass rate's interval, to two digits. */
  static String interval(ExpectationsMet.Variant v) {
    return "[" + percent(v.low(), 2) + ", " + percent(v.high(), 2) + "]";
  }

  private static String percent(double fraction) {
    return percent(fraction, 3);
  }

  private static String percent(double fraction, int digits) {
    return Numbers.significant(fraction * 100, digits).stripTrailingZeros().toPlainString() + "%";
  }


  /**
   * "10 seeds" when every variant has as many, else "unequal seed counts (a: 10, b: 7)": the
   * seeds behind each mean, as the table and the page state them.
   */
  public static String seedsText(Comparison c) {
    if (c.rows().isEmpty()) {
      return "no measured metric";
    }
    List<Comparison.Stat> stats = c.rows().get(0).stats();
    if (c.equalSeeds()) {
      int n = stats.get(0).n();
      return n + " seed" + (n == 1 ? "" : "s");
    }
    List<String> parts = new java.util.ArrayList<>();
    for (int i = 0; i < stats.size(); i++) {
      parts.add(c.variants().get(i) + ": " + stats.get(i).n());
    }
    return "unequal seed counts (" + String.join(", ", parts) + ")";
  }

  /**
   * {@code 17.47 ± 0.87}: the half-interval to two significant digits and the mean to the same
   * decimal place (digits beyond the interval's are noise).
   */
  /**
   * A table cell for variant {@code i} of {@code row}: "17.47 ± 0.87", "0.912 [0.848, 0.961]"
   * for a share (its interval is asymmetric), the bare figure when every seed gave the same.
   */
  public static String cell(Comparison.Row row, int i) {
    Comparison.Stat st = row.stats().get(i);
    if (!st.hasInterval() || st.stdDev() == 0) {
      return SummaryTable.number(st.mean());
    }
    if (Comparison.PROPORTIONS.contains(row.metric().name())) {
      int decimals = decimals(Math.max(st.halfWidth(), 1e-12));
      return fixed(st.mean(), decimals) + " [" + fixed(st.ciLow(), decimals) + ", "
          + fixed(st.ciHigh(), decimals) + "]";
    }
    return withError(st.mean(), st.halfWidth());
  }

  private static int decimals(double half) {
    return Math.min(Math.max(0, 1 - (int) Math.floor(Math.log10(half))), 12);
  }

  private static String fixed(double v, int decimals) {
    return Numbers.fixed(v, decimals).setScale(decimals, java.math.RoundingMode.HALF_EVEN)
        .toPlainString();
  }

  static String withError(double mean, double half) {
    if (half == 0 || half <= 1e-9 * Math.abs(mean)) {
      return SummaryTable.number(mean); // every seed the same (up to rounding): no "± 0"
    }
    int decimals = Math.max(0, 1 - (int) Math.floor(Math.log10(half)));
    decimals = Math.min(decimals, 12);
    return Numbers.fixed(mean, decimals).setScale(decimals, java.math.RoundingMode.HALF_EVEN)
        .toPlainString() + " ± " + Numbers.fixed(half, decimals)
        .setScale(decimals, java.math.RoundingMode.HALF_EVEN).toPlainString();
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
