package dev.dsim.scenario;

import java.util.Objects;

/**
 * One problem in a scenario file, located for a human: file, 1-based line and column (0 when
 * unknown), JSON path ({@code tiers.web.cores}; {@code $} for the whole document), what is wrong
 * and how to fix it.
 */
public record ScenarioError(String file, int line, int column, String jsonPath, String message,
    String hint) {

  public ScenarioError {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(jsonPath, "jsonPath");
    Objects.requireNonNull(message, "message");
    hint = hint == null ? "" : hint;
  }

  /**
   * {@code scenarios/x.json:12:18: at tiers.web.cores: expected ...}, then the hint on its own
   * line when there is one.
   */
  public String format() {
    StringBuilder sb = new StringBuilder(file);
    if (line > 0) {
      sb.append(':').append(line);
      if (column > 0) {
        sb.append(':').append(column);
      }
    }
    sb.append(": at ").append(jsonPath).append(": ").append(message);
    if (!hint.isEmpty()) {
      sb.append("\n  hint: ").append(hint);
    }
    return sb.toString();
  }
}
