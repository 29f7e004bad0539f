package dev.dsim.report;

import dev.dsim.engine.Durations;
import dev.dsim.run.CompletedRun;
import dev.dsim.run.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The terminal summary of one or more runs: a row per run (variant, seed), aligned columns,
 * figures rounded for reading. Wall-clock speed appears here and nowhere in results.json.
 */
public final class SummaryTable {
  private static final String[] HEADER = {
    "variant", "seed", "requests", "ok", "corrupt", "avail", "tput/s", "mean ms", "p50 ms",
    "p99 ms", "p999 ms", "cost/h", "sim time", "events", "events/s", "traceHash"
  };

  private SummaryTable() {}

  /** The table as text, one line per run plus a header and a rule, ending with a newline. */
  public static String render(List<CompletedRun> runs) {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADER);
    for (CompletedRun run : runs) {
      rows.add(row(run));
    }
    int[] widths = new int[HEADER.length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      appendRow(sb, rows.get(r), widths);
      if (r == 0) {
        int total = 0;
        for (int w : widths) {
          total += w + 2;
        }
        sb.append("-".repeat(total - 2)).append('\n');
      }
    }
    appendConsistency(sb, runs);
    appendExpectations(sb, runs);
    return sb.toString();
  }

  /** What the checkers found, per run that stores data. */
  private static void appendConsistency(StringBuilder sb, List<CompletedRun> runs) {
    int width = variantWidth(runs);
    boolean header = false;
    for (CompletedRun run : runs) {
      RunResult.Consistency c = run.result().consistency();
      if (c == null) {
        continue;
      }
      if (!header) {
        sb.append("consistency (checked over the client history):\n");
        header = true;
      }
      sb.append("  ").append(pad(run.result().variant(), width))
          .append("  lost writes ").append(c.lostWrites())
          .append(", stale reads ").append(c.staleReads())
          .append(", corrupt reads ").append(c.corruptReads());
      if (c.unverifiedKeys() > 0) {
        sb.append(", unverified keys ").append(c.unverifiedKeys());
      }
      sb.append(", linearizable ").append(switch (c.linearizability().verdict()) {
        case "true" -> "yes";
        case "false" -> "no (key " + c.linearizability().key() + ")";
        default -> "unknown";
      });
      sb.append('\n');
    }
  }

  /** Each expectation, judged. */
  private static void appendExpectations(StringBuilder sb, List<CompletedRun> runs) {
    int width = variantWidth(runs);
    boolean header = false;
    for (CompletedRun run : runs) {
      for (RunResult.ExpectationResult e : run.result().expectations()) {
        if (!header) {
          sb.append("expect:\n");
          header = true;
        }
        sb.append("  ").append(pad(run.result().variant(), width)).append("  ")
            .append(e.metric()).append(' ').append(e.condition()).append(": ")
            .append(e.ok() ? "ok" : "FAILED").append(" (")
            .append(e.actual() == null ? "not measured" : number(e.actual())).append(")\n");
      }
    }
  }

  private static int variantWidth(List<CompletedRun> runs) {
    int w = 0;
    for (CompletedRun run : runs) {
      w = Math.max(w, run.result().variant().length());
    }
    return w;
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(width - s.length());
  }

  /** A number as people read it: whole numbers bare, others to six significant digits. */
  public static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return new java.math.BigDecimal(v).round(new java.math.MathContext(6))
        .stripTrailingZeros().toPlainString();
  }

  private static void appendRow(StringBuilder sb, String[] row, int[] widths) {
    for (int i = 0; i < row.length; i++) {
      boolean left = i == 0 || i == row.length - 1;
      String cell = row[i];
      String pad = " ".repeat(widths[i] - cell.length());
      sb.append(left ? cell + pad : pad + cell);
      if (i < row.length - 1) {
        sb.append("  ");
      }
    }
    sb.setLength(sb.length() - trailingSpaces(sb));
    sb.append('\n');
  }

  private static int trailingSpaces(StringBuilder sb) {
    int n = 0;
    while (n < sb.length() && sb.charAt(sb.length() - 1 - n) == ' ') {
      n++;
    }
    return n;
  }

  private static String[] row(CompletedRun run) {
    RunResult r = run.result();
    RunResult.LatencyMs l = r.latencyMs();
    return new String[] {
      r.variant(),
      Long.toString(r.seed()),
      Long.toString(r.requests().total()),
      Long.toString(r.requests().ok()),
      Long.toString(r.requests().corrupt()),
      percent(r.availability()),
      fmt("%.1f", r.throughputPerSecond()),
      ms(l.mean()), ms(l.p50()), ms(l.p99()), ms(l.p999()),
      fmt("%.2f", r.cost().perHour()),
      Durations.format(Math.round(r.simulated().seconds() * 1e9)),
      Long.toString(r.simulated().events()),
      compact(run.eventsPerWallSecond()),
      r.traceHash()
    };
  }

  static String percent(double fraction) {
    if (fraction == 1.0) {
      return "100%";
    }
    // Enough digits that 99.95% is not shown as 100%.
    return fmt("%.3f%%", Math.floor(fraction * 100_000) / 1000);
  }

  static String ms(double v) {
    return v >= 100 ? fmt("%.1f", v) : v >= 1 ? fmt("%.2f", v) : fmt("%.3f", v);
  }

  static String compact(double v) {
    if (v >= 1e6) {
      return fmt("%.2fM", v / 1e6);
    }
    if (v >= 1e3) {
      return fmt("%.1fk", v / 1e3);
    }
    return fmt("%.0f", v);
  }

  private static String fmt(String format, double v) {
    return String.format(Locale.ROOT, format, v);
  }
}
