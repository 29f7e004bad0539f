package dev.dsim.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Rounds doubles for output from their exact binary value (not from {@code Double.toString},
 * whose digits changed between JDK versions), so reports are byte-identical on every JVM.
 */
final class Numbers {
  private Numbers() {}

  /** {@code value} rounded to {@code decimals} places, without trailing zeros. */
  static BigDecimal fixed(double value, int decimals) {
    requireFinite(value);
    BigDecimal d = new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN);
    return clean(d);
  }

  /** {@code value} rounded to {@code digits} significant digits, without trailing zeros. */
  static BigDecimal significant(double value, int digits) {
    requireFinite(value);
    return clean(new BigDecimal(value).round(new MathContext(digits, RoundingMode.HALF_EVEN)));
  }

  private static BigDecimal clean(BigDecimal d) {
    if (d.signum() == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal s = d.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  private static void requireFinite(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("cannot write a non-finite number: " + value);
    }
  }
}
