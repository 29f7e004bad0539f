package dev.dsim.scenario.format;

import com.fasterxml.jackson.annotation.JsonValue;

/** A key distribution by name, with its default parameters. */
public enum KeyDistName implements KeyDistribution {
  UNIFORM("uniform"),
  ZIPF("zipf");

  private final String jsonName;

  KeyDistName(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The name in scenario files. */
  @JsonValue
  public String jsonName() {
    return jsonName;
  }
}
