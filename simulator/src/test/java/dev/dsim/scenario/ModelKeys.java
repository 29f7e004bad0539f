package dev.dsim.scenario;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The keys of the document model's records as Jackson names them: a component's {@code
 * JsonProperty} name, or its own, and first, for a kind of a named union ({@code "kind"}, {@code
 * "dist"}), the union's property: DocumentKeys's, which the binders use, with the test's checks
 * and shapes. The tests read key lists here instead of copying them.
 */
final class ModelKeys {
  private ModelKeys() {}

  /** The keys of one record, in component order. */
  static List<String> of(Class<?> record) {
    if (!record.isRecord()) {
      throw new IllegalArgumentException(record + " is not a record of the document model");
    }
    return DocumentKeys.of(record);
  }

  /** A component's key. */
  static String name(RecordComponent c) {
    return DocumentKeys.name(c);
  }

  /** Every key of every record a sealed interface permits, once each, in order. */
  static List<String> union(Class<?> sealed) {
    LinkedHashSet<String> keys = new LinkedHashSet<>();
    for (Class<?> c : sealed.getPermittedSubclasses()) {
      keys.addAll(of(c));
    }
    return List.copyOf(keys);
  }

  /** The records of a named union by their names ({@code JsonSubTypes}), with their keys. */
  static Map<String, List<String>> subtypes(Class<?> union) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (JsonSubTypes.Type t : union.getAnnotation(JsonSubTypes.class).value()) {
      out.put(t.name(), of(t.value()));
    }
    return out;
  }
}
