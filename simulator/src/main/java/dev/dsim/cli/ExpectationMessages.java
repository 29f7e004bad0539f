package dev.dsim.cli;

import dev.dsim.report.SummaryTable;
import dev.dsim.run.RunResult;
import java.io.PrintWriter;

/** The one way every command says that an expectation failed. */
final class ExpectationMessages {
  private ExpectationMessages() {}

  /** Prints a line per failed expectation of {@code r}; true if there was one. */
  static boolean print(PrintWriter err, RunResult r) {
    boolean failed = false;
    for (RunResult.ExpectationResult e : r.expectations()) {
      if (!e.ok()) {
        failed = true;
        err.println("expectation failed: " + r.variant() + " (seed " + r.seed() + "): "
            + describe(e));
      }
    }
    return failed;
  }

  /** "consistency.lostWrites == 0, got 3". */
  static String describe(RunResult.ExpectationResult e) {
    return e.metric() + " " + e.condition() + ", got " + (e.actual() == null
        ? "nothing (not measured in this run)" : SummaryTable.number(e.actual()));
  }
}
