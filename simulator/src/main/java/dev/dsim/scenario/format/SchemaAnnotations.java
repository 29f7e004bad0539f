package dev.dsim.scenario.format;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.SchemaGenerationContext;
import com.github.victools.jsonschema.generator.TypeScope;
import java.lang.reflect.AnnotatedElement;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Turns the {@link Schema} annotations, and Jackson's {@code @JsonProperty(defaultValue)}, into
 * schema keywords: on a key ({@link #onField}) and on a type's definition ({@link #onType}).
 * A keyword the generator already wrote is never overwritten silently: a clash fails the
 * generation, so two sources cannot disagree in the output.
 */
final class SchemaAnnotations {
  private final ObjectMapper json;

  SchemaAnnotations(ObjectMapper json) {
    this.json = json;
  }

  /** The keywords of one key (a record component's field). */
  void onField(ObjectNode schema, FieldScope field, SchemaGenerationContext context) {
    if (field.isFakeContainerItemScope()) {
      return; // the items of a list key: the annotations are the key's
    }
    AnnotatedElement f = field.getRawMember();
    JsonProperty property = f.getAnnotation(JsonProperty.class);
    if (property != null && !property.defaultValue().isEmpty()) {
      put(schema, "default", literal(property.defaultValue()), field);
    }
    Schema.Min min = f.getAnnotation(Schema.Min.class);
    if (min != null) {
      put(schema, "minimum", number(min.value()), field);
    }
    Schema.Max max = f.getAnnotation(Schema.Max.class);
    if (max != null) {
      put(schema, "maximum", number(max.value()), field);
    }
    Schema.Above above = f.getAnnotation(Schema.Above.class);
    if (above != null) {
      put(schema, "exclusiveMinimum", number(above.value()), field);
    }
    Schema.MaxLength length = f.getAnnotation(Schema.MaxLength.class);
    if (length != null) {
      put(schema, "maxLength", json.getNodeFactory().numberNode(length.value()), field);
    }
    Schema.Count count = f.getAnnotation(Schema.Count.class);
    if (count != null) {
      Class<?> type = field.getType().getErasedType();
      boolean list = Collection.class.isAssignableFrom(type);
      if (!list && !Map.class.isAssignableFrom(type) && type != ObjectNode.class) {
        throw new IllegalStateException("@Schema.Count on " + field + ", neither a list nor a map");
      }
      if (count.min() >= 0) {
        put(schema, list ? "minItems" : "minProperties",
            json.getNodeFactory().numberNode(count.min()), field);
      }
      if (count.max() >= 0) {
        put(schema, list ? "maxItems" : "maxProperties",
            json.getNodeFactory().numberNode(count.max()), field);
      }
    }
    examples(schema, f.getAnnotation(Schema.Examples.class), field);
    for (Schema.Rule rule : f.getAnnotationsByType(Schema.Rule.class)) {
      merge(schema, rule.value(), field);
    }
  }

  /** The keywords of a type's definition. */
  void onType(ObjectNode schema, TypeScope scope, SchemaGenerationContext context) {
    Class<?> type = scope.getType().getErasedType();
    examples(schema, type.getAnnotation(Schema.Examples.class), type);
    Schema.ExactlyOneOf one = type.getAnnotation(Schema.ExactlyOneOf.class);
    if (one != null) {
      ArrayNode alternatives = json.createArrayNode();
      for (String key : one.value()) {
        alternatives.addObject().putArray("required").add(key);
      }
      put(schema, "oneOf", alternatives, type);
    }
    for (Schema.Rule rule : type.getAnnotationsByType(Schema.Rule.class)) {
      merge(schema, rule.value(), type);
    }
  }

  private void examples(ObjectNode schema, Schema.Examples examples, Object where) {
    if (examples != null) {
      ArrayNode list = json.createArrayNode();
      for (String e : examples.value()) {
        list.add(parse(e, where));
      }
      put(schema, "examples", list, where);
    }
  }

  private void merge(ObjectNode schema, String rule, Object where) {
    JsonNode keywords = parse(rule, where);
    if (!keywords.isObject()) {
      throw new IllegalStateException("@Schema.Rule on " + where + " is not a JSON object");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = keywords.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      put(schema, e.getKey(), e.getValue(), where);
    }
  }

  private void put(ObjectNode schema, String keyword, JsonNode value, Object where) {
    if (schema.has(keyword)) {
      throw new IllegalStateException(where + ": \"" + keyword + "\" is already "
          + schema.get(keyword) + "; the annotations would set it to " + value);
    }
    schema.set(keyword, value);
  }

  private JsonNode parse(String text, Object where) {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a schema annotation on " + where + " is not JSON: "
          + text, e);
    }
  }

  /** A default as Jackson's defaultValue has it: JSON if it parses ("1", "true"), else text. */
  private JsonNode literal(String text) {
    try {
      JsonNode v = json.readTree(text);
      if (v != null && v.isValueNode()) {
        return v;
      }
    } catch (JsonProcessingException e) {
      // not a JSON literal: a string such as "0s" or "poisson"
    }
    return json.getNodeFactory().textNode(text);
  }

  /** A whole number as an integer (1, not 1.0), so one annotation serves both kinds of keys. */
  private JsonNode number(double v) {
    if (v == StrictMath.rint(v) && StrictMath.abs(v) < 1e15) {
      return json.getNodeFactory().numberNode((long) v);
    }
    return json.getNodeFactory().numberNode(BigDecimal.valueOf(v));
  }
}
