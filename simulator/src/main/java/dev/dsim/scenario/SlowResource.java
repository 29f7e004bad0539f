package dev.dsim.scenario;

/** What a slow fault slows ({@code "resource"} of a slow fault): the CPU, the disk or both. */
public enum SlowResource implements JsonEnum {
  CPU("cpu"),
  DISK("disk"),
  BOTH("both");

  private final String jsonName;

  SlowResource(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The name used in scenario files. */
  @Override
  public String jsonName() {
    return jsonName;
  }
}
