package dev.dsim.scenario;

/** What a tier is: a building block of dsim's, or the user's own processes. */
public enum TierKind implements JsonEnum {
  /** Any node serves any request with CPU work only. */
  STATELESS("stateless"),
  /** A static-content server: CPU work, then one file read from the node's disk. */
  STATIC("static"),
  /** A replicated, sharded key-value store: the stateful tier. */
  KV("kv"),
  /** The user's own {@code Process} class on every node ({@code "class"}, {@code "settings"}). */
  PROCESS("process");

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
