package dev.dsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;

/**
 * One object of a scenario file read key by key against its record of the document model
 * ({@code dev.dsim.scenario.format}): the record says which keys there are, which are required
 * (with the schema's description and example for the message), and what type each value reads
 * as. Sections are read one at a time, each through {@link DocumentReader}, so a mistake in one
 * section does not hide the problems of the others: every problem of a file in one pass.
 *
 * <p>This is how the top-level object, {@code faults} and {@code faults.random} are read, whose
 * sections the binders check against each other (a fault's target against the tiers, warmup
 * against duration).
 */
final class DocumentObject {
  private final JsonNode node;
  private final String path;
  private final Class<? extends Record> type;
  private final Problems problems;

  private DocumentObject(JsonNode node, String path, Class<? extends Record> type,
      Problems problems) {
    this.node = node;
    this.path = path;
    this.type = type;
    this.problems = problems;
  }

  /**
   * The object at {@code path}, its unknown keys reported (with the closest known key, or the
   * list of them); null, after reporting, when the value is not an object.
   */
  static DocumentObject of(JsonNode node, String path, Class<? extends Record> type,
      Problems problems) {
    if (!node.isObject()) {
      problems.atValue(path, "expected an object { ... }, got " + Quote.value(node),
          "this key takes an object of settings in braces; see dsim schema for its keys");
      return null;
    }
    List<String> allowed = DocumentKeys.of(type);
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String key = names.next();
      if (!allowed.contains(key)) {
        String suggestion = DidYouMean.closest(key, allowed);
        problems.atKey(Paths.child(path, key), "unknown key '" + key + "'", suggestion != null
            ? "did you mean '" + suggestion + "'?" : "allowed keys here: "
                + String.join(", ", allowed));
      }
    }
    return new DocumentObject(node, path, type, problems);
  }

  String pathOf(String key) {
    return Paths.child(path, key);
  }

  boolean has(String key) {
    return node.has(key);
  }

  /** The value as written, or null when the key is absent. */
  JsonNode raw(String key) {
    return node.get(key);
  }

  /** A problem with the value of {@code key}, located at it. */
  void error(String key, String message, String hint) {
    problems.atValue(pathOf(key), message, hint);
  }

  /**
   * The value of {@code key} read as its component's type, {@code as}; null when the key is
   * absent or its value is bad (then reported, at its line and column).
   */
  <T> T read(String key, Class<T> as) {
    DocumentKeys.Key k = key(key);
    if (k.component().getType() != as) {
      throw new IllegalArgumentException(type.getSimpleName() + "." + key + " is a "
          + k.component().getType().getSimpleName() + ", not a " + as.getSimpleName());
    }
    JsonNode v = node.get(key);
    return v == null ? null : DocumentReader.section(v, pathOf(key), as, problems);
  }

  /**
   * True when the required {@code key} is there; otherwise reports it missing at this object,
   * in the words of its schema description, with its first example as the hint.
   */
  boolean require(String key) {
    if (node.has(key)) {
      return true;
    }
    DocumentReader.missing(path, key(key), problems::atValue);
    return false;
  }

  private DocumentKeys.Key key(String key) {
    for (DocumentKeys.Key k : DocumentKeys.components(type)) {
      if (k.name().equals(key)) {
        return k;
      }
    }
    throw new IllegalArgumentException(type.getSimpleName() + " has no key " + key);
  }
}
