package dev.dsim.scenario.format;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A probability between 0 and 1. It keeps the value as the file has it (the binder parses and
 * checks it); its schema definition, with the pattern or bounds, is {@link ScalarDefinitions}'s.
 *
 * @param value the value as written
 */
@JsonClassDescription("A probability between 0 and 1.")
@Schema.Examples({"0.001", "0.01"})
public record Probability(@JsonValue double value) {
  /** Binds the JSON value itself (a delegating creator: no wrapping object). */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public Probability {
  }
}
