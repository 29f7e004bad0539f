package dev.dsim.scenario;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses sizes ({@code "4KiB"}, {@code "10GB"}, {@code "512B"}) into bytes and bandwidths
 * ({@code "10Gbit/s"}, {@code "100Mbit/s"}, {@code "1GB/s"}) into bits per second. Decimal
 * prefixes (k, M, G, T) are powers of 1000, binary ones (Ki, Mi, Gi, Ti) powers of 1024, as in
 * IEC 80000-13.
 */
final class Quantities {
  private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kKMGT]i?)?B");
  private static final Pattern RATE =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kKMGT]i?)?(bit|B)/s");

  private Quantities() {}

  /** Bytes in a size string; throws with a readable message when it is not one. */
  static long bytes(String text) {
    Matcher m = SIZE.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("expected a size like \"512B\", \"4KiB\" or \"10GB\", "
          + "got \"" + text + "\"");
    }
    return whole(new BigDecimal(m.group(1)).multiply(prefix(m.group(2))), text);
  }

  /** Bits per second in a bandwidth string; throws with a readable message when it is not one. */
  static double bitsPerSecond(String text) {
    Matcher m = RATE.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("expected a bandwidth like \"10Gbit/s\", \"100Mbit/s\" "
          + "or \"1GB/s\", got \"" + text + "\"");
    }
    BigDecimal v = new BigDecimal(m.group(1)).multiply(prefix(m.group(2)));
    if (m.group(3).equals("B")) {
      v = v.multiply(BigDecimal.valueOf(8));
    }
    if (v.signum() <= 0) {
      throw new IllegalArgumentException("a bandwidth must be > 0, got \"" + text + "\"");
    }
    return v.doubleValue();
  }

  private static BigDecimal prefix(String p) {
    if (p == null) {
      return BigDecimal.ONE;
    }
    boolean binary = p.endsWith("i");
    int power = switch (p.substring(0, 1).toUpperCase(Locale.ROOT)) {
      case "K" -> 1;
      case "M" -> 2;
      case "G" -> 3;
      default -> 4;
    };
    return BigDecimal.valueOf(binary ? 1024 : 1000).pow(power);
  }

  private static long whole(BigDecimal v, String text) {
    try {
      return v.setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("size too large: \"" + text + "\"");
    }
  }
}
