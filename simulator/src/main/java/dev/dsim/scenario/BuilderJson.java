package dev.dsim.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * How the typed builder writes the format's JSON: numbers as a person would write them, the
 * value types as their canonical strings, distributions as their objects, and the merge of a
 * section into the document. It writes; it never validates (that is the binder's, so that a
 * mistake in code reads like a mistake in a file).
 */
final class BuilderJson {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);
  /** Keys whose object is the user's own data, taken whole (nulls kept), never merged. */
  private static final String VERBATIM = "settings";

  private BuilderJson() {}

  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  /** A finite number; a whole one without ".0" ({@code 300}, not {@code 300.0}). */
  static JsonNode number(double d) {
    if (!Double.isFinite(d)) {
      throw new IllegalArgumentException("JSON has no " + d + "; give a finite number");
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return JsonNodeFactory.instance.numberNode((long) d);
    }
    return JsonNodeFactory.instance.numberNode(d);
  }

  /** The shortest plain decimal that reads back as {@code d}: {@code 0.99}, {@code 200}. */
  static String plain(double d) {
    return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
  }

  static JsonNode text(String s) {
    return JsonNodeFactory.instance.textNode(s);
  }

  /** A distribution as the format writes it: a bare duration, or {@code {"dist": ...}}. */
  static JsonNode dist(Dist d) {
    if (d instanceof Duration c) {
      return text(c.text());
    }
    ObjectNode o = object();
    if (d instanceof Dist.Exponential e) {
      o.put("dist", "exponential").put("mean", e.mean().text());
    } else if (d instanceof Dist.Uniform u) {
      o.put("dist", "uniform").put("min", u.min().text()).put("max", u.max().text());
    } else if (d instanceof Dist.Normal n) {
      o.put("dist", "normal").put("mean", n.mean().text()).put("stddev", n.stddev().text());
    } else if (d instanceof Dist.LogNormal l) {
      o.put("dist", "lognormal").put("median", l.median().text()).put("p99", l.p99().text());
    } else if (d instanceof Dist.Pareto p) {
      o.put("dist", "pareto").put("scale", p.scale().text()).set("shape", number(p.shape()));
    }
    return o;
  }

  /** A target: one name as a string, several as a list (as a person writes them). */
  static JsonNode names(String first, String... more) {
    if (more.length == 0) {
      return text(first);
    }
    ArrayNode a = array().add(first);
    for (String s : more) {
      a.add(s);
    }
    return a;
  }

  /** A list of names, always as a list. */
  static ArrayNode list(List<String> names) {
    ArrayNode a = array();
    names.forEach(a::add);
    return a;
  }

  /** Any value of the user's (process settings): maps, lists, strings, numbers, booleans. */
  static JsonNode value(Object value) {
    return JSON.valueToTree(value);
  }

  /**
   * Merges {@code patch} into {@code target}, key by key into objects; anything else replaces.
   * A null in the patch deletes the key ({@code keepNulls} false: a scenario, RFC 7386 applied)
   * or stays a null ({@code keepNulls} true: a variant's patch, where it will delete the key
   * from the base). Process settings are taken whole.
   */
  static void merge(ObjectNode target, ObjectNode patch, boolean keepNulls) {
    Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      String key = e.getKey();
      JsonNode v = e.getValue();
      if (v.isNull() && !keepNulls) {
        target.remove(key);
      } else if (v.isObject() && !key.equals(VERBATIM) && target.get(key) instanceof ObjectNode t) {
        merge(t, (ObjectNode) v, keepNulls);
      } else if (v.isObject() && !key.equals(VERBATIM)) {
        ObjectNode fresh = target.putObject(key);
        merge(fresh, (ObjectNode) v, keepNulls);
      } else {
        target.set(key, v.deepCopy());
      }
    }
  }

  /** The object under {@code key}, created when absent. */
  static ObjectNode child(ObjectNode parent, String key) {
    return parent.get(key) instanceof ObjectNode o ? o : parent.putObject(key);
  }

  static String toText(JsonNode root) {
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
