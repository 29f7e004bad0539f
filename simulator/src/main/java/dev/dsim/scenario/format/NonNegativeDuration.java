package dev.dsim.scenario.format;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * A duration as written, at least zero; as a distribution, a constant. It keeps the value as the
 * file has it (the binder parses and checks it); its schema definition, with the pattern or bounds,
 * is {@link ScalarDefinitions}'s.
 *
 * @param text the value as written
 */
@JsonClassDescription("A duration >= 0: a number and a unit, ns, us (or µs), ms, s, m, h or d, or parts from the largest unit down (\"1m30s\"), "
    + "e.g. \"250us\", \"2ms\", \"1.5s\", \"10m\", \"1d\".")
@Schema.Examples({"\"0s\"", "\"250us\"", "\"2ms\"", "\"30s\"", "\"5m\"", "\"2h\""})
public record NonNegativeDuration(@JsonValue String text) implements Distribution {
  /** Binds the JSON value itself (a delegating creator: no wrapping object). */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public NonNegativeDuration {
    Objects.requireNonNull(text, "text");
  }
}
