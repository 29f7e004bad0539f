package dev.dsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binds {@code expect}: an object of metric name to condition ({@code "<op> <number>"}, op one
 * of >=, >, <=, <, ==, !=), kept in file order. Reports every bad entry, each located.
 */
final class ExpectBinder {
  static final Pattern CONDITION = Pattern.compile(
      "\\s*(>=|<=|==|!=|>|<)\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*");
  private static final String HINT = "a comparison and a number, e.g. \">= 0.999\", \"== 0\" or "
      + "\"< 200\"";

  private final Problems problems;

  ExpectBinder(Problems problems) {
    this.problems = problems;
  }

  List<Expectation> bind(Fields top) {
    List<Expectation> out = new ArrayList<>();
    if (!top.has("expect")) {
      return out;
    }
    JsonNode node = top.raw("expect");
    String path = top.pathOf("expect");
    if (!node.isObject()) {
      problems.atValue(path, "expected an object of metric: condition, got "
          + Fields.describe(node), "e.g. {\"availability\": \">= 0.999\", \"lostWrites\": "
          + "\"== 0\"}");
      return out;
    }
    if (node.size() > Limits.EXPECTATIONS) {
      problems.atValue(path, "at most " + Limits.EXPECTATIONS + " expectations, got "
          + Limits.count(node.size()), "each metric can be expected once");
      return out;
    }
    List<String> names = new ArrayList<>(Expectation.METRICS);
    names.addAll(Expectation.SHORTHANDS);
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String at = Paths.child(path, e.getKey());
      String metric = canonical(e.getKey());
      if (metric == null) {
        String close = DidYouMean.closest(e.getKey(), names);
        problems.atKey(at, "unknown metric '" + Fields.shorten(e.getKey()) + "'", close != null
            ? "did you mean '" + close + "'?" : "metrics: " + String.join(", ", names));
        continue;
      }
      JsonNode v = e.getValue();
      Matcher m = v.isTextual() ? CONDITION.matcher(v.textValue()) : null;
      if (m == null || !m.matches()) {
        problems.atValue(at, "expected a condition like \">= 0.999\", got " + Fields.describe(v),
            HINT);
        continue;
      }
      Expectation.Comparison op = comparison(m.group(1));
      out.add(new Expectation(metric, m.group(1) + " " + m.group(2), op,
          Double.parseDouble(m.group(2))));
    }
    return out;
  }

  private static String canonical(String name) {
    if (Expectation.METRICS.contains(name)) {
      return name;
    }
    if (Expectation.SHORTHANDS.contains(name)) {
      return "consistency." + name;
    }
    return null;
  }

  private static Expectation.Comparison comparison(String symbol) {
    for (Expectation.Comparison c : Expectation.Comparison.values()) {
      if (c.symbol().equals(symbol)) {
        return c;
      }
    }
    throw new IllegalArgumentException(symbol);
  }
}
