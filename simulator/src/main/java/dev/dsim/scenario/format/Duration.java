package dev.dsim.scenario.format;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * A duration as written, signed: a number and a unit. It keeps the value as the file has it (the
 * binder parses and checks it); its schema definition, with the pattern or bounds, is {@link
 * ScalarDefinitions}'s.
 *
 * @param text the value as written
 */
@JsonClassDescription("A duration: a number and a unit, ns, us (or µs), ms, s, m, h or d; decimals "
    + "and a sign allowed, e.g. \"250us\", \"1.5s\", \"-2s\", or parts from the largest unit "
    + "down, \"1m30s\". Numbers without a unit are errors.")
@Schema.Examples({"\"250us\"", "\"2ms\"", "\"30s\"", "\"5m\"", "\"2h\"", "\"1d\"", "\"-2s\"",
    "\"1m30s\""})
public record Duration(@JsonValue String text) {
  /** Binds the JSON value itself (a delegating creator: no wrapping object). */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public Duration {
    Objects.requireNonNull(text, "text");
  }
}
