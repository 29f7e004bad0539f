package dev.dsim.scenario.format;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a slow fault slows. */
public enum SlowResource {
  CPU("cpu"),
  DISK("disk"),
  BOTH("both");

  private final String jsonName;

  SlowResource(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The name in scenario files. */
  @JsonValue
  public String jsonName() {
    return jsonName;
  }
}
