package dev.dsim.scenario;

/**
 * A size in bytes for the typed builder ({@link Build#bytes}, {@link Build#kib} …). Its
 * {@link #text} is the canonical string of the format: the prefix, binary or decimal, that
 * divides it exactly with the smallest number ({@code "4KiB"}, {@code "64MiB"}, {@code "10GB"}),
 * else bytes ({@code "1500B"}). Whether a size fits a key (a value of 1B to 64MiB, say) is the
 * binder's to say, with the key's JSON path; a negative size cannot be written at all.
 *
 * @param bytes the size, >= 0
 */
public record Size(long bytes) {
  private static final String[] BINARY = {"TiB", "GiB", "MiB", "KiB"};
  private static final String[] DECIMAL = {"TB", "GB", "MB", "kB"};

  public Size {
    if (bytes < 0) {
      throw new IllegalArgumentException("a size is >= 0 bytes, got " + bytes);
    }
  }

  /** {@code amount} units of {@code unitBytes}, rounded to the byte. */
  static Size of(double amount, long unitBytes) {
    if (!Double.isFinite(amount) || amount * unitBytes >= 9.2e18) {
      throw new IllegalArgumentException("not a size a long of bytes holds: " + amount);
    }
    return new Size(Math.round(amount * unitBytes));
  }

  /** The canonical string: {@code "4KiB"}, {@code "10GB"}, {@code "512B"}. */
  public String text() {
    long best = bytes;
    String unit = "B";
    for (int power = 4; power >= 1 && bytes > 0; power--) {
      long binary = 1L << (10 * power);
      long decimal = 1;
      for (int i = 0; i < power; i++) {
        decimal *= 1000;
      }
      // The fewest digits wins; binary first, so a tie ("1KiB" or "1.024kB") stays binary.
      if (bytes % binary == 0 && bytes / binary < best) {
        best = bytes / binary;
        unit = BINARY[4 - power];
      }
      if (bytes % decimal == 0 && bytes / decimal < best) {
        best = bytes / decimal;
        unit = DECIMAL[4 - power];
      }
    }
    return best + unit;
  }

  @Override
  public String toString() {
    return text();
  }
}
