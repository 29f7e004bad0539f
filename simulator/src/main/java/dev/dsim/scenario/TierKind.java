package dev.dsim.scenario;

/** What a tier is; later kinds add stateful stores and user processes. */
public enum TierKind implements JsonEnum {
  /** Any node serves any request with CPU work only. */
  STATELESS("stateless"),
  /** A static-content server: CPU work, then one file read from the node's disk. */
  STATIC("static");

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
