package dev.dsim.scenario;

/**
 * A variant of a scenario, typed: a JSON Merge Patch (RFC 7386) of it, written with the same
 * sections as the scenario ({@link Build#patch()}), each giving only what changes:
 * {@code patch().tier("web", stateless().nodes(1).cores(16))}. Objects merge key by key into
 * the base, anything else replaces, and the {@code without…} methods delete a key from the base
 * ({@code withoutHealthCheck()} writes {@code "healthCheck": null}). Writing a tier's kind again
 * is harmless: it is the base's.
 */
public final class ScenarioPatch extends ScenarioSections<ScenarioPatch> {
  ScenarioPatch() {
    super(true);
  }

  /** Drops the base's clients: nothing is requested. */
  public ScenarioPatch withoutClients() {
    root.putNull("clients");
    return this;
  }

  /** Drops the base's faults, scheduled and random. */
  public ScenarioPatch withoutFaults() {
    root.putNull("faults");
    return this;
  }

  /** Drops the base's expectations. */
  public ScenarioPatch withoutExpectations() {
    root.putNull("expect");
    return this;
  }
}
