package dev.dsim.scenario;

/**
 * Where the README describes the key at a JSON path, for the hint of an error that has no
 * more specific one: the section that really explains it, not a file that only lists the
 * limits. {@code KeyReferenceTest} checks that every key of the format is named in the section
 * this gives for it, so the hint stays true as the README changes.
 */
final class KeyReference {
  /** The section describing every key of a scenario, apart from those below. */
  static final String SCENARIO = "A scenario";
  /** Expectations name results.json's metrics by their dotted names. */
  static final String RESULTS = "How to read results.json";
  /** A process tier's class and settings are the user's own code. */
  static final String PROCESS = "Writing your own process";
  /** faults.swarm turns on swarm testing. */
  static final String SWARM = "Swarm testing";

  private KeyReference() {}

  /** The README section describing the key at {@code path} ("tiers.web.cores", "expect"). */
  static String section(String path) {
    String p = path == null ? "" : path;
    if (p.equals("expect") || p.startsWith("expect.")) {
      return RESULTS;
    }
    if (p.equals("faults.swarm")) {
      return SWARM;
    }
    if (p.startsWith("tiers.") && (p.endsWith(".class") || p.contains(".settings"))) {
      return PROCESS;
    }
    return SCENARIO;
  }

  /** The hint: the README's section, and the schema for every key. */
  static String hint(String path) {
    return "README.md, section \"" + section(path) + "\", describes what this key accepts ("
        + "'dsim schema' lists every key)";
  }
}
