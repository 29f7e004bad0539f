package dev.dsim.scenario;

import java.math.BigDecimal;

/**
 * A duration of the scenario format, in nanoseconds, for the typed builder ({@link Build#ms}
 * and its kin). It is its own type rather than {@code java.time.Duration} because the format and
 * the engine count time as a long of nanoseconds (STYLE.md, habit 3), and because what matters
 * here is the one string a scenario file would hold: {@link #text} is exact (no rounding, so
 * {@code ScenarioLoader} reads back the very same nanoseconds) and canonical, the largest unit
 * (ns, us, ms, s, m, h, d) in which the value is at least 1 with at most three decimals:
 * {@code "8ms"}, {@code "1.5s"}, {@code "500us"}, {@code "-2s"}. Use
 * {@link #of(java.time.Duration)} to bring a {@code java.time.Duration} in.
 *
 * <p>A duration is also the constant distribution of itself ({@link Dist}): {@code work(ms(5))}.
 * It checks nothing about range: whether a negative duration is allowed depends on the key
 * (a clock jump, yes; a timeout, no), and the binder says so with the key's JSON path.
 *
 * @param nanos the length in nanoseconds (negative: backwards, where the key allows it)
 */
public record Duration(long nanos) implements Dist {
  /** The units of the format, largest first, with their length in nanoseconds. */
  private static final String[] UNITS = {"d", "h", "m", "s", "ms", "us", "ns"};
  private static final long[] UNIT_NANOS = {86_400_000_000_000L, 3_600_000_000_000L,
      60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L, 1L};

  /** Zero. */
  public static final Duration ZERO = new Duration(0);

  /** The same length as a {@code java.time.Duration} (throws if it overflows a long of nanos). */
  public static Duration of(java.time.Duration d) {
    return new Duration(d.toNanos());
  }

  /** {@code amount} of a unit of {@code unitNanos} nanoseconds, rounded to the nanosecond. */
  static Duration of(double amount, long unitNanos) {
    if (!Double.isFinite(amount) || Math.abs(amount * unitNanos) >= 9.2e18) {
      throw new IllegalArgumentException("not a duration a long of nanoseconds holds: "
          + amount + " x " + unitNanos + "ns");
    }
    return new Duration(Math.round(amount * unitNanos));
  }

  /** The canonical string of the format: {@code "8ms"}, {@code "1.5s"}, {@code "0s"}. */
  public String text() {
    if (nanos == 0) {
      return "0s";
    }
    long abs = Math.abs(nanos);
    for (int i = 0; i < UNITS.length; i++) {
      long unit = UNIT_NANOS[i];
      // At most three decimals: a multiple of a thousandth of the unit (every unit from the
      // microsecond up is a multiple of 1000 ns); nanoseconds are always whole.
      boolean exact = unit == 1 || nanos % (unit / 1000) == 0;
      if (abs >= unit && exact) {
        BigDecimal v = BigDecimal.valueOf(nanos).divide(BigDecimal.valueOf(unit));
        String text = v.stripTrailingZeros().toPlainString() + UNITS[i];
        // The reader multiplies in double: beyond 2^53 ns (104 days) a decimal of a large
        // unit may not read back to the same nanosecond; then a smaller unit is tried.
        if (unit == 1 || dev.dsim.engine.Durations.parse(text) == nanos) {
          return text;
        }
      }
    }
    return nanos + "ns";
  }

  /** The canonical string, as {@link #text}. */
  @Override
  public String toString() {
    return text();
  }
}
