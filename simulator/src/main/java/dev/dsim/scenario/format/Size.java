package dev.dsim.scenario.format;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * A size in bytes as written, e.g. {@code "4KiB"}. It keeps the value as the file has it (the
 * binder parses and checks it); its schema definition, with the pattern or bounds, is {@link
 * ScalarDefinitions}'s.
 *
 * @param text the value as written
 */
@JsonClassDescription("A size in bytes: a number and B with an optional prefix, decimal (k, M, G, "
    + "T: powers of 1000) or binary (Ki, Mi, Gi, Ti: powers of 1024).")
@Schema.Examples({"\"512B\"", "\"4KiB\"", "\"64KiB\"", "\"1MiB\"", "\"10GB\""})
public record Size(@JsonValue String text) {
  /** Binds the JSON value itself (a delegating creator: no wrapping object). */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public Size {
    Objects.requireNonNull(text, "text");
  }
}
