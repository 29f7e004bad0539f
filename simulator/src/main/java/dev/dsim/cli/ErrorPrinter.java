package dev.dsim.cli;

import dev.dsim.scenario.ScenarioError;
import dev.dsim.scenario.ScenarioException;
import java.io.PrintWriter;

/** Prints scenario errors the one way every command prints them. */
final class ErrorPrinter {
  private ErrorPrinter() {}

  static void print(PrintWriter err, ScenarioException e) {
    for (ScenarioError error : e.errors()) {
      err.println("error: " + error.format());
    }
    int n = e.errors().size();
    err.println(n == 1 ? "1 error; nothing was run." : n + " errors; nothing was run.");
    err.flush();
  }
}
