package dev.dsim.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON document parsed into a Jackson tree together with the position of every value and
 * every key, by JSON path ({@code tiers.web.cores}, {@code faults[2]}; {@code ""} is the root).
 *
 * <p>Jackson's tree forgets positions, and errors found after parsing (a negative duration, a
 * missing key) still have to point at a line and column; hence this small parser. Duplicate keys
 * are rejected, as they would silently shadow each other.
 */
final class LocatedJson {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private final JsonNode root;
  /** Position of each value by path; lookups only, never iterated in an order that matters. */
  private final Map<String, SourceLocation> values;
  private final Map<String, SourceLocation> keys;

  private LocatedJson(JsonNode root, Map<String, SourceLocation> values,
      Map<String, SourceLocation> keys) {
    this.root = root;
    this.values = values;
    this.keys = keys;
  }

  /** Parses {@code text}; a syntax error becomes a located {@link ScenarioError}. */
  static LocatedJson parse(String file, String text) throws ScenarioException {
    Map<String, SourceLocation> values = new HashMap<>();
    Map<String, SourceLocation> keys = new HashMap<>();
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new ScenarioException(List.of(new ScenarioError(file, 1, 1, "$",
            "the file is empty", "a scenario is a JSON object: { \"name\": ..., ... }")));
      }
      JsonNode root = read(p, "", values, keys);
      JsonToken trailing = p.nextToken();
      if (trailing != null) {
        JsonLocation at = p.currentTokenLocation();
        throw new ScenarioException(List.of(new ScenarioError(file, at.getLineNr(),
            at.getColumnNr(), "$", "unexpected content after the end of the JSON document",
            "a scenario file holds exactly one JSON object")));
      }
      return new LocatedJson(root, values, keys);
    } catch (JsonParseException e) {
      throw new ScenarioException(List.of(syntaxError(file, e)));
    } catch (IOException e) {
      throw new ScenarioException(List.of(new ScenarioError(file, 0, 0, "$",
          "cannot read: " + e.getMessage(), "")));
    }
  }

  private static JsonNode read(JsonParser p, String path, Map<String, SourceLocation> values,
      Map<String, SourceLocation> keys) throws IOException {
    JsonLocation at = p.currentTokenLocation();
    values.put(path, new SourceLocation(at.getLineNr(), at.getColumnNr(), null));
    JsonNodeFactory f = JsonNodeFactory.instance;
    switch (p.currentToken()) {
      case START_OBJECT: {
        ObjectNode o = f.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          String child = Paths.child(path, name);
          JsonLocation k = p.currentTokenLocation();
          keys.put(child, new SourceLocation(k.getLineNr(), k.getColumnNr(), null));
          p.nextToken();
          o.set(name, read(p, child, values, keys));
        }
        return o;
      }
      case START_ARRAY: {
        ArrayNode a = f.arrayNode();
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          a.add(read(p, Paths.index(path, i++), values, keys));
        }
        return a;
      }
      case VALUE_STRING:
        return f.textNode(p.getText());
      case VALUE_NUMBER_INT:
        return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
            ? f.numberNode(p.getBigIntegerValue()) : f.numberNode(p.getLongValue());
      case VALUE_NUMBER_FLOAT:
        return f.numberNode(p.getDecimalValue());
      case VALUE_TRUE:
        return f.booleanNode(true);
      case VALUE_FALSE:
        return f.booleanNode(false);
      case VALUE_NULL:
        return f.nullNode();
      default:
        throw new JsonParseException(p, "unexpected token " + p.currentToken());
    }
  }

  private static ScenarioError syntaxError(String file, JsonParseException e) {
    JsonLocation at = e.getLocation();
    String path = "$";
    JsonParser p = e.getProcessor();
    if (p != null && p.getParsingContext() != null) {
      path = Paths.fromPointer(p.getParsingContext().pathAsPointer().toString());
    }
    String message = e.getOriginalMessage();
    int cut = message.indexOf('\n');
    if (cut > 0) {
      message = message.substring(0, cut);
    }
    String hint = message.startsWith("Duplicate field")
        ? "each key may appear once per object; remove or rename one of them"
        : "the file is not valid JSON here: look for a missing or extra comma, quote, "
            + "bracket or brace at or just before this point";
    return new ScenarioError(file, at == null ? 0 : at.getLineNr(),
        at == null ? 0 : at.getColumnNr(), path, "invalid JSON: " + message, hint);
  }

  JsonNode root() {
    return root;
  }

  /** Position of the value at {@code path}, or UNKNOWN. */
  SourceLocation valueAt(String path) {
    return values.getOrDefault(path, SourceLocation.UNKNOWN);
  }

  /** Position of the key naming {@code path}, or UNKNOWN. */
  SourceLocation keyAt(String path) {
    return keys.getOrDefault(path, SourceLocation.UNKNOWN);
  }

  /**
   * The positions after applying the patch found at {@code patchPath} (a variant): values the
   * patch sets are located where the patch wrote them, everything else where the base did.
   */
  LocatedJson withPatchLocations(JsonNode patched, String patchPath, String variant) {
    Map<String, SourceLocation> v = new HashMap<>(values);
    Map<String, SourceLocation> k = new HashMap<>(keys);
    overlay(values, v, patchPath, variant);
    overlay(keys, k, patchPath, variant);
    return new LocatedJson(patched, v, k);
  }

  /**
   * The positions after {@code --set} overrides replaced the values at {@code overridden} (path
   * to the argument as typed): those values, and everything under them, have no line in the
   * file, and errors about them name the argument instead.
   */
  LocatedJson withOverrides(JsonNode overriddenRoot, Map<String, String> overridden) {
    Map<String, SourceLocation> v = new HashMap<>(values);
    Map<String, SourceLocation> k = new HashMap<>(keys);
    for (Map.Entry<String, String> o : overridden.entrySet()) {
      String path = o.getKey();
      SourceLocation at = SourceLocation.override(o.getValue());
      v.keySet().removeIf(p -> isUnder(p, path));
      k.keySet().removeIf(p -> isUnder(p, path));
      k.put(path, at);
      markAll(at(overriddenRoot, path), path, at, v, k);
    }
    return new LocatedJson(overriddenRoot, v, k);
  }

  private static void markAll(JsonNode node, String path, SourceLocation at,
      Map<String, SourceLocation> v, Map<String, SourceLocation> k) {
    v.put(path, at);
    if (node == null) {
      return;
    }
    if (node.isObject()) {
      java.util.Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String child = Paths.child(path, e.getKey());
        k.put(child, at);
        markAll(e.getValue(), child, at, v, k);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        markAll(node.get(i), Paths.index(path, i), at, v, k);
      }
    }
  }

  /** The node at a dotted path ({@code tiers.web}, {@code faults[2].at}), or null. */
  static JsonNode at(JsonNode root, String path) {
    JsonNode n = root;
    for (PathStep step : PathStep.parse(path)) {
      if (n == null) {
        return null;
      }
      n = step.isIndex() ? n.get(step.index()) : n.get(step.key());
    }
    return n;
  }

  private static boolean isUnder(String p, String path) {
    return p.equals(path) || p.startsWith(path + ".") || p.startsWith(path + "[");
  }

  private static void overlay(Map<String, SourceLocation> from, Map<String, SourceLocation> to,
      String prefix, String variant) {
    String dotted = prefix + ".";
    for (Map.Entry<String, SourceLocation> e : from.entrySet()) {
      String path = e.getKey();
      if (path.startsWith(dotted)) {
        to.put(path.substring(dotted.length()), e.getValue().inVariant(variant));
      }
    }
  }
}
