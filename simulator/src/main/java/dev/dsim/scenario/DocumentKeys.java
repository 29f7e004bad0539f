package dev.dsim.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.dsim.scenario.format.Schema;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys of the document model's records ({@code dev.dsim.scenario.format}) as Jackson names
 * them: a component's {@code JsonProperty} name, or its own; a kind of a named union ({@code
 * "kind"}, {@code "dist"}) has the union's property first. Key lists in messages ("allowed
 * keys here: ...") come from here, so a key added to a record is known everywhere at once.
 */
final class DocumentKeys {
  private DocumentKeys() {}

  /**
   * Reflection is slow next to reading a value, and a file may hold 10,000 faults read one by
   * one: each class's keys are worked out once.
   */
  private static final ClassValue<List<String>> KEYS = new ClassValue<>() {
    @Override
    protected List<String> computeValue(Class<?> type) {
      return keysOf(type);
    }
  };

  /** The components of a record with what the reader needs of each, worked out once. */
  record Key(RecordComponent component, String name, boolean required, String description,
      String example, boolean isValue) {}

  private static final ClassValue<List<Key>> COMPONENTS = new ClassValue<>() {
    @Override
    protected List<Key> computeValue(Class<?> type) {
      List<Key> out = new ArrayList<>();
      for (RecordComponent c : type.getRecordComponents()) {
        out.add(new Key(c, name(c), required(c), description(c), example(c),
            c.getAccessor().isAnnotationPresent(com.fasterxml.jackson.annotation.JsonValue.class)));
      }
      return List.copyOf(out);
    }
  };

  /** The keys of one record, in component order. */
  static List<String> of(Class<?> record) {
    return KEYS.get(record);
  }

  /** A record's components, with their keys and annotations. */
  static List<Key> components(Class<?> record) {
    return COMPONENTS.get(record);
  }

  private static List<String> keysOf(Class<?> record) {
    List<String> keys = new ArrayList<>();
    for (Class<?> union : record.getInterfaces()) {
      JsonTypeInfo info = union.getAnnotation(JsonTypeInfo.class);
      if (info != null && info.use() == JsonTypeInfo.Id.NAME) {
        keys.add(info.property());
      }
    }
    if (record.isRecord()) {
      for (RecordComponent c : record.getRecordComponents()) {
        keys.add(name(c));
      }
    }
    return List.copyOf(keys);
  }

  /** A component's key. */
  static String name(RecordComponent c) {
    JsonProperty p = c.getAccessor().getAnnotation(JsonProperty.class);
    return p != null && !p.value().isEmpty() ? p.value() : c.getName();
  }

  /** True when the document must give the component's key. */
  static boolean required(RecordComponent c) {
    JsonProperty p = c.getAccessor().getAnnotation(JsonProperty.class);
    return p != null && p.required();
  }

  /** What the component's key is for, as the schema says it; "" if it says nothing. */
  static String description(RecordComponent c) {
    JsonPropertyDescription d = c.getAccessor().getAnnotation(JsonPropertyDescription.class);
    return d == null ? "" : d.value();
  }

  /** The component's first example value, as JSON; "" if it has none. */
  static String example(RecordComponent c) {
    Schema.Examples e = c.getAccessor().getDeclaringClass().isRecord()
        ? field(c).getAnnotation(Schema.Examples.class) : null;
    return e == null || e.value().length == 0 ? "" : e.value()[0];
  }

  private static java.lang.reflect.Field field(RecordComponent c) {
    try {
      return c.getDeclaringRecord().getDeclaredField(c.getName());
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(c + " has no field", e);
    }
  }

  /** The records of a named union by their names ({@code JsonSubTypes}), in declared order. */
  static Map<String, Class<?>> subtypes(Class<?> union) {
    return SUBTYPES.get(union);
  }

  private static final ClassValue<Map<String, Class<?>>> SUBTYPES = new ClassValue<>() {
    @Override
    protected Map<String, Class<?>> computeValue(Class<?> union) {
      Map<String, Class<?>> out = new LinkedHashMap<>();
      for (JsonSubTypes.Type t : union.getAnnotation(JsonSubTypes.class).value()) {
        out.put(t.name(), t.value());
      }
      return java.util.Collections.unmodifiableMap(out);
    }
  };
}
