package dev.dsim.run.theory;

import java.math.BigDecimal;
import java.math.MathContext;

/** Numbers in the models' sentences: four significant digits, no exponent, no trailing zeros. */
final class Format {
  private Format() {}

  static String number(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return String.valueOf(v);
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
  }

  /** A time in seconds as milliseconds ("12.5 ms"). */
  static String ms(double seconds) {
    return number(seconds * 1e3) + " ms";
  }

  /** A fraction as a percentage ("95.2%"). */
  static String percent(double fraction) {
    return number(fraction * 100) + "%";
  }
}
