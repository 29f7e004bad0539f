package dev.dsim.scenario;

/** How clients space their requests: a Poisson process or evenly. */
public enum Arrival implements JsonEnum {
  POISSON("poisson"),
  CONSTANT("constant");

  private final String jsonName;

  Arrival(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The name used in scenario files. */
  @Override
  public String jsonName() {
    return jsonName;
  }
}
