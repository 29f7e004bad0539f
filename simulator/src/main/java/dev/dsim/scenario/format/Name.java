package dev.dsim.scenario.format;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * A name that becomes node and directory names: letters, digits, '-' and '_'. It keeps the value as
 * the file has it (the binder parses and checks it); its schema definition, with the pattern or
 * bounds, is {@link ScalarDefinitions}'s.
 *
 * @param text the value as written
 */
@JsonClassDescription("A name of letters, digits, '-' and '_', at most 64 characters (it becomes "
    + "node and directory names).")
public record Name(@JsonValue String text) {
  /** Binds the JSON value itself (a delegating creator: no wrapping object). */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public Name {
    Objects.requireNonNull(text, "text");
  }
}
