package dev.dsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;

/** How messages quote what the user wrote: typed, and cut when long. */
final class Quote {
  private Quote() {}

  /** The user's value, quoted and typed, for messages: {@code "four" (a string)}. */
  static String value(JsonNode v) {
    if (v == null || v.isMissingNode()) {
      return "nothing";
    }
    if (v.isNull()) {
      return "null";
    }
    if (v.isTextual()) {
      return "\"" + text(v.textValue()) + "\" (a string)";
    }
    if (v.isNumber()) {
      return text(v.asText()) + " (a number)";
    }
    if (v.isBoolean()) {
      return v.asText() + " (a boolean)";
    }
    return v.isArray() ? "an array" : "an object";
  }

  /** A string as quoted in a message: a long one cut to its first 60 characters. */
  static String text(String s) {
    return s.length() <= 80 ? s : s.substring(0, 60) + "… (" + Limits.count(s.length())
        + " characters)";
  }
}
