package dev.dsim.scenario.format;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a kv tier maps shards to nodes. */
public enum Placement {
  CONSISTENT("consistent"),
  HASH("hash");

  private final String jsonName;

  Placement(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The name in scenario files. */
  @JsonValue
  public String jsonName() {
    return jsonName;
  }
}
