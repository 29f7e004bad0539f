package dev.dsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One JSON object of the format that a typed builder fills: the sections and their parts share
 * the way they write keys. Each setter writes exactly the key of the format it is named after,
 * and nothing else: what is left out keeps the format's default, and nothing is checked here.
 *
 * @param <S> the concrete section, returned by its setters for chaining
 */
abstract class JsonSection<S extends JsonSection<S>> {
  final ObjectNode node = BuilderJson.object();

  @SuppressWarnings("unchecked")
  final S self() {
    return (S) this;
  }

  final S put(String key, JsonNode value) {
    node.set(key, value);
    return self();
  }

  final S put(String key, String value) {
    return put(key, BuilderJson.text(java.util.Objects.requireNonNull(value, key)));
  }

  final S put(String key, long value) {
    node.put(key, value);
    return self();
  }

  final S put(String key, double value) {
    return put(key, BuilderJson.number(value));
  }

  final S put(String key, boolean value) {
    node.put(key, value);
    return self();
  }

  final S put(String key, Duration value) {
    return put(key, value.text());
  }

  final S put(String key, Dist value) {
    return put(key, BuilderJson.dist(value));
  }

  final S put(String key, Size value) {
    return put(key, value.text());
  }

  final S put(String key, Bandwidth value) {
    return put(key, value.text());
  }

  /** A null: in a variant it deletes the key from the base; in a scenario it leaves it out. */
  final S unset(String key) {
    node.putNull(key);
    return self();
  }

  /** A copy of what was written, so that a section added twice is two values. */
  final ObjectNode json() {
    return node.deepCopy();
  }
}
