package dev.dsim.scenario.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts the keywords of every schema object in one fixed order, the order a reader wants
 * (what it is, its type, its bounds, its keys, its rules, examples, definitions last), instead
 * of the order the generator happens to add them in. Maps of names ({@code properties}, {@code
 * $defs}, ...) keep their own order: the record's, or sorted for {@code $defs}.
 */
final class KeywordOrder {
  private static final List<String> ORDER = List.of("$schema", "$id", "title", "description",
      "$comment", "$ref", "type", "const", "enum", "pattern", "minimum", "exclusiveMinimum",
      "maximum", "minLength", "maxLength", "minItems", "maxItems", "minProperties",
      "maxProperties", "default", "additionalProperties", "required", "properties",
      "propertyNames", "items", "prefixItems", "dependentRequired", "dependentSchemas", "oneOf",
      "anyOf", "allOf", "if", "then", "not", "examples", "$defs");
  /** Keywords whose value maps names to schemas. */
  private static final Set<String> SCHEMA_MAPS = Set.of("properties", "$defs",
      "dependentSchemas");
  /** Keywords whose value is a list of schemas. */
  private static final Set<String> SCHEMA_LISTS = Set.of("oneOf", "anyOf", "allOf",
      "prefixItems");
  /** Keywords whose value is one schema. */
  private static final Set<String> SCHEMAS = Set.of("additionalProperties", "propertyNames",
      "items", "if", "then", "not");

  private KeywordOrder() {}

  /** A copy of {@code schema} with its keywords, and its sub-schemas', in the fixed order. */
  static ObjectNode sorted(ObjectNode schema) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    List<String> keys = new ArrayList<>();
    schema.fieldNames().forEachRemaining(keys::add);
    keys.sort((a, b) -> Integer.compare(rank(a), rank(b))); // stable: unknown keys keep order
    for (String key : keys) {
      out.set(key, sortedValue(key, schema.get(key)));
    }
    return out;
  }

  private static JsonNode sortedValue(String keyword, JsonNode value) {
    if (SCHEMAS.contains(keyword) && value.isObject()) {
      return sorted((ObjectNode) value);
    }
    if (SCHEMA_LISTS.contains(keyword) && value.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      value.forEach(v -> out.add(v.isObject() ? sorted((ObjectNode) v) : v));
      return out;
    }
    if (SCHEMA_MAPS.contains(keyword) && value.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.set(e.getKey(), e.getValue().isObject() ? sorted((ObjectNode) e.getValue())
            : e.getValue());
      }
      return out;
    }
    return value;
  }

  private static int rank(String keyword) {
    int i = ORDER.indexOf(keyword);
    return i < 0 ? ORDER.indexOf("examples") : i;
  }
}
