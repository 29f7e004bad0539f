package dev.dsim.report;

import dev.dsim.run.RunResult;
import dev.dsim.run.TheoryChecks;
import dev.dsim.run.theory.Inapplicable;
import dev.dsim.run.theory.Prediction;
import dev.dsim.run.theory.Theory;
import dev.dsim.run.theory.TierLoad;
import java.util.ArrayList;
import java.util.List;

/**
 * Theory beside simulation for one variant: each prediction with what the runs measured (the
 * mean over seeds with its 95% interval), the error, and whether they agree: within
 * {@link TheoryChecks#TOLERANCE} of the prediction, or the prediction inside the measured
 * interval. Then the figures no model covers, with why, and each tier's load.
 */
public final class TheoryTable {
  private TheoryTable() {}

  /** One prediction against the runs. */
  public record Row(Prediction prediction, Comparison.Stat measured, double error,
      boolean agrees) {
    /** "17.6 ± 0.1" or "17.6" (one run), in the metric's unit. */
    String measuredText() {
      if (!measured.hasInterval()) {
        return value(measured.mean());
      }
      double half = measured.halfWidth();
      return value(measured.mean()) + " ± " + (half == 0 ? "0"
          : Numbers.significant(half, 2).toPlainString());
    }
  }

  /** The rows of {@code theory} over {@code runs} (one variant's, at least one). */
  public static List<Row> rows(Theory theory, List<RunResult> runs) {
    List<Row> rows = new ArrayList<>();
    for (Prediction p : theory.predictions()) {
      double[] values = new double[runs.size()];
      boolean measured = true;
      for (int i = 0; i < values.length; i++) {
        values[i] = TheoryChecks.measured(p, runs.get(i));
        measured &= !Double.isNaN(values[i]);
      }
      if (!measured) {
        continue; // a run that did not measure it (no ok request): nothing to set beside it
      }
      Comparison.Stat st = Comparison.stat(values);
      double error = TheoryChecks.error(p, st.mean());
      boolean agrees = Math.abs(error) <= TheoryChecks.TOLERANCE
          || (st.hasInterval() && st.ciLow() <= p.value() && p.value() <= st.ciHigh());
      rows.add(new Row(p, st, error, agrees));
    }
    return rows;
  }

  /** The table for a terminal: predictions, what is not predicted, capacity. */
  public static String text(Theory theory, List<Row> rows) {
    StringBuilder sb = new StringBuilder();
    if (!rows.isEmpty()) {
      List<String[]> cells = new ArrayList<>();
      for (Row r : rows) {
        Prediction p = r.prediction();
        cells.add(new String[] {p.metric(), p.subject(), value(p.value()), r.measuredText(),
            percent(r.error()), verdict(r)});
      }
      columns(sb, new String[] {"metric", "of", "theory", "simulated", "error", ""}, cells);
      // Each model once, with the figures it predicts and what it assumes.
      List<String> seen = new ArrayList<>();
      for (Row r : rows) {
        Prediction p = r.prediction();
        String key = p.model() + "\u0000" + p.assumptions();
        if (seen.contains(key)) {
          continue;
        }
        seen.add(key);
        List<String> metrics = new ArrayList<>();
        for (Row o : rows) {
          Prediction q = o.prediction();
          if ((q.model() + "\u0000" + q.assumptions()).equals(key)) {
            metrics.add(q.metric() + (q.subject().equals("end to end") ? ""
                : " of " + q.subject()));
          }
        }
        sb.append(String.join(", ", metrics)).append(": ").append(p.model())
            .append(p.exact() ? "" : " (an approximation)").append('\n');
        for (String a : p.assumptions()) {
          sb.append("    - ").append(a).append('\n');
        }
      }
    }
    if (!theory.inapplicable().isEmpty()) {
      sb.append("not predicted:\n");
      for (Inapplicable i : theory.inapplicable()) {
        sb.append("  ").append(i.metric()).append(" (").append(i.subject()).append("): ")
            .append(i.reason()).append('\n');
      }
    }
    if (!theory.loads().isEmpty()) {
      sb.append("capacity:\n");
      for (TierLoad l : theory.loads()) {
        sb.append("  ").append(l.tier()).append(": offered ")
            .append(value(l.offeredPerSecond())).append("/s, capacity ")
            .append(value(l.capacityPerSecond())).append("/s (load ")
            .append(load(l.loadFactor())).append("; ")
            .append(l.perRequest()).append(')').append(l.overloaded() ? "  OVERLOADED" : "")
            .append('\n');
      }
    }
    return sb.toString();
  }

  /** The same as an HTML section of a report page. */
  static void html(Html html, String title, Theory theory, List<Row> rows) {
    html.h3(title);
    if (!rows.isEmpty()) {
      List<String[]> cells = new ArrayList<>();
      for (Row r : rows) {
        Prediction p = r.prediction();
        cells.add(new String[] {p.metric(), p.subject(),
            p.model() + (p.exact() ? "" : " (approximation)"), value(p.value()),
            r.measuredText(), percent(r.error()), r.agrees() ? "yes" : "NO",
            String.join("; ", p.assumptions())});
      }
      html.table(new String[] {"metric", "of", "model", "theory", "simulated", "error",
          "agrees", "assumptions"}, cells);
    }
    if (!theory.inapplicable().isEmpty()) {
      List<String[]> cells = new ArrayList<>();
      for (Inapplicable i : theory.inapplicable()) {
        cells.add(new String[] {i.metric(), i.subject(), i.reason()});
      }
      html.p("Not predicted, and why:");
      html.table(new String[] {"metric", "of", "why no model applies"}, cells);
    }
    for (String w : theory.warnings()) {
      html.warning(w);
    }
  }

  /** Left-aligned columns under a header and a rule. */
  private static void columns(StringBuilder sb, String[] header, List<String[]> rows) {
    int[] widths = new int[header.length];
    List<String[]> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    for (String[] row : all) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (int r = 0; r < all.size(); r++) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < header.length; i++) {
        String v = all.get(r)[i];
        line.append(v).append(" ".repeat(widths[i] - v.length() + 2));
      }
      sb.append(line.toString().stripTrailing()).append('\n');
      if (r == 0) {
        int total = -2;
        for (int w : widths) {
          total += w + 2;
        }
        sb.append("-".repeat(total)).append('\n');
      }
    }
  }

  private static String verdict(Row r) {
    return r.agrees() ? "agrees" + (r.prediction().exact() ? "" : " (approx.)")
        : "DIFFERS" + (r.prediction().exact() ? "" : " (approx.)");
  }

  /** A figure with five significant digits, plainly. */
  static String value(double v) {
    return Double.isNaN(v) ? "n/a" : Numbers.significant(v, 5).toPlainString();
  }

  /** A tier's load as a percentage, to three digits: 125%, not the error column's 120%. */
  static String load(double fraction) {
    return Numbers.significant(fraction * 100, 3).toPlainString() + "%";
  }

  private static String percent(double fraction) {
    if (Double.isNaN(fraction)) {
      return "n/a";
    }
    String s = Numbers.significant(fraction * 100, 2).toPlainString() + "%";
    return fraction > 0 ? "+" + s : s;
  }
}
