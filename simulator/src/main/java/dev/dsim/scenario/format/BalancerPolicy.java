package dev.dsim.scenario.format;

import com.fasterxml.jackson.annotation.JsonValue;

/** How the load balancer picks a backend (the binder's {@code dev.dsim.scenario.LbPolicy}). */
public enum BalancerPolicy {
  ROUND_ROBIN("round-robin"),
  RANDOM("random"),
  LEAST_OUTSTANDING("least-outstanding"),
  POWER_OF_TWO_CHOICES("power-of-two-choices");

  private final String jsonName;

  BalancerPolicy(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The name in scenario files. */
  @JsonValue
  public String jsonName() {
    return jsonName;
  }
}
