package dev.dsim.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import java.io.IOException;
import dev.dsim.scenario.format.Tier;
import java.util.List;
import java.util.Map;

/**
 * Turns what Jackson would throw on into a located problem, and carries on with null in place
 * of the bad value: one read reports every unknown key and every value of the wrong shape.
 */
final class ReadProblemHandler extends DeserializationProblemHandler {

  @Override
  public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
      JsonDeserializer<?> deserializer, Object beanOrClass, String propertyName)
      throws IOException {
    ReadContext read = ReadContext.of(ctxt);
    Class<?> type = beanOrClass instanceof Class<?> c ? c : beanOrClass.getClass();
    String path = read.path(p);
    if (Tier.class.isAssignableFrom(type)) {
      tierKey(read, path, type, propertyName);
    } else {
      read.unknownKey(path, propertyName, DocumentKeys.of(type));
    }
    p.skipChildren();
    return true;
  }

  /**
   * A key a tier of this kind does not have: another kind's says so, and an unknown one is
   * matched against every kind's keys, as a user who misspells a key may have the kind wrong.
   */
  private static void tierKey(ReadContext read, String path, Class<?> type, String key) {
    Map<String, Class<?>> kinds = DocumentKeys.subtypes(Tier.class);
    java.util.Set<String> all = new java.util.LinkedHashSet<>();
    String owner = null;
    String self = null;
    for (Map.Entry<String, Class<?>> k : kinds.entrySet()) {
      List<String> keys = DocumentKeys.of(k.getValue());
      all.addAll(keys);
      if (owner == null && keys.contains(key)) {
        owner = k.getKey();
      }
      if (k.getValue() == type) {
        self = k.getKey();
      }
    }
    if (owner == null) {
      read.unknownKey(path, key, all);
    } else {
      read.atValue(path, "'" + key + "' is for tiers of kind \"" + owner + "\", this one is \""
          + self + "\"", "drop it, or set \"kind\": \"" + owner + "\"");
    }
  }

  @Override
  public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType,
      JsonToken t, JsonParser p, String failureMsg) throws IOException {
    return wrongShape(ctxt, targetType.getRawClass(), p);
  }

  @Override
  public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass,
      ValueInstantiator valueInsts, JsonParser p, String msg) throws IOException {
    return wrongShape(ctxt, instClass, p);
  }

  @Override
  public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType,
      String valueToConvert, String failureMsg) throws IOException {
    return wrongShape(ctxt, targetType, ctxt.getParser());
  }

  @Override
  public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType,
      Number valueToConvert, String failureMsg) throws IOException {
    return wrongShape(ctxt, targetType, ctxt.getParser());
  }

  private static Object wrongShape(DeserializationContext ctxt, Class<?> type, JsonParser p)
      throws IOException {
    ReadContext read = ReadContext.of(ctxt);
    String path = read.path(p);
    JsonNode value = valueAt(ctxt, p);
    read.atValue(path, "expected " + expected(type) + ", got " + Quote.value(value), "");
    return null;
  }

  /**
   * The value the parser stands on, to describe it. A scalar is built from the token itself:
   * handing it to Jackson's tree reader asks this handler again when the reader does not take
   * that token where it stands (a number in a list of rate steps), and the two would call each
   * other until the stack overflowed.
   */
  private static JsonNode valueAt(DeserializationContext ctxt, JsonParser p) throws IOException {
    com.fasterxml.jackson.databind.node.JsonNodeFactory nodes = ctxt.getNodeFactory();
    JsonToken t = p.currentToken();
    if (t == null) {
      return nodes.missingNode();
    }
    return switch (t) {
      case VALUE_STRING -> nodes.textNode(p.getText());
      case VALUE_NUMBER_INT -> nodes.numberNode(p.getBigIntegerValue());
      case VALUE_NUMBER_FLOAT -> nodes.numberNode(p.getDecimalValue());
      case VALUE_TRUE -> nodes.booleanNode(true);
      case VALUE_FALSE -> nodes.booleanNode(false);
      case VALUE_NULL -> nodes.nullNode();
      case START_OBJECT, START_ARRAY, FIELD_NAME -> ctxt.readTree(p);
      default -> nodes.missingNode();
    };
  }

  private static String expected(Class<?> type) {
    if (Map.class.isAssignableFrom(type)) {
      return "an object keyed by name";
    }
    if (com.fasterxml.jackson.databind.node.ObjectNode.class.isAssignableFrom(type)) {
      return "an object";
    }
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "an array [ ... ]";
    }
    return type.isRecord() ? "an object { ... }" : "a " + type.getSimpleName();
  }
}
