package dev.dsim.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * One axis of a parameter grid, {@code sweep --param PATH=VALUES}: a scenario setting (a path as
 * {@code --set} takes it) and the values it takes, in the order given. Values are a list
 * ({@code 4,8,16}), a range of integers ({@code 4..12}) or of numbers with a step
 * ({@code 4..12:2}, {@code 0.5..2:0.25}), any mix of those, or words ({@code
 * round-robin,least-outstanding}); each is applied as {@code --set PATH=VALUE}, so anything
 * {@code --set} accepts can be swept and every run replays with the same {@code --set}.
 *
 * @param path the setting, e.g. {@code tiers.web.nodes}
 * @param values the values as {@code --set} takes them
 */
record ParamAxis(String path, List<String> values) {
  /** The most values one axis, or the whole grid, may have. */
  static final int MAX_POINTS = 10_000;

  ParamAxis {
    values = List.copyOf(values);
  }

  /** The override of one value: {@code tiers.web.nodes=4}. */
  String set(int i) {
    return path + "=" + values.get(i);
  }

  /** Whether every value is a number (the axis can be drawn to scale). */
  boolean numeric() {
    for (String v : values) {
      if (number(v) == null) {
        return false;
      }
    }
    return true;
  }

  /** As the user could type it again. */
  String argument() {
    return path + "=" + String.join(",", values);
  }

  static BigDecimal number(String text) {
    try {
      return new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Parses {@code PATH=VALUES}. */
  static ParamAxis parse(String argument) {
    int eq = argument.indexOf('=');
    if (eq <= 0 || eq == argument.length() - 1) {
      throw new CommandLine.TypeConversionException("expected PATH=VALUES, got '" + argument
          + "': e.g. --param tiers.web.nodes=4..12 or --param tiers.web.cores=4,8");
    }
    String path = argument.substring(0, eq).trim();
    List<String> values = new ArrayList<>();
    for (String part : argument.substring(eq + 1).split(",", -1)) {
      String p = part.trim();
      if (p.isEmpty()) {
        throw new CommandLine.TypeConversionException("an empty value in '" + argument
            + "': write the values separated by commas, e.g. 4,8,16");
      }
      int dots = p.indexOf("..");
      if (dots < 0) {
        values.add(p);
      } else {
        range(argument, p, dots, values);
      }
      if (values.size() > MAX_POINTS) {
        throw new CommandLine.TypeConversionException("'" + argument + "' has more than "
            + MAX_POINTS + " values");
      }
    }
    List<String> seen = new ArrayList<>();
    for (String v : values) {
      if (seen.contains(v)) {
        throw new CommandLine.TypeConversionException("'" + argument + "' gives " + v
            + " twice: each value once");
      }
      seen.add(v);
    }
    return new ParamAxis(path, values);
  }

  /** Expands {@code A..B} (integers, step 1) or {@code A..B:STEP}, exactly (no drift). */
  private static void range(String argument, String p, int dots, List<String> out) {
    int colon = p.indexOf(':', dots);
    BigDecimal a = number(p.substring(0, dots));
    BigDecimal b = number(colon < 0 ? p.substring(dots + 2) : p.substring(dots + 2, colon));
    BigDecimal step = colon < 0 ? BigDecimal.ONE : number(p.substring(colon + 1));
    if (a == null || b == null || step == null) {
      throw new CommandLine.TypeConversionException("'" + p + "' in '" + argument + "' is not "
          + "a range: write LOW..HIGH (integers) or LOW..HIGH:STEP, e.g. 4..12 or 0.5..2:0.5");
    }
    if (colon < 0 && (a.stripTrailingZeros().scale() > 0 || b.stripTrailingZeros().scale() > 0)) {
      throw new CommandLine.TypeConversionException("the range '" + p + "' is not of integers: "
          + "give its step, e.g. " + p + ":0.5");
    }
    if (step.signum() <= 0) {
      throw new CommandLine.TypeConversionException("the step of '" + p + "' must be positive");
    }
    if (b.compareTo(a) < 0) {
      throw new CommandLine.TypeConversionException("the range '" + p + "' is empty: write it "
          + "LOW..HIGH");
    }
    BigDecimal count = b.subtract(a).divideToIntegralValue(step).add(BigDecimal.ONE);
    if (count.compareTo(BigDecimal.valueOf(MAX_POINTS)) > 0) {
      throw new CommandLine.TypeConversionException("the range '" + p + "' has " + count
          .toPlainString() + " values; at most " + MAX_POINTS);
    }
    for (BigDecimal v = a; v.compareTo(b) <= 0; v = v.add(step)) {
      out.add(v.stripTrailingZeros().toPlainString());
    }
  }

  /** The picocli converter. */
  static final class Converter implements CommandLine.ITypeConverter<ParamAxis> {
    @Override
    public ParamAxis convert(String value) {
      return parse(value);
    }
  }
}
