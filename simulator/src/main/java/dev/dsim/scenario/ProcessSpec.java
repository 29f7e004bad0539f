package dev.dsim.scenario;

import dev.dsim.world.Process;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A tier of the user's own processes ({@code "kind": "process"}): the class each node runs, found
 * on the classpath ({@code dsim run --classpath}), and the {@code settings} object handed to its
 * constructor.
 *
 * @param type a {@link Process} with a public constructor taking a {@code Map<String, Object>}
 *     (the settings) or taking nothing
 * @param settings the tier's {@code "settings"} (empty when absent): strings, numbers (Long,
 *     BigInteger or BigDecimal), booleans, null, lists and maps; kept in the file's order and
 *     deeply unmodifiable, so every node (and every JVM) sees the same map
 */
public record ProcessSpec(Class<? extends Process> type, Map<String, Object> settings) {
  @SuppressWarnings("unchecked")
  public ProcessSpec {
    Objects.requireNonNull(type, "type");
    // Not Map.copyOf: it rejects null values and iterates in an order that changes from JVM to
    // JVM, which a user's constructor would see.
    settings = (Map<String, Object>) frozen(Objects.requireNonNull(settings, "settings"));
  }

  /** A deeply unmodifiable copy of a settings value, maps and lists in their own order. */
  private static Object frozen(Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        copy.put(e.getKey(), frozen(e.getValue()));
      }
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof List<?> l) {
      List<Object> copy = new ArrayList<>(l.size());
      for (Object o : l) {
        copy.add(frozen(o));
      }
      return Collections.unmodifiableList(copy);
    }
    return value;
  }

  /**
   * A fresh instance for a node (at start, and again at each restart).
   *
   * @throws ProcessConstructionException when the constructor (or the class's static
   *     initializer) throws; its tier is not known here
   */
  public Process instantiate() {
    try {
      Constructor<? extends Process> withSettings = settingsConstructor(type);
      if (withSettings != null) {
        return withSettings.newInstance(settings);
      }
      return type.getConstructor().newInstance();
    } catch (InvocationTargetException e) {
      throw new ProcessConstructionException(null, type.getName(), e.getCause());
    } catch (ExceptionInInitializerError e) {
      throw new ProcessConstructionException(null, type.getName(),
          e.getCause() != null ? e.getCause() : e);
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new ProcessConstructionException(null, type.getName(), e);
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
