package dev.dsim.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * What {@link DocumentReader}'s deserializers share during one read: where the parser is, as
 * the dotted path users read ({@code tiers.web.cores}), and the {@link Problems} that locate
 * each error in the file. Kept in the Jackson call's attributes, so the mapper itself stays
 * shared and stateless.
 *
 * <p>A union (a tier by its kind, a distribution by its dist) is read from its subtree by a
 * second parser that starts at that subtree: {@link #within} pushes the subtree's path, so the
 * paths stay the whole document's.
 */
final class ReadContext {
  private static final Object KEY = ReadContext.class;

  private final Problems problems;
  private final Deque<String> prefixes = new ArrayDeque<>();

  ReadContext(Problems problems) {
    this.problems = problems;
    prefixes.push("");
  }

  static ReadContext of(DeserializationContext ctxt) {
    return (ReadContext) ctxt.getAttribute(KEY);
  }

  static Object key() {
    return KEY;
  }

  /** The path of the value the parser is on (or, on a key, the key's value). */
  String path(JsonParser p) {
    List<JsonStreamContext> chain = new ArrayList<>();
    for (JsonStreamContext c = p.getParsingContext(); c != null; c = c.getParent()) {
      chain.add(c);
    }
    String path = prefixes.peek();
    for (int i = chain.size() - 1; i >= 0; i--) {
      JsonStreamContext c = chain.get(i);
      if (c.inObject() && c.getCurrentName() != null) {
        path = Paths.child(path, c.getCurrentName());
      } else if (c.inArray() && c.getCurrentIndex() >= 0 && c.hasCurrentIndex()) {
        path = Paths.index(path, c.getCurrentIndex());
      }
    }
    return path;
  }

  /** Runs {@code read} with paths relative to {@code path}: a subtree read on its own. */
  <T> T within(String path, java.util.concurrent.Callable<T> read) throws java.io.IOException {
    prefixes.push(path);
    try {
      return read.call();
    } catch (java.io.IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      prefixes.pop();
    }
  }

  void atValue(String path, String message, String hint) {
    problems.atValue(path, message, hint);
  }

  void atKey(String path, String message, String hint) {
    problems.atKey(path, message, hint);
  }

  /** An unknown key, with the closest known one or else the list of them (as {@link DocumentObject} does). */
  void unknownKey(String path, String key, java.util.Collection<String> known) {
    List<String> allowed = List.copyOf(known);
    String suggestion = DidYouMean.closest(key, allowed);
    atKey(path, "unknown key '" + key + "'", suggestion != null
        ? "did you mean '" + suggestion + "'?" : "allowed keys here: " + String.join(", ",
            allowed));
  }
}
