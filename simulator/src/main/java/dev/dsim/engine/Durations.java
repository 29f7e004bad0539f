package dev.dsim.engine;

import java.util.Locale;

/**
 * Simulated durations: long nanoseconds, with parsing and formatting of the human forms used in
 * scenarios ({@code "250us"}, {@code "2ms"}, {@code "30s"}, {@code "5m"}, {@code "2h"},
 * {@code "1d"}, also {@code "ns"}, decimals such as {@code "1.5s"} and compound forms such
 * as {@code "1m30s"}).
 */
public final class Durations {
  public static final long NANOS_PER_MICRO = 1_000L;
  public static final long NANOS_PER_MILLI = 1_000_000L;
  public static final long NANOS_PER_SECOND = 1_000_000_000L;
  public static final long NANOS_PER_MINUTE = 60 * NANOS_PER_SECOND;
  public static final long NANOS_PER_HOUR = 60 * NANOS_PER_MINUTE;
  public static final long NANOS_PER_DAY = 24 * NANOS_PER_HOUR;

  /** The units a duration string may end with, longest suffix first where they share letters. */
  private static final String[] UNITS = {"ns", "us", "µs", "ms", "s", "m", "h", "d"};
  private static final long[] UNIT_NANOS = {
    1L, NANOS_PER_MICRO, NANOS_PER_MICRO, NANOS_PER_MILLI, NANOS_PER_SECOND,
    NANOS_PER_MINUTE, NANOS_PER_HOUR, NANOS_PER_DAY
  };

  private Durations() {}

  /** {@code n} microseconds, in nanoseconds: {@code us(250)} for a timer or a delay. */
  public static long us(long n) {
    return Math.multiplyExact(n, NANOS_PER_MICRO);
  }

  /** {@code n} milliseconds, in nanoseconds: {@code ctx.setTimer(ms(50), "heartbeat")}. */
  public static long ms(long n) {
    return Math.multiplyExact(n, NANOS_PER_MILLI);
  }

  /** {@code n} seconds, in nanoseconds: {@code sim.runUntil(seconds(10))}. */
  public static long seconds(long n) {
    return Math.multiplyExact(n, NANOS_PER_SECOND);
  }

  /** {@code n} minutes, in nanoseconds. */
  public static long minutes(long n) {
    return Math.multiplyExact(n, NANOS_PER_MINUTE);
  }

  /** {@code n} hours, in nanoseconds. */
  public static long hours(long n) {
    return Math.multiplyExact(n, NANOS_PER_HOUR);
  }

  /**
   * Parses a duration such as {@code "2ms"} or {@code "-2s"} into nanoseconds.
   *
   * @throws IllegalArgumentException with a message saying what form is expected
   */
  public static long parse(String text) {
    String s = text.strip();
    if (COMPOUND.matcher(s).matches()) {
      return compound(s, text);
    }
    for (int i = 0; i < UNITS.length; i++) {
      String unit = UNITS[i];
      if (s.endsWith(unit) && s.length() > unit.length()) {
        String number = s.substring(0, s.length() - unit.length()).strip();
        if (unit.equals("s") && (number.endsWith("n") || number.endsWith("u")
            || number.endsWith("µ") || number.endsWith("m"))) {
          continue; // "2ms" ends with "s" too; the longer unit is matched in its own turn
        }
        return toNanos(number, UNIT_NANOS[i], text);
      }
    }
    throw new IllegalArgumentException(
        "'" + text + "' is not a duration; write a number and a unit: ns, us, ms, s, m, h or d"
            + " (for example \"250us\", \"2ms\", \"30s\")");
  }

  /** Two or more number-unit parts, such as {@code 1m30s} or {@code -1h15m}. */
  private static final java.util.regex.Pattern PART = java.util.regex.Pattern.compile(
      "(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h|d)");
  private static final java.util.regex.Pattern COMPOUND = java.util.regex.Pattern.compile(
      "[+-]?(?:(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:ns|us|µs|ms|s|m|h|d)){2,}");

  /**
   * A compound duration ({@code 1h15m}, {@code 1m30s}, {@code 2s500ms}): the parts' sum, each
   * unit at most once and from the largest down, so that a typo such as {@code 30s1m} is
   * refused rather than read as 90 s.
   */
  private static long compound(String s, String original) {
    boolean negative = s.startsWith("-");
    java.util.regex.Matcher m = PART.matcher(s);
    long total = 0;
    long previous = Long.MAX_VALUE;
    while (m.find()) {
      long unit = UNIT_NANOS[java.util.Arrays.asList(UNITS).indexOf(m.group(2))];
      if (unit >= previous) {
        throw new IllegalArgumentException("'" + original + "' is not a duration: in a compound"
            + " duration each unit comes once, the largest first (for example \"1h15m\", "
            + "\"1m30s\", \"2s500ms\")");
      }
      previous = unit;
      total = Math.addExact(total, toNanos(m.group(1), unit, original));
    }
    return negative ? -total : total;
  }

  private static long toNanos(String number, long unitNanos, String original) {
    double value;
    try {
      if (number.isEmpty() || !number.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?")) {
        throw new NumberFormatException(number);
      }
      value = Double.parseDouble(number);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + original + "' is not a duration: '" + number
          + "' is not a number (for example \"250us\", \"2ms\", \"1.5s\", \"1m30s\")", e);
    }
    double nanos = value * unitNanos;
    if (Math.abs(nanos) >= 9.2e18) {
      throw new IllegalArgumentException("'" + original + "' is too long a duration (max ~292 years)");
    }
    return Math.round(nanos);
  }

  /** Formats nanoseconds compactly in the largest unit that keeps it readable ("1.5s", "250us"). */
  public static String format(long nanos) {
    long abs = Math.abs(nanos);
    if (abs == 0) {
      return "0s";
    }
    if (abs < NANOS_PER_MICRO) {
      return nanos + "ns";
    }
    if (abs < NANOS_PER_MILLI) {
      return trim(nanos / (double) NANOS_PER_MICRO) + "us";
    }
    if (abs < NANOS_PER_SECOND) {
      return trim(nanos / (double) NANOS_PER_MILLI) + "ms";
    }
    if (abs < NANOS_PER_MINUTE * 2) {
      return trim(nanos / (double) NANOS_PER_SECOND) + "s";
    }
    if (abs < NANOS_PER_HOUR * 2) {
      return trim(nanos / (double) NANOS_PER_MINUTE) + "m";
    }
    return trim(nanos / (double) NANOS_PER_HOUR) + "h";
  }

  /** Nanoseconds as (fractional) seconds. */
  public static double toSeconds(long nanos) {
    return nanos / (double) NANOS_PER_SECOND;
  }

  private static String trim(double v) {
    String s = String.format(Locale.ROOT, "%.3f", v);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }
}
