package dev.dsim.scenario.format;

import com.fasterxml.jackson.annotation.JsonValue;

/** When a kv tier's writes reach the disk: a {@link FsyncMode} by name, or a period. */
public sealed interface Fsync permits Fsync.FsyncMode, PositiveDuration {
  /** {@code "always"} (before acknowledging) or {@code "never"}. */
  enum FsyncMode implements Fsync {
    ALWAYS("always"),
    NEVER("never");

    private final String jsonName;

    FsyncMode(String jsonName) {
      this.jsonName = jsonName;
    }

    /** The name in scenario files. */
    @JsonValue
    public String jsonName() {
      return jsonName;
    }
  }
}
