package dev.dsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsim.scenario.format.Condition;
import dev.dsim.scenario.format.Expect;
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
  /** How to write a condition, the hint of every bad one. */
  static final String HINT = "a comparison and a number, e.g. \">= 0.999\", \"== 0\" or "
      + "\"< 200\"";

  private final Problems problems;

  ExpectBinder(Problems problems) {
    this.problems = problems;
  }

  List<Expectation> bind(DocumentObject top) {
    List<Expectation> out = new ArrayList<>();
    if (!top.has("expect")) {
      return out;
    }
    JsonNode node = top.raw("expect");
    String path = top.pathOf("expect");
    if (!node.isObject()) {
      problems.atValue(path, "expected an object of metric: condition, got "
          + Quote.value(node), "e.g. {\"availability\": \">= 0.999\", \"lostWrites\": "
          + "\"== 0\"}");
      return out;
    }
    if (node.size() > Limits.EXPECTATIONS) {
      problems.atValue(path, "at most " + Limits.EXPECTATIONS + " expectations, got "
          + Limits.count(node.size()), "each metric can be expected once");
      return out;
    }
    // The keys against Metric, whatever their conditions: every unknown one is reported.
    List<String> names = new ArrayList<>(Expectation.METRICS);
    names.addAll(Expectation.SHORTHANDS);
    boolean known = true;
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (Metric.named(key) == null) {
        String close = DidYouMean.closest(key, names);
        problems.atKey(Paths.child(path, key), "unknown metric '" + Quote.text(key) + "'",
            close != null ? "did you mean '" + close + "'?" : "metrics: "
                + String.join(", ", names));
        known = false;
      }
    }
    // The conditions through the document model (each bad one located), in file order.
    Expect expect = DocumentReader.section(node, path, Expect.class, problems);
    if (expect == null || !known) {
      return out;
    }
    for (Map.Entry<String, Condition> e : expect.conditions().entrySet()) {
      Matcher m = CONDITION.matcher(e.getValue().text());
      if (!m.matches()) {
        throw new IllegalStateException("the document model let through " + e.getValue());
      }
      out.add(new Expectation(Metric.named(e.getKey()).jsonName(), m.group(1) + " "
          + m.group(2), comparison(m.group(1)), Double.parseDouble(m.group(2))));
    }
    return out;
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
