package dev.dsim.scenario;

/**
 * A size in bytes for the typed builder ({@link Build#bytes}, {@link Build#kib} …). Its
 * {@link #text} is the canonical string of the format: the largest binary prefix that divides it
 * exactly ({@code "4KiB"}, {@code "64MiB"}), else the largest decimal one ({@code "10GB"}), else
 * bytes ({@code "1500B"}). Whether a size fits a key (a value of 1B to 64MiB, say) is the
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
    if (bytes > 0) {
      for (int i = 0; i < BINARY.length; i++) {
        long unit = 1L << (10 * (BINARY.length - i));
        if (bytes % unit == 0) {
          return bytes / unit + BINARY[i];
        }
      }
      long unit = 1_000_000_000_000L;
      for (String prefix : DECIMAL) {
        if (bytes % unit == 0) {
          return bytes / unit + prefix;
        }
        unit /= 1000;
      }
    }
    return bytes + "B";
  }

  @Override
  public String toString() {
    return text();
  }
}
