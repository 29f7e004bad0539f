package dev.dsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsim.engine.Distribution;
import java.util.List;

/**
 * Reads a duration distribution: a bare duration string (a constant) or
 * {@code {"dist": "exponential", "mean": "8ms"}} and its kin. Values become nanoseconds.
 */
final class DistributionReader {
  private static final List<String> KINDS = List.of(
      "constant", "exponential", "uniform", "normal", "lognormal", "pareto");

  private DistributionReader() {}

  /** The distribution at {@code path}, or null after reporting what is wrong. */
  static Distribution read(JsonNode v, String path, Problems problems) {
    if (v.isTextual()) {
      Long nanos = Fields.durationValue(v, path, problems);
      if (nanos == null) {
        return null;
      }
      if (nanos < 0) {
        problems.atValue(path, "expected a duration >= 0, got \"" + v.textValue() + "\"", "");
        return null;
      }
      return new Distribution.Constant(nanos);
    }
    if (!v.isObject()) {
      problems.atValue(path, "expected a duration like \"8ms\" or a distribution like "
          + "{\"dist\": \"exponential\", \"mean\": \"8ms\"}, got " + Fields.describe(v),
          v.isNumber() ? "durations need a unit: \"" + v.asText() + "ms\"" : "");
      return null;
    }
    JsonNode kindNode = v.get("dist");
    if (kindNode == null || !kindNode.isTextual() || !KINDS.contains(kindNode.textValue())) {
      String got = kindNode == null ? "no \"dist\" key" : Fields.describe(kindNode);
      String suggestion = kindNode != null && kindNode.isTextual()
          ? DidYouMean.closest(kindNode.textValue(), KINDS) : null;
      problems.atValue(kindNode == null ? path : Paths.child(path, "dist"),
          "expected \"dist\" to be one of " + String.join(", ", KINDS) + "; got " + got,
          suggestion != null ? "did you mean \"" + suggestion + "\"?" : "");
      return null;
    }
    String kind = kindNode.textValue();
    return switch (kind) {
      case "constant" -> build(v, path, problems, List.of("value"),
          d -> new Distribution.Constant(d[0]));
      case "exponential" -> build(v, path, problems, List.of("mean"),
          d -> new Distribution.Exponential(d[0]));
      case "uniform" -> build(v, path, problems, List.of("min", "max"),
          d -> new Distribution.Uniform(d[0], d[1]));
      case "normal" -> build(v, path, problems, List.of("mean", "stddev"),
          d -> new Distribution.Normal(d[0], d[1]));
      case "lognormal" -> build(v, path, problems, List.of("median", "p99"),
          d -> new Distribution.LogNormal(d[0], d[1]));
      default -> pareto(v, path, problems);
    };
  }

  private interface Maker {
    Distribution make(double[] nanos);
  }

  /** A distribution whose parameters are all durations. */
  private static Distribution build(JsonNode v, String path, Problems problems,
      List<String> params, Maker maker) {
    Fields f = Fields.of(v, path, problems, concat(params));
    double[] values = new double[params.size()];
    boolean ok = true;
    for (int i = 0; i < params.size(); i++) {
      String p = params.get(i);
      if (!f.has(p)) {
        f.missing(p, "a duration", "\"10ms\"");
        ok = false;
        continue;
      }
      Long nanos = Fields.durationValue(f.raw(p), f.pathOf(p), problems);
      if (nanos == null) {
        ok = false;
      } else {
        values[i] = nanos;
      }
    }
    return ok ? construct(v, path, problems, () -> maker.make(values)) : null;
  }

  private static Distribution pareto(JsonNode v, String path, Problems problems) {
    Fields f = Fields.of(v, path, problems, List.of("dist", "scale", "shape"));
    Long scale = null;
    if (!f.has("scale")) {
      f.missing("scale", "the minimum value, a duration", "\"1ms\"");
    } else {
      scale = Fields.durationValue(f.raw("scale"), f.pathOf("scale"), problems);
    }
    if (!f.has("shape")) {
      f.missing("shape", "the tail index, a number > 0", "1.5");
    }
    double shape = f.numberAbove("shape", Double.NaN, 0);
    if (scale == null || Double.isNaN(shape)) {
      return null;
    }
    long s = scale;
    return construct(v, path, problems, () -> new Distribution.Pareto(s, shape));
  }

  private static Distribution construct(JsonNode v, String path, Problems problems,
      java.util.function.Supplier<Distribution> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException e) {
      // The record speaks in nanoseconds; show the rule, then the user's own values.
      String rule = e.getMessage().replaceAll(", got .*$", "");
      problems.atValue(path, rule + ", got " + v, "");
      return null;
    }
  }

  private static List<String> concat(List<String> params) {
    java.util.ArrayList<String> all = new java.util.ArrayList<>();
    all.add("dist");
    all.addAll(params);
    return all;
  }
}
