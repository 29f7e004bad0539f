package dev.dsim.scenario;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.module.SimpleDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsim.scenario.format.ClientRate;
import dev.dsim.scenario.format.Distribution;
import dev.dsim.scenario.format.Fsync;
import dev.dsim.scenario.format.KeyDistName;
import dev.dsim.scenario.format.KeyDistribution;
import dev.dsim.scenario.format.ScheduledFault;
import dev.dsim.scenario.format.Tier;
import dev.dsim.scenario.format.VariantPatch;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The document's unions, each read by its shape: a tier by its "kind", a distribution by its
 * "dist" (or a bare duration), a scheduled fault by the one kind key it has, and the scalar or
 * object ones (fsync, keyDist, rate); and every enum by its JSON name. A kind's record is read
 * from the subtree, its paths kept by {@link ReadContext#within}.
 */
final class DocumentUnions {
  private DocumentUnions() {}

  static SimpleModule module() {
    SimpleModule m = new SimpleModule("dsim-document-unions");
    m.setDeserializers(new Enums()); // first: it holds the deserializers added below too
    DocumentValues.add(m, Tier.class, (v, at, read, c) -> named(v, at, read, c, Tier.class,
        "kind", "\"stateless\""));
    DocumentValues.add(m, Distribution.class, (v, at, read, c) -> v.isTextual()
        ? DocumentValues.nonNegative(v, at, read)
        : v.isObject() ? named(v, at, read, c, Distribution.class, "dist", "\"exponential\"")
        : DocumentValues.wrong(read, at, "a duration or a distribution {\"dist\": ...}", v,
            "e.g. \"5ms\" or {\"dist\": \"exponential\", \"mean\": \"8ms\"}"));
    DocumentValues.add(m, ScheduledFault.class, DocumentUnions::scheduled);
    DocumentValues.add(m, Fsync.class, (v, at, read, c) -> {
      for (Fsync.FsyncMode mode : Fsync.FsyncMode.values()) {
        if (v.isTextual() && v.textValue().equals(mode.jsonName())) {
          return mode;
        }
      }
      return v.isTextual() && !v.textValue().isEmpty()
          && Character.isDigit(v.textValue().trim().charAt(0))
          ? read.within(at, () -> c.readTreeAsValue(v,
              dev.dsim.scenario.format.PositiveDuration.class))
          : DocumentValues.wrong(read, at, "\"always\", \"never\" or a duration", v, "");
    });
    DocumentValues.add(m, KeyDistribution.class, (v, at, read, c) -> v.isObject()
        ? read.within(at, () -> c.readTreeAsValue(v, KeyDistribution.KeyDist.class))
        : read.within(at, () -> c.readTreeAsValue(v, KeyDistName.class)));
    DocumentValues.add(m, ClientRate.class, (v, at, read, c) -> {
      if (v.isNumber() && v.doubleValue() > 0) {
        return new ClientRate.RequestRate(v.doubleValue());
      }
      if (v.isArray() && !v.isEmpty()) {
        return read.within(at, () -> c.readTreeAsValue(v, ClientRate.RateSchedule.class));
      }
      return DocumentValues.wrong(read, at, "a rate > 0 or a list of rate steps", v, "");
    });
    DocumentValues.add(m, VariantPatch.class, (v, at, read, c) -> v.isObject()
        ? new VariantPatch((ObjectNode) v)
        : DocumentValues.wrong(read, at, "a merge patch object", v, ""));
    return m;
  }

  /** A union named by its {@code property}: the record of that name, read without it. */
  private static <T> T named(JsonNode v, String at, ReadContext read,
      DeserializationContext c, Class<T> union, String property, String example)
      throws IOException {
    if (!v.isObject()) {
      return DocumentValues.wrong(read, at, "an object { ... }", v, "this key takes an object "
          + "of settings in braces; see dsim schema for its keys");
    }
    Map<String, Class<?>> kinds = DocumentKeys.subtypes(union);
    JsonNode name = v.get(property);
    String path = Paths.child(at, property);
    if (name == null || name.isNull()) {
      read.atValue(at, "missing required key '" + property + "' (one of " + String.join(", ",
          kinds.keySet()) + ")", "add for example \"" + property + "\": " + example);
      return null;
    }
    Class<?> kind = name.isTextual() ? kinds.get(name.textValue()) : null;
    if (kind == null) {
      String close = name.isTextual() ? DidYouMean.closest(name.textValue(), kinds.keySet())
          : null;
      read.atValue(path, "expected one of " + String.join(", ", kinds.keySet()) + ", got "
          + Fields.describe(name), close != null ? "did you mean \"" + close + "\"?" : "");
      return null;
    }
    ObjectNode rest = ((ObjectNode) v).deepCopy();
    rest.remove(property);
    return union.cast(read.within(at, () -> c.readTreeAsValue(rest, kind)));
  }

  /** A scheduled fault: "at" and exactly one kind key, each kind's record having its own. */
  private static ScheduledFault scheduled(JsonNode v, String at, ReadContext read,
      DeserializationContext c) throws IOException {
    if (!v.isObject()) {
      return DocumentValues.wrong(read, at, "an object { ... }", v, "");
    }
    // Each kind's record names its kind key right after "at" (CrashFault(at, crash, ...)).
    Map<String, Class<?>> kinds = new LinkedHashMap<>();
    for (Class<?> k : ScheduledFault.class.getPermittedSubclasses()) {
      kinds.put(DocumentKeys.of(k).get(1), k);
    }
    List<String> given = new ArrayList<>();
    v.fieldNames().forEachRemaining(key -> {
      if (kinds.containsKey(key)) {
        given.add(key);
      }
    });
    if (given.size() != 1) {
      read.atValue(at, given.isEmpty() ? "a fault needs one of " + String.join(", ",
          kinds.keySet()) : "one kind per fault, got " + String.join(" and ", given),
          "e.g. {\"at\": \"30s\", \"crash\": \"web-1\"}");
      return null;
    }
    return (ScheduledFault) read.within(at, () -> c.readTreeAsValue(v, kinds.get(given.get(0))));
  }

  /** Every enum of the document by the JSON name its {@code @JsonValue} gives. */
  private static final class Enums extends SimpleDeserializers {
    @Override
    public JsonDeserializer<?> findEnumDeserializer(Class<?> type, DeserializationConfig config,
        BeanDescription beanDesc) {
      Map<String, Object> byName = new LinkedHashMap<>();
      for (Object constant : type.getEnumConstants()) {
        byName.put(jsonName(constant), constant);
      }
      @SuppressWarnings({"unchecked", "rawtypes"})
      JsonDeserializer<?> d = new DocumentValues.Checked(type, (v, at, read, c) -> {
        Object e = v.isTextual() ? byName.get(v.textValue()) : null;
        if (e != null) {
          return e;
        }
        String close = v.isTextual() ? DidYouMean.closest(v.textValue(), byName.keySet()) : null;
        return DocumentValues.wrong(read, at, "one of " + String.join(", ", byName.keySet()), v,
            close != null ? "did you mean \"" + close + "\"?" : "");
      });
      return d;
    }

    private static String jsonName(Object constant) {
      for (Method m : ((Enum<?>) constant).getDeclaringClass().getMethods()) {
        if (m.isAnnotationPresent(JsonValue.class)) {
          try {
            return (String) m.invoke(constant);
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(m + " of the document model", e);
          }
        }
      }
      return ((Enum<?>) constant).name();
    }
  }
}
