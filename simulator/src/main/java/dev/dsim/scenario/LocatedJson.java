package dev.dsim.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
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
 * are rejected, as they would silently shadow each other. The parser's own limits (nesting,
 * string, number and key lengths, tokens) are {@link Limits}', and hitting one is a located
 * error like any other.
 *
 * <p>A variant or an override does not copy the tables: it is a thin layer of the positions it
 * changes over the document it came from, so resolving every variant of a file costs time in
 * proportion to the file, not to the square of its number of variants.
 */
final class LocatedJson {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxDocumentLength(Limits.FILE_BYTES)
          .maxTokenCount(Limits.TOKENS)
          .maxNestingDepth(Limits.NESTING_DEPTH)
          .maxStringLength(Limits.STRING_CHARS)
          .maxNameLength(Limits.KEY_CHARS)
          .maxNumberLength(Limits.NUMBER_CHARS)
          .build())
      .build();

  private final JsonNode root;
  /** Position of each value by path; lookups only, never iterated in an order that matters. */
  private final Map<String, SourceLocation> values;
  private final Map<String, SourceLocation> keys;
  /** The document this one is a layer over (null for a parsed file). */
  private final LocatedJson under;
  /** Paths replaced by overrides: what is under them in {@code under} no longer exists. */
  private final List<String> hidden;

  private LocatedJson(JsonNode root, Map<String, SourceLocation> values,
      Map<String, SourceLocation> keys, LocatedJson under, List<String> hidden) {
    this.root = root;
    this.values = values;
    this.keys = keys;
    this.under = under;
    this.hidden = hidden;
  }

  /** Parses {@code text}; a syntax error or a broken limit becomes a located ScenarioError. */
  static LocatedJson parse(String file, String text) throws ScenarioException {
    Map<String, SourceLocation> values = new HashMap<>();
    Map<String, SourceLocation> keys = new HashMap<>();
    JsonParser parser = null;
    try (JsonParser p = FACTORY.createParser(text)) {
      parser = p;
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
      return new LocatedJson(root, values, keys, null, List.of());
    } catch (JsonParseException e) {
      throw new ScenarioException(List.of(syntaxError(file, e)));
    } catch (StreamConstraintsException e) {
      throw new ScenarioException(List.of(JsonLimits.error(file, parser, e)));
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
        : message.contains("CTRL-CHAR") || message.contains("(code 0)")
        ? "the file holds a control character (such as a NUL byte) here: is it a binary file, "
            + "or text saved in another encoding? Save it as UTF-8 text"
        : message.contains("end-of-input")
        ? "the file ends in the middle of the JSON: is it cut short? Close every open string, "
            + "bracket and brace"
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
    return lookup(path, true);
  }

  /** Position of the key naming {@code path}, or UNKNOWN. */
  SourceLocation keyAt(String path) {
    return lookup(path, false);
  }

  private SourceLocation lookup(String path, boolean value) {
    for (LocatedJson d = this; d != null; d = d.under) {
      SourceLocation at = (value ? d.values : d.keys).get(path);
      if (at != null) {
        return at;
      }
      for (String h : d.hidden) {
        if (isUnder(path, h)) {
          return SourceLocation.UNKNOWN;
        }
      }
    }
    return SourceLocation.UNKNOWN;
  }

  /**
   * The positions after applying the patch found at {@code patchPath} (a variant): values the
   * patch sets are located where the patch wrote them, everything else where the base did. Only
   * the patch's own positions are copied (walking the patch, not the tables).
   */
  LocatedJson withPatchLocations(JsonNode patched, String patchPath, String variant) {
    Map<String, SourceLocation> v = new HashMap<>();
    Map<String, SourceLocation> k = new HashMap<>();
    JsonNode patch = at(root, patchPath);
    if (patch != null) {
      copyUnder(patch, patchPath, "", variant, v, k);
    }
    return new LocatedJson(patched, v, k, this, List.of());
  }

  private void copyUnder(JsonNode node, String from, String to, String variant,
      Map<String, SourceLocation> v, Map<String, SourceLocation> k) {
    if (node.isObject()) {
      java.util.Iterator<String> names = node.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        String f = Paths.child(from, name);
        String t = Paths.child(to, name);
        copy(values, f, v, t, variant);
        copy(keys, f, k, t, variant);
        copyUnder(node.get(name), f, t, variant, v, k);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String f = Paths.index(from, i);
        String t = Paths.index(to, i);
        copy(values, f, v, t, variant);
        copyUnder(node.get(i), f, t, variant, v, k);
      }
    }
  }

  private static void copy(Map<String, SourceLocation> from, String f,
      Map<String, SourceLocation> to, String t, String variant) {
    SourceLocation at = from.get(f);
    if (at != null) {
      to.put(t, at.inVariant(variant));
    }
  }

  /**
   * The positions after {@code --set} overrides replaced the values at {@code overridden} (path
   * to the argument as typed): those values, and everything under them, have no line in the
   * file, and errors about them name the argument instead.
   */
  LocatedJson withOverrides(JsonNode overriddenRoot, Map<String, String> overridden) {
    Map<String, SourceLocation> v = new HashMap<>();
    Map<String, SourceLocation> k = new HashMap<>();
    for (Map.Entry<String, String> o : overridden.entrySet()) {
      String path = o.getKey();
      SourceLocation at = SourceLocation.override(o.getValue());
      v.keySet().removeIf(p -> isUnder(p, path));
      k.keySet().removeIf(p -> isUnder(p, path));
      k.put(path, at);
      markAll(at(overriddenRoot, path), path, at, v, k);
    }
    return new LocatedJson(overriddenRoot, v, k, this, List.copyOf(overridden.keySet()));
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
}
