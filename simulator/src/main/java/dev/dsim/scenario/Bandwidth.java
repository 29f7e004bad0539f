package dev.dsim.scenario;

/**
 * A bandwidth in bits per second for the typed builder ({@link Build#gbps}, {@link Build#mbps}
 * …). Its {@link #text} is the canonical string of the format with the largest decimal prefix
 * that divides it exactly: {@code "10Gbit/s"}, {@code "100Mbit/s"}, {@code "1500bit/s"}. The
 * format wants a bandwidth > 0; the binder says so, with the key's JSON path.
 *
 * @param bitsPerSecond the bandwidth, >= 0
 */
public record Bandwidth(long bitsPerSecond) {
  private static final String[] PREFIXES = {"T", "G", "M", "k"};

  public Bandwidth {
    if (bitsPerSecond < 0) {
      throw new IllegalArgumentException("a bandwidth is >= 0 bit/s, got " + bitsPerSecond);
    }
  }

  /** {@code amount} units of {@code unitBits} bits per second, rounded to the bit. */
  static Bandwidth of(double amount, long unitBits) {
    if (!Double.isFinite(amount) || amount * unitBits >= 9.2e18) {
      throw new IllegalArgumentException("not a bandwidth a long of bit/s holds: " + amount);
    }
    return new Bandwidth(Math.round(amount * unitBits));
  }

  /** The canonical string: {@code "10Gbit/s"}. */
  public String text() {
    long unit = 1_000_000_000_000L;
    for (String prefix : PREFIXES) {
      if (bitsPerSecond > 0 && bitsPerSecond % unit == 0) {
        return bitsPerSecond / unit + prefix + "bit/s";
      }
      unit /= 1000;
    }
    return bitsPerSecond + "bit/s";
  }

  @Override
  public String toString() {
    return text();
  }
}
