package dev.dsim.scenario;

/** How the load balancer picks a backend. */
public enum LbPolicy implements JsonEnum {
  ROUND_ROBIN("round-robin"),
  RANDOM("random"),
  LEAST_OUTSTANDING("least-outstanding"),
  POWER_OF_TWO_CHOICES("power-of-two-choices");

  private final String jsonName;

  LbPolicy(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The name used in scenario files. */
  @Override
  public String jsonName() {
    return jsonName;
  }
}
