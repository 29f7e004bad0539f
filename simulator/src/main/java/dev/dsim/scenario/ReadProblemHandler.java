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
    read.unknownKey(read.path(p), propertyName, DocumentKeys.of(type));
    p.skipChildren();
    return true;
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
    JsonNode value = ctxt.readTree(p);
    read.atValue(path, "expected " + expected(type) + ", got " + Fields.describe(value), "");
    return null;
  }

  private static String expected(Class<?> type) {
    if (Map.class.isAssignableFrom(type)) {
      return "an object keyed by name";
    }
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "an array [ ... ]";
    }
    return type.isRecord() ? "an object { ... }" : "a " + type.getSimpleName();
  }
}
