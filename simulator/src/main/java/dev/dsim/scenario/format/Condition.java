package dev.dsim.scenario.format;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * An expectation's condition as written, e.g. {@code ">= 0.999"}. It keeps the value as the file
 * has it (the binder parses and checks it); its schema definition, with the pattern or bounds, is
 * {@link ScalarDefinitions}'s.
 *
 * @param text the value as written
 */
@JsonClassDescription("A comparison (>=, >, <=, <, ==, !=) and a number.")
@Schema.Examples({"\">= 0.999\"", "\"== 0\"", "\"< 200\""})
public record Condition(@JsonValue String text) {
  /** Binds the JSON value itself (a delegating creator: no wrapping object). */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public Condition {
    Objects.requireNonNull(text, "text");
  }
}
