package dev.dsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsim.world.Process;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;

/**
 * Binds the keys of a {@code "kind": "process"} tier: {@code class} (a {@link Process} found
 * through the thread's context class loader, which {@code dsim run --classpath} extends) and
 * {@code settings}. A class that is missing, is not a Process, or cannot be constructed is a
 * located error, like any other.
 */
final class ProcessBinder {
  static final List<String> KEYS = List.of("class", "settings");
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Problems problems;

  ProcessBinder(Problems problems) {
    this.problems = problems;
  }

  /** The process settings of a process tier (null after an error). */
  @SuppressWarnings("unchecked")
  ProcessSpec bind(Fields f) {
    if (!f.has("class")) {
      f.missing("class", "the Process class each node runs, by its full name",
          "\"com.example.MyNode\"");
      return null;
    }
    String name = f.string("class", "");
    if (name.isEmpty()) {
      return null;
    }
    Class<?> type;
    try {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      type = Class.forName(name, false, loader != null ? loader
          : ProcessBinder.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      f.error("class", "no class " + name + " on the classpath",
          "compile it and pass its directory or jar with --classpath (dsim run --classpath "
              + "target/classes ...); check the package name");
      return null;
    }
    if (!Process.class.isAssignableFrom(type)) {
      f.error("class", name + " is not a dev.dsim.world.Process", "implement "
          + "dev.dsim.world.Process (onStart, onMessage, onTimer)");
      return null;
    }
    Class<? extends Process> process = (Class<? extends Process>) type;
    if (Modifier.isAbstract(type.getModifiers()) || !Modifier.isPublic(type.getModifiers())
        || !ProcessSpec.constructible(process)) {
      f.error("class", name + " cannot be instantiated by dsim",
          "make it a public, non-abstract class with a public constructor taking a "
              + "Map<String, Object> (the settings) or nothing");
      return null;
    }
    Map<String, Object> settings = Map.of();
    if (f.has("settings")) {
      JsonNode s = f.raw("settings");
      if (!s.isObject()) {
        f.error("settings", "expected an object, got " + Fields.describe(s),
            "e.g. \"settings\": {\"electionTimeout\": \"150ms\"}");
      } else {
        settings = JSON.convertValue(s, Map.class);
      }
    }
    return new ProcessSpec(process, settings);
  }

  /** Rejects the process keys on a tier of another kind. */
  void rejectOn(Fields f, TierKind kind) {
    for (String key : KEYS) {
      if (f.has(key)) {
        f.error(key, "'" + key + "' is for tiers of kind \"process\"",
            "drop it, or set \"kind\": \"process\"");
      }
    }
  }
}
