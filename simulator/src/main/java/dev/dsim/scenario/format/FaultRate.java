package dev.dsim.scenario.format;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * How often a random fault strikes, as written: a number per second or {@code "N/<duration>"}
 * (a number binds as its text). Its schema (number or pattern) is {@link ScalarDefinitions}'s.
 *
 * @param text the rate as written
 */
@JsonClassDescription("Faults per time: a number per second, or \"N/<duration>\" such as "
    + "\"1/h\", \"6/d\" or \"2/10m\" (the inverse of mtbf).")
@Schema.Examples({"\"1/h\"", "\"6/d\"", "0.01"})
public record FaultRate(@JsonValue String text) {
  /** Binds the JSON value itself. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public FaultRate {
    Objects.requireNonNull(text, "text");
  }
}
