package dev.dsim.scenario;

/** What a tier is; later kinds add stateful stores and user processes. */
public enum TierKind implements JsonEnum {
  STATELESS("stateless");

  private final String jsonName;

  TierKind(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The name used in scenario files. */
  @Override
  public String jsonName() {
    return jsonName;
  }
}
