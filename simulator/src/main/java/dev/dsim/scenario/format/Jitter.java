package dev.dsim.scenario.format;

import com.fasterxml.jackson.annotation.JsonValue;

/** How retry backoff is jittered. */
public enum Jitter {
  FULL("full"),
  EQUAL("equal"),
  NONE("none");

  private final String jsonName;

  Jitter(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The name in scenario files. */
  @JsonValue
  public String jsonName() {
    return jsonName;
  }
}
