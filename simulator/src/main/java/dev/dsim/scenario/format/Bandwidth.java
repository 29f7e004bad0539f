package dev.dsim.scenario.format;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * A bandwidth as written, e.g. {@code "10Gbit/s"}. It keeps the value as the file has it (the
 * binder parses and checks it); its schema definition, with the pattern or bounds, is {@link
 * ScalarDefinitions}'s.
 *
 * @param text the value as written
 */
@JsonClassDescription("A bandwidth > 0 in bit/s or B/s with an optional prefix (k, M, G, T or Ki, "
    + "Mi, Gi, Ti).")
@Schema.Examples({"\"10Gbit/s\"", "\"1Gbit/s\"", "\"100Mbit/s\"", "\"1GB/s\""})
public record Bandwidth(@JsonValue String text) {
  /** Binds the JSON value itself (a delegating creator: no wrapping object). */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public Bandwidth {
    Objects.requireNonNull(text, "text");
  }
}
