package dev.dsim.check;

import dev.dsim.metrics.History;
import java.util.List;

/**
 * One violation found in a history: its kind, a sentence saying what happened, and the
 * operations involved (the violating one first).
 */
public record Violation(Kind kind, String explanation, List<History.Operation> operations) {
  /** The kinds of violation the checker looks for. */
  public enum Kind {
    LOST_WRITE("lostWrite"),
    STALE_READ("staleRead"),
    CORRUPT_READ("corruptRead");

    private final String jsonName;

    Kind(String jsonName) {
      this.jsonName = jsonName;
    }

    /** The name in results.json. */
    public String jsonName() {
      return jsonName;
    }
  }

  public Violation {
    operations = List.copyOf(operations);
  }
}
