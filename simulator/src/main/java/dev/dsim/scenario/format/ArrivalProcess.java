package dev.dsim.scenario.format;

import com.fasterxml.jackson.annotation.JsonValue;

/** How open-loop clients space their requests (the binder's {@code dev.dsim.scenario.Arrival}). */
public enum ArrivalProcess {
  POISSON("poisson"),
  CONSTANT("constant");

  private final String jsonName;

  ArrivalProcess(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The name in scenario files. */
  @JsonValue
  public String jsonName() {
    return jsonName;
  }
}
