package dev.dsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsim.scenario.format.Tier.ProcessTier;
import dev.dsim.world.Process;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds the keys of a {@code "kind": "process"} tier: {@code class} (a {@link Process} found
 * through the thread's context class loader, which {@code dsim run --classpath} extends) and
 * {@code settings}. A class that is missing, is not a Process, or cannot be constructed is a
 * located error, like any other; so is a constructor that throws on these settings (it is called
 * once here, as each node will call it).
 */
final class ProcessBinder {
  private final Problems problems;

  ProcessBinder(Problems problems) {
    this.problems = problems;
  }

  /** The process settings of a process tier (null after an error). */
  @SuppressWarnings("unchecked")
  ProcessSpec bind(ProcessTier t, String path, String tier) {
    String name = t.className();
    if (name.isEmpty()) {
      return null;
    }
    Class<?> type;
    try {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      type = Class.forName(name, false, loader != null ? loader
          : ProcessBinder.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      error(path, "class", "no class " + name + " on the classpath",
          "compile it and pass its directory or jar with --classpath (dsim run --classpath "
              + "target/classes ...); check the package name");
      return null;
    }
    if (!Process.class.isAssignableFrom(type)) {
      error(path, "class", name + " is not a dev.dsim.world.Process", "implement "
          + "dev.dsim.world.Process (onStart, onMessage, onTimer)");
      return null;
    }
    Class<? extends Process> process = (Class<? extends Process>) type;
    if (Modifier.isAbstract(type.getModifiers()) || !Modifier.isPublic(type.getModifiers())
        || !ProcessSpec.constructible(process)) {
      error(path, "class", name + " cannot be instantiated by dsim",
          "make it a public, non-abstract class with a public constructor taking a "
              + "Map<String, Object> (the settings) or nothing");
      return null;
    }
    Map<String, Object> settings = Map.of();
    JsonNode s = t.settings();
    if (s != null) {
      int values = count(s, Limits.SETTINGS_VALUES + 1);
      if (values > Limits.SETTINGS_VALUES) {
        error(path, "settings", "at most " + Limits.count(Limits.SETTINGS_VALUES) + " values in "
            + "settings, got more", "every node's constructor gets the whole map: keep data "
            + "sets in a file the class reads");
        return null;
      }
      settings = (Map<String, Object>) value(s);
    }
    ProcessSpec spec = new ProcessSpec(process, settings);
    try {
      spec.instantiate();
    } catch (ProcessConstructionException e) {
      error(path, s != null ? "settings" : "class", e.inTier(tier).getMessage(),
          "the constructor of " + name + " rejects these settings (or fails whatever they are): "
              + "fix the settings, or the class");
      return null;
    }
    return spec;
  }

  /** Values in a tree (objects and arrays count too), counting no further than {@code stop}. */
  private static int count(JsonNode n, int stop) {
    int c = 1;
    for (Iterator<JsonNode> it = n.elements(); it.hasNext() && c < stop; ) {
      c += count(it.next(), stop - c);
    }
    return c;
  }

  /**
   * The JSON value as the constructor gets it: objects as maps in file order, arrays as lists,
   * null as null, whole numbers as Long (BigInteger beyond), others as BigDecimal.
   */
  private static Object value(JsonNode n) {
    if (n.isObject()) {
      Map<String, Object> m = new LinkedHashMap<>();
      n.fields().forEachRemaining(e -> m.put(e.getKey(), value(e.getValue())));
      return m;
    }
    if (n.isArray()) {
      List<Object> l = new ArrayList<>();
      n.elements().forEachRemaining(e -> l.add(value(e)));
      return l;
    }
    if (n.isNull()) {
      return null;
    }
    if (n.isNumber()) {
      return n.numberValue();
    }
    return n.isBoolean() ? (Object) n.booleanValue() : n.asText();
  }

  private void error(String path, String key, String message, String hint) {
    problems.atValue(Paths.child(path, key), message, hint);
  }
}
