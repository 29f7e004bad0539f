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
  /** Each kind's record names its kind key right after "at" (CrashFault(at, crash, ...)). */
  private static final Map<String, Class<?>> SCHEDULED = scheduledKinds();

  private DocumentUnions() {}

  private static Map<String, Class<?>> scheduledKinds() {
    Map<String, Class<?>> kinds = new LinkedHashMap<>();
    for (Class<?> k : ScheduledFault.class.getPermittedSubclasses()) {
      kinds.put(DocumentKeys.of(k).get(1), k);
    }
    return java.util.Collections.unmodifiableMap(kinds);
  }

  static SimpleModule module() {
    SimpleModule m = new SimpleModule("dsim-document-unions");
    m.setDeserializers(new Enums()); // first: it holds the deserializers added below too
    DocumentValues.add(m, Tier.class, (v, at, read, c) -> named(v, at, read, c, Tier.class,
        "kind", DocumentUnions::tierKind));
    DocumentValues.add(m, Distribution.class, (v, at, read, c) -> v.isTextual()
        ? DocumentValues.nonNegative(v, at, read)
        : v.isObject() ? named(v, at, read, c, Distribution.class, "dist", DocumentUnions::dist)
        : DocumentValues.wrong(read, at, "a duration like \"8ms\" or a distribution like "
            + "{\"dist\": \"exponential\", \"mean\": \"8ms\"}", v, v.isNumber()
            ? "durations need a unit: \"" + v.asText() + "ms\"" : ""));
    DocumentValues.add(m, ScheduledFault.class, DocumentUnions::scheduled);
    DocumentValues.add(m, Fsync.class, DocumentUnions::fsync);
    DocumentValues.add(m, KeyDistribution.class, (v, at, read, c) -> v.isObject()
        ? read.within(at, () -> c.readTreeAsValue(v, KeyDistribution.KeyDist.class))
        : read.within(at, () -> c.readTreeAsValue(v, KeyDistName.class)));
    DocumentValues.add(m, ClientRate.class, DocumentUnions::clientRate);
    DocumentValues.add(m, VariantPatch.class, (v, at, read, c) -> v.isObject()
        ? new VariantPatch((ObjectNode) v)
        : DocumentValues.wrong(read, at, "a merge patch object", v, ""));
    return m;
  }

  /** Reports a union's missing (null) or unknown name. */
  @FunctionalInterface
  private interface BadName {
    void report(String at, JsonNode name, java.util.Set<String> names, ReadContext read);
  }

  /** A union named by its {@code property}: the record of that name, read without it. */
  private static <T> T named(JsonNode v, String at, ReadContext read,
      DeserializationContext c, Class<T> union, String property, BadName bad)
      throws IOException {
    if (!v.isObject()) {
      return DocumentValues.wrong(read, at, "an object { ... }", v, "this key takes an object "
          + "of settings in braces; see dsim schema for its keys");
    }
    Map<String, Class<?>> kinds = DocumentKeys.subtypes(union);
    JsonNode name = v.get(property);
    Class<?> kind = name != null && name.isTextual() ? kinds.get(name.textValue()) : null;
    if (kind == null) {
      bad.report(at, name == null || name.isNull() ? null : name, kinds.keySet(), read);
      if (union != Tier.class) {
        return null;
      }
      // The rest of a tier is still read, as the first kind's, to report its problems too.
      kind = kinds.values().iterator().next();
    }
    Class<?> chosen = kind;
    ObjectNode rest = ((ObjectNode) v).deepCopy();
    rest.remove(property);
    return union.cast(read.within(at, () -> c.readTreeAsValue(rest, chosen)));
  }

  /** As ScenarioBinder said it: a missing kind at the tier, a wrong one at the kind. */
  private static void tierKind(String at, JsonNode name, java.util.Set<String> names,
      ReadContext read) {
    String choices = choices(names);
    if (name == null) {
      read.atValue(at, "missing required key 'kind' (what the tier is: " + choices + ")",
          "add for example \"kind\": \"stateless\"");
      return;
    }
    String close = name.isTextual() ? DidYouMean.closest(name.textValue(), names) : null;
    read.atValue(Paths.child(at, "kind"), "expected one of " + choices + ", got "
        + Quote.value(name), close != null ? "did you mean \"" + close + "\"?" : "");
  }

  /** As DistributionReader said it. */
  private static void dist(String at, JsonNode name, java.util.Set<String> names,
      ReadContext read) {
    String got = name == null ? "no \"dist\" key" : Quote.value(name);
    String close = name != null && name.isTextual() ? DidYouMean.closest(name.textValue(), names)
        : null;
    read.atValue(name == null ? at : Paths.child(at, "dist"), "expected \"dist\" to be one of "
        + String.join(", ", names) + "; got " + got, close != null ? "did you mean \"" + close
        + "\"?" : "");
  }

  /** "a", "b" or "c", as JsonEnum.choices writes them. */
  static String choices(java.util.Collection<String> names) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    for (String n : names) {
      if (i > 0) {
        sb.append(i == names.size() - 1 ? " or " : ", ");
      }
      sb.append('"').append(n).append('"');
      i++;
    }
    return sb.toString();
  }

  /** A request rate, or rate steps (at most Limits.RATE_STEPS, counted before reading them). */
  private static ClientRate clientRate(JsonNode v, String at, ReadContext read,
      DeserializationContext c) throws IOException {
    if (v.isNumber()) {
      if (v.doubleValue() > 0 && !Double.isInfinite(v.doubleValue())) {
        return new ClientRate.RequestRate(v.doubleValue());
      }
      read.atValue(at, "expected a number > 0, got " + v.asText(), "the value must be greater "
          + "than 0");
      return null;
    }
    if (!v.isArray() || v.isEmpty()) {
      return DocumentValues.wrong(read, at, "a rate > 0 or a list of rate steps", v, "a number "
          + "of requests per second, or steps like [{\"at\": \"0s\", \"rate\": 100}, "
          + "{\"at\": \"5m\", \"rate\": 400, \"ramp\": true}]");
    }
    if (v.size() > Limits.RATE_STEPS) {
      read.atValue(at, "at most " + Limits.count(Limits.RATE_STEPS) + " rate steps, got "
          + Limits.count(v.size()), "a ramp (\"ramp\": true) between two steps replaces many "
          + "small steps");
      return null;
    }
    boolean steps = true;
    for (int i = 0; i < v.size(); i++) {
      if (!v.get(i).isObject()) {
        // Said here, at its index: Jackson's record reader would lose the position.
        DocumentValues.wrong(read, Paths.index(at, i), "a rate step {\"at\": ..., \"rate\": "
            + "...}", v.get(i), "e.g. {\"at\": \"5m\", \"rate\": 400}");
        steps = false;
      }
    }
    return steps ? read.within(at, () -> c.readTreeAsValue(v, ClientRate.RateSchedule.class))
        : null;
  }

  /** A kv tier's fsync: "always", "never" or a period, in KvBinder's words. */
  private static Fsync fsync(JsonNode v, String at, ReadContext read, DeserializationContext c) {
    String hint = "\"always\" (before acknowledging), \"never\", or a period like \"100ms\"";
    if (!v.isTextual()) {
      return DocumentValues.wrong(read, at, "\"always\", \"never\" or a period", v, hint);
    }
    for (Fsync.FsyncMode mode : Fsync.FsyncMode.values()) {
      if (v.textValue().equals(mode.jsonName())) {
        return mode;
      }
    }
    try {
      if (dev.dsim.engine.Durations.parse(v.textValue()) > 0) {
        return new dev.dsim.scenario.format.PositiveDuration(v.textValue());
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    read.atValue(at, "expected \"always\", \"never\" or a period > 0, got \"" + v.textValue()
        + "\"", hint);
    return null;
  }

  /** A scheduled fault: "at" and exactly one kind key, each kind's record having its own. */
  private static ScheduledFault scheduled(JsonNode v, String at, ReadContext read,
      DeserializationContext c) throws IOException {
    if (!v.isObject()) {
      return DocumentValues.wrong(read, at, "an object { ... }", v, "");
    }
    Map<String, Class<?>> kinds = SCHEDULED;
    List<String> given = new ArrayList<>();
    v.fieldNames().forEachRemaining(key -> {
      if (kinds.containsKey(key)) {
        given.add(key);
      }
    });
    // As FaultsBinder said it; without a kind, the keys are checked against "at" and the kinds.
    if (given.isEmpty()) {
      List<String> allowed = new ArrayList<>(List.of("at"));
      allowed.addAll(kinds.keySet());
      v.fieldNames().forEachRemaining(key -> {
        if (!allowed.contains(key)) {
          read.unknownKey(Paths.child(at, key), key, allowed);
        }
      });
      read.atValue(at, "expected a fault: one of the keys " + String.join(", ", kinds.keySet()),
          "e.g. {\"at\": \"5m\", \"crash\": \"web-2\", \"restartAfter\": \"1m\"}");
      return null;
    }
    if (given.size() > 1) {
      read.atValue(at, "one fault per entry, got both '" + given.get(0) + "' and '"
          + given.get(1) + "'", "split them into two entries");
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
        return DocumentValues.wrong(read, at, "one of " + choices(byName.keySet()), v,
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
