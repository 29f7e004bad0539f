package dev.dsim.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Offered loads for {@code sweep --loads}: a list ({@code 100,200,400}), a range with a step
 * ({@code 100..1000:100}), or both ({@code 50,100..500:100}); in the order given.
 */
record LoadList(List<Double> values) {
  static final int MAX_POINTS = 10_000;

  /** Parses the option for picocli. */
  static final class Converter implements CommandLine.ITypeConverter<LoadList> {
    @Override
    public LoadList convert(String value) {
      List<Double> list = new ArrayList<>();
      for (String part : value.split(",")) {
        String p = part.trim();
        int dots = p.indexOf("..");
        try {
          if (dots < 0) {
            list.add(positive(Double.parseDouble(p), value));
          } else {
            int colon = p.indexOf(':', dots);
            if (colon < 0) {
              throw new CommandLine.TypeConversionException("a range of loads needs a step: "
                  + "'" + p + ":STEP', e.g. 100..1000:100");
            }
            double a = positive(Double.parseDouble(p.substring(0, dots)), value);
            double b = positive(Double.parseDouble(p.substring(dots + 2, colon)), value);
            double step = positive(Double.parseDouble(p.substring(colon + 1)), value);
            if (b < a) {
              throw new CommandLine.TypeConversionException("the range " + p + " is empty: "
                  + "write it low..high:step");
            }
            long n = (long) Math.floor((b - a) / step + 1e-9) + 1;
            if (n > MAX_POINTS) {
              throw new CommandLine.TypeConversionException("the range " + p + " has " + n
                  + " loads; at most " + MAX_POINTS);
            }
            for (long i = 0; i < n; i++) {
              list.add(a + i * step);
            }
          }
        } catch (NumberFormatException e) {
          throw new CommandLine.TypeConversionException("expected loads like 100,200,400 or "
              + "100..1000:100, got '" + value + "'");
        }
      }
      if (list.size() > MAX_POINTS) {
        throw new CommandLine.TypeConversionException("at most " + MAX_POINTS + " loads");
      }
      return new LoadList(List.copyOf(list));
    }

    private static double positive(double v, String value) {
      if (!(v > 0) || Double.isInfinite(v)) {
        throw new CommandLine.TypeConversionException("loads must be positive numbers, got '"
            + value + "'");
      }
      return v;
    }
  }
}
