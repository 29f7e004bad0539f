package dev.dsim.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.dsim.engine.Durations;
import dev.dsim.scenario.format.Bandwidth;
import dev.dsim.scenario.format.Condition;
import dev.dsim.scenario.format.Duration;
import dev.dsim.scenario.format.FaultRate;
import dev.dsim.scenario.format.FixedTarget;
import dev.dsim.scenario.format.Name;
import dev.dsim.scenario.format.NonNegativeDuration;
import dev.dsim.scenario.format.PositiveDuration;
import dev.dsim.scenario.format.Probability;
import dev.dsim.scenario.format.Schema;
import dev.dsim.scenario.format.Size;
import dev.dsim.scenario.format.Target;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The document's scalars, read strictly: a string is only a string (Jackson would coerce 5 to
 * "5"), a whole number only a whole number (2.0 is one, 1.5 is not), and a value type (a
 * duration, a size, a name, a target...) only what the simulator can parse. A bad value is
 * reported at its path and read as null, so reading goes on.
 */
final class DocumentValues {
  private DocumentValues() {}

  /** Reads one value from its tree, at its path; reports and returns null when it is bad. */
  @FunctionalInterface
  interface Reader<T> {
    T read(JsonNode v, String path, ReadContext read, DeserializationContext ctxt)
        throws IOException;
  }

  /** A deserializer that hands the value's tree and path to a {@link Reader}. */
  static class Checked<T> extends StdDeserializer<T> {
    private final transient Reader<T> reader;

    Checked(Class<T> type, Reader<T> reader) {
      super(type);
      this.reader = reader;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      ReadContext read = ReadContext.of(ctxt);
      String path = read.path(p);
      return reader.read(ctxt.readTree(p), path, read, ctxt);
    }
  }

  static <T> void add(SimpleModule module, Class<T> type, Reader<T> reader) {
    module.addDeserializer(type, new Checked<>(type, reader));
  }

  static SimpleModule module() {
    SimpleModule m = new SimpleModule("dsim-document-values");
    add(m, String.class, (v, at, read, c) -> v.isTextual() ? v.textValue()
        : wrong(read, at, "a string", v, "put the value in double quotes"));
    add(m, Boolean.class, (v, at, read, c) -> v.isBoolean() ? v.booleanValue()
        : wrong(read, at, "true or false", v, "write true or false without quotes"));
    m.addDeserializer(Long.class, new Bounded<>(Long.class, null, null, null));
    m.addDeserializer(Double.class, new Bounded<>(Double.class, null, null, null));
    add(m, Duration.class, (v, at, read, c) -> {
      Long nanos = nanos(v, at, read);
      return nanos == null ? null : new Duration(v.textValue());
    });
    add(m, NonNegativeDuration.class, (v, at, read, c) -> nonNegative(v, at, read));
    add(m, PositiveDuration.class, (v, at, read, c) -> {
      Long nanos = nanos(v, at, read);
      if (nanos != null && nanos <= 0) {
        read.atValue(at, "expected a duration > 0, got \"" + v.textValue() + "\"",
            "durations count forward from the start, e.g. \"30s\"");
        return null;
      }
      return nanos == null ? null : new PositiveDuration(v.textValue());
    });
    add(m, Size.class, (v, at, read, c) -> parsed(v, at, read, "a size string",
        v.isNumber() ? "write the unit too, e.g. \"" + v.asText() + "B\" or \"" + v.asText()
            + "KiB\"" : "e.g. \"4KiB\" or \"10GB\"", "units: B, kB, KiB, MB, MiB, GB, GiB, TB, TiB",
        t -> Quantities.bytes(t)) ? new Size(v.textValue()) : null);
    add(m, Bandwidth.class, (v, at, read, c) -> parsed(v, at, read, "a bandwidth string",
        "e.g. \"10Gbit/s\"", "units: bit/s or B/s with k, M, G, T (or Ki, Mi, Gi, Ti)",
        t -> Quantities.bitsPerSecond(t)) ? new Bandwidth(v.textValue()) : null);
    // Not a string at all says so first; a string that is no name says what a name is.
    add(m, Name.class, (v, at, read, c) -> !v.isTextual()
        ? wrong(read, at, "a string", v, "put the name in double quotes")
        : ScenarioBinder.NAME.matcher(v.textValue()).matches()
        && v.textValue().length() <= Limits.NAME_CHARS ? new Name(v.textValue())
        : wrong(read, at, "a name of letters, digits, '-' and '_' (at most "
            + Limits.NAME_CHARS + " characters)", v, ""));
    add(m, Condition.class, (v, at, read, c) -> v.isTextual()
        && ExpectBinder.CONDITION.matcher(v.textValue()).matches() ? new Condition(v.textValue())
        : wrong(read, at, "a condition like \">= 0.999\"", v, ExpectBinder.HINT));
    add(m, Probability.class, (v, at, read, c) -> v.isNumber() && v.doubleValue() >= 0
        && v.doubleValue() <= 1 ? new Probability(v.doubleValue())
        : wrong(read, at, "a probability between 0 and 1", v,
            "e.g. 0.001 for one message in a thousand"));
    add(m, FaultRate.class, (v, at, read, c) -> faultRate(v) ? new FaultRate(v.asText())
        : wrong(read, at, "a rate > 0: a number per second or \"N/<unit>\"", v,
            "e.g. \"1/h\", \"6/d\" or 0.01"));
    add(m, Target.class, (v, at, read, c) -> {
      List<String> names = targets(v, at, read, true);
      return names == null ? null : new Target(names);
    });
    add(m, FixedTarget.class, (v, at, read, c) -> {
      List<String> names = targets(v, at, read, false);
      return names == null ? null : new FixedTarget(names);
    });
    return m;
  }

  /**
   * A number read with its key's bounds ({@code Schema.Min}, {@code Schema.Above} on the record
   * component), so the message says what the key takes, as the binders' did: "expected a whole
   * number >= 1", "expected a number > 0".
   */
  static final class Bounded<T> extends Checked<T> implements ContextualDeserializer {
    private final Class<T> type;

    Bounded(Class<T> type, String key, Schema.Min min, Schema.Above above) {
      super(type, (v, at, read, c) -> type.cast(number(type == Long.class, key, min, above, v,
          at, read)));
      this.type = type;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt,
        BeanProperty property) {
      if (property == null) {
        return this;
      }
      return new Bounded<>(type, property.getName(), property.getAnnotation(Schema.Min.class),
          property.getAnnotation(Schema.Above.class));
    }
  }

  private static Object number(boolean whole, String key, Schema.Min min, Schema.Above above,
      JsonNode v, String at, ReadContext read) {
    String what = whole ? "a whole number" : "a number";
    String bound = min != null ? " >= " + plain(min.value())
        : above != null ? " > " + plain(above.value()) : "";
    Number n = whole ? wholeNumber(v) : v.isNumber() ? (Number) v.doubleValue() : null;
    if (n == null) {
      String example = min != null ? plain(Math.max(min.value(), 1)) : "1";
      return wrong(read, at, what + bound, v, whole ? "write a number without quotes or "
          + "decimals, e.g. \"" + key + "\": " + example : min != null ? "" : "write a number "
          + "without quotes");
    }
    double d = n.doubleValue();
    if (min != null && !(d >= min.value()) || above != null && !(d > above.value())
        || Double.isInfinite(d)) {
      // As the binders said it: a whole number as itself, a number as written.
      String got = whole ? Long.toString(n.longValue()) : above != null ? v.asText()
          : Quote.value(v);
      read.atValue(at, "expected " + what + bound + ", got " + got, above != null ? "the value "
          + "must be greater than " + plain(above.value()) : whole ? "e.g. \"" + key + "\": "
          + plain(Math.max(min.value(), 1)) : "");
      return null;
    }
    return n;
  }

  private static String plain(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d)
        : Double.toString(d);
  }

  static <T> T wrong(ReadContext read, String path, String expected, JsonNode v, String hint) {
    read.atValue(path, "expected " + expected + ", got " + Quote.value(v), hint);
    return null;
  }

  static NonNegativeDuration nonNegative(JsonNode v, String at, ReadContext read) {
    Long nanos = nanos(v, at, read);
    if (nanos != null && nanos < 0) {
      read.atValue(at, "expected a duration >= 0, got \"" + v.textValue() + "\"",
          "durations count forward from the start, e.g. \"30s\"");
      return null;
    }
    return nanos == null ? null : new NonNegativeDuration(v.textValue());
  }

  /** The nanoseconds of a duration string (as the binder reads one), or null after reporting. */
  private static Long nanos(JsonNode v, String path, ReadContext read) {
    if (!v.isTextual()) {
      return wrong(read, path, "a duration string", v, v.isNumber() ? "write the unit too, "
          + "e.g. \"" + v.asText() + "ms\" or \"" + v.asText() + "s\"" : "write e.g. \"2ms\" "
          + "or \"30s\"");
    }
    try {
      return Durations.parse(v.textValue());
    } catch (IllegalArgumentException e) {
      read.atValue(path, e.getMessage(), "");
      return null;
    }
  }

  /** A quantity string: a size or a bandwidth, parsed by {@link Quantities}. */
  private static boolean parsed(JsonNode v, String path, ReadContext read, String expected,
      String typeHint, String unitsHint, java.util.function.ToDoubleFunction<String> parse) {
    if (!v.isTextual()) {
      wrong(read, path, expected, v, typeHint);
      return false;
    }
    try {
      parse.applyAsDouble(v.textValue());
      return true;
    } catch (IllegalArgumentException e) {
      read.atValue(path, e.getMessage(), unitsHint);
      return false;
    }
  }

  /** A whole number, also when written 2.0; null for anything else. */
  static Long wholeNumber(JsonNode v) {
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return v.longValue();
    }
    if (v.isNumber()) {
      BigDecimal d = v.decimalValue();
      if (d.signum() == 0 || d.stripTrailingZeros().scale() <= 0) {
        try {
          return d.longValueExact();
        } catch (ArithmeticException tooBig) {
          return null;
        }
      }
    }
    return null;
  }

  /** FaultsBinder's rule: a number > 0 per second, or "N/<unit>" ("6/h", "2/10m"). */
  private static boolean faultRate(JsonNode v) {
    if (v.isNumber()) {
      return v.doubleValue() > 0;
    }
    if (!v.isTextual() || !v.textValue().contains("/")) {
      return false;
    }
    String[] parts = v.textValue().split("/", 2);
    try {
      String unit = parts[1].trim();
      boolean counted = !unit.isEmpty() && (Character.isDigit(unit.charAt(0))
          || unit.charAt(0) == '.');
      Durations.parse(counted ? unit : "1" + unit);
      return Double.parseDouble(parts[0].trim()) > 0;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * A name or a non-empty list of names; {@code random:<tier>} only where a fault may draw its
   * node, and alone.
   */
  private static List<String> targets(JsonNode v, String path, ReadContext read,
      boolean randomAllowed) {
    String expected = randomAllowed ? "a node name, a tier name, \"random:<tier>\" or a list "
        + "of them" : "a node name, a tier name or a list of them";
    if (v.isTextual() && !v.textValue().isEmpty()) {
      return random(v, path, read, randomAllowed, true) ? List.of(v.textValue()) : null;
    }
    if (!v.isArray() || v.isEmpty()) {
      return wrong(read, path, expected, v, "e.g. \"web-2\", \"web\" or \"random:web\"");
    }
    List<String> names = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < v.size(); i++) {
      JsonNode t = v.get(i);
      if (!t.isTextual() || t.textValue().isEmpty()) {
        ok = wrong(read, Paths.index(path, i), "a node or tier name", t, "") != null;
      } else if (random(t, Paths.index(path, i), read, randomAllowed, v.size() == 1)) {
        names.add(t.textValue());
      } else {
        ok = false;
      }
    }
    return ok ? names : null;
  }

  private static boolean random(JsonNode t, String path, ReadContext read, boolean allowed,
      boolean alone) {
    if (!t.textValue().startsWith("random:")) {
      return true;
    }
    if (!allowed) {
      read.atValue(path, "expected fixed nodes or tiers here, not "
          + Quote.text(t.textValue()), "name the tier (all its nodes) or the nodes");
      return false;
    }
    if (!alone) {
      read.atValue(path, "\"random:<tier>\" picks one node and must stand alone, not in a list",
          "write \"" + Quote.text(t.textValue()) + "\" without the list");
      return false;
    }
    return true;
  }
}
