package dev.dsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsim.engine.Durations;
import java.util.Iterator;
import java.util.List;

/**
 * Reads the fields of one JSON object strictly: each reader checks type and range, reports a
 * located error and returns a fallback so binding can go on and find the next error. Keys the
 * object may have are declared up front; any other key is reported at once, with the closest
 * allowed key as a suggestion.
 */
final class Fields {
  private final JsonNode node;
  private final String path;
  private final Problems problems;

  private Fields(JsonNode node, String path, Problems problems) {
    this.node = node;
    this.path = path;
    this.problems = problems;
  }

  /**
   * The object at {@code path}, checked for unknown keys; null (after reporting) if the node is
   * not an object.
   */
  static Fields of(JsonNode node, String path, Problems problems, List<String> allowed) {
    if (!node.isObject()) {
      problems.atValue(path, "expected an object { ... }, got " + describe(node),
          "this key takes an object of settings in braces; see dsim schema for its keys");
      return null;
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String key = names.next();
      if (!allowed.contains(key)) {
        String suggestion = DidYouMean.closest(key, allowed);
        String hint = suggestion != null ? "did you mean '" + suggestion + "'?"
            : "allowed keys here: " + String.join(", ", allowed);
        problems.atKey(Paths.child(path, key), "unknown key '" + key + "'", hint);
      }
    }
    return new Fields(node, path, problems);
  }

  String path() {
    return path;
  }

  String pathOf(String key) {
    return Paths.child(path, key);
  }

  boolean has(String key) {
    return node.has(key);
  }

  /** The raw value, or null when absent. */
  JsonNode raw(String key) {
    return node.get(key);
  }

  /** Reports a missing required key, at the enclosing object. */
  void missing(String key, String what, String example) {
    problems.atValue(path, "missing required key '" + key + "' (" + what + ")",
        example.isEmpty() ? "" : "add for example \"" + key + "\": " + example);
  }

  void error(String key, String message, String hint) {
    problems.atValue(pathOf(key), message, hint);
  }

  /** A string; {@code fallback} when absent or wrong. */
  String string(String key, String fallback) {
    JsonNode v = node.get(key);
    if (v == null) {
      return fallback;
    }
    if (!v.isTextual()) {
      error(key, "expected a string, got " + describe(v), "put the value in double quotes");
      return fallback;
    }
    return v.textValue();
  }

  /** A whole number >= min; {@code fallback} when absent or wrong. */
  long integer(String key, long fallback, long min) {
    JsonNode v = node.get(key);
    if (v == null) {
      return fallback;
    }
    Long value = wholeNumber(v);
    if (value == null) {
      error(key, "expected a whole number >= " + min + ", got " + describe(v),
          "write a number without quotes or decimals, e.g. \"" + key + "\": " + Math.max(min, 1));
      return fallback;
    }
    if (value < min) {
      error(key, "expected a whole number >= " + min + ", got " + value,
          "e.g. \"" + key + "\": " + Math.max(min, 1));
      return fallback;
    }
    return value;
  }

  /** A number strictly greater than {@code above}; {@code fallback} when absent or wrong. */
  double numberAbove(String key, double fallback, double above) {
    JsonNode v = node.get(key);
    if (v == null) {
      return fallback;
    }
    if (!v.isNumber()) {
      error(key, "expected a number > " + plain(above) + ", got " + describe(v),
          "write a number without quotes");
      return fallback;
    }
    double d = v.doubleValue();
    if (!(d > above) || Double.isInfinite(d)) {
      error(key, "expected a number > " + plain(above) + ", got " + v.asText(),
          "the value must be greater than " + plain(above));
      return fallback;
    }
    return d;
  }

  /** A probability in [0, 1]; 0 when absent or wrong. */
  double probability(String key) {
    JsonNode v = node.get(key);
    if (v == null) {
      return 0;
    }
    if (!v.isNumber() || !(v.doubleValue() >= 0 && v.doubleValue() <= 1)) {
      error(key, "expected a probability between 0 and 1, got " + describe(v),
          "e.g. 0.001 for one message in a thousand");
      return 0;
    }
    return v.doubleValue();
  }

  /** A duration string >= 0 (or > 0 when {@code positive}); {@code fallback} when absent. */
  long duration(String key, long fallback, boolean positive) {
    Long nanos = durationOrNull(key, positive);
    return nanos == null ? fallback : nanos;
  }

  /** A duration string >= 0 (or > 0 when {@code positive}); null when absent or wrong. */
  Long durationOrNull(String key, boolean positive) {
    JsonNode v = node.get(key);
    if (v == null) {
      return null;
    }
    Long nanos = durationValue(v, pathOf(key), problems);
    if (nanos == null) {
      return null;
    }
    if (nanos < 0 || (positive && nanos == 0)) {
      error(key, "expected a duration " + (positive ? "> 0" : ">= 0") + ", got \""
          + v.textValue() + "\"", "durations count forward from the start, e.g. \"30s\"");
      return null;
    }
    return nanos;
  }

  /** True or false; {@code fallback} when absent or wrong. */
  boolean bool(String key, boolean fallback) {
    JsonNode v = node.get(key);
    if (v == null) {
      return fallback;
    }
    if (!v.isBoolean()) {
      error(key, "expected true or false, got " + describe(v), "write true or false without quotes");
      return fallback;
    }
    return v.booleanValue();
  }

  /** A duration value anywhere (also used by distributions); null after reporting. */
  static Long durationValue(JsonNode v, String path, Problems problems) {
    if (!v.isTextual()) {
      problems.atValue(path, "expected a duration string, got " + describe(v),
          v.isNumber() ? "write the unit too, e.g. \"" + v.asText() + "ms\" or \""
              + v.asText() + "s\"" : "write e.g. \"2ms\" or \"30s\"");
      return null;
    }
    try {
      return Durations.parse(v.textValue());
    } catch (IllegalArgumentException e) {
      problems.atValue(path, e.getMessage(), "");
      return null;
    }
  }

  private static Long wholeNumber(JsonNode v) {
    return DocumentValues.wholeNumber(v);
  }

  /** The user's value, quoted and typed, for messages: {@code "four" (a string)}. */
  static String describe(JsonNode v) {
    if (v == null || v.isMissingNode()) {
      return "nothing";
    }
    if (v.isNull()) {
      return "null";
    }
    if (v.isTextual()) {
      return "\"" + shorten(v.textValue()) + "\" (a string)";
    }
    if (v.isNumber()) {
      return shorten(v.asText()) + " (a number)";
    }
    if (v.isBoolean()) {
      return v.asText() + " (a boolean)";
    }
    return v.isArray() ? "an array" : "an object";
  }

  /** A value as quoted in a message: long ones cut to their first 60 characters. */
  static String shorten(String s) {
    return s.length() <= 80 ? s : s.substring(0, 60) + "… (" + Limits.count(s.length())
        + " characters)";
  }

  private static String plain(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
