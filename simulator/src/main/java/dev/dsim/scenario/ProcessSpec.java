package dev.dsim.scenario;

import dev.dsim.world.Process;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.Objects;

/**
 * A tier of the user's own processes ({@code "kind": "process"}): the class each node runs, found
 * on the classpath ({@code dsim run --classpath}), and the {@code settings} object handed to its
 * constructor.
 *
 * @param type a {@link Process} with a public constructor taking a {@code Map<String, Object>}
 *     (the settings: strings, numbers, booleans, lists and maps) or taking nothing
 * @param settings the tier's {@code "settings"} (empty when absent)
 */
public record ProcessSpec(Class<? extends Process> type, Map<String, Object> settings) {
  public ProcessSpec {
    Objects.requireNonNull(type, "type");
    settings = Map.copyOf(settings);
  }

  /** A fresh instance for a node (at start, and again at each restart). */
  public Process instantiate() {
    try {
      Constructor<? extends Process> withSettings = settingsConstructor(type);
      if (withSettings != null) {
        return withSettings.newInstance(settings);
      }
      return type.getConstructor().newInstance();
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(type.getName() + "'s constructor failed", cause);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot instantiate " + type.getName(), e);
    }
  }

  /** The public (Map) constructor, or null. */
  static Constructor<? extends Process> settingsConstructor(Class<? extends Process> type) {
    try {
      return type.getConstructor(Map.class);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  /** Whether {@code type} can be built: a public (Map) or () constructor. */
  static boolean constructible(Class<? extends Process> type) {
    if (settingsConstructor(type) != null) {
      return true;
    }
    try {
      type.getConstructor();
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }
}
