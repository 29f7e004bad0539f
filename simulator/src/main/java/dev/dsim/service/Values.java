package dev.dsim.service;

/**
 * The values clients write: every write writes a value no other write used, so a checker can
 * tell which write a read saw, and a damaged value is recognisably one that nobody wrote.
 *
 * <p>Values are the n-th write's sequence number through a 64-bit bijective mixer (the SplitMix64
 * finaliser): distinct sequence numbers give distinct values, and a flipped bit in one lands on
 * another written value with a probability of about (writes / 2^64).
 */
public final class Values {
  private Values() {}

  /** The value of the {@code seq}-th write (seq >= 1); never {@code 0}, the "nothing" value. */
  public static long unique(long seq) {
    if (seq < 1) {
      throw new IllegalArgumentException("write sequence numbers start at 1: " + seq);
    }
    return mix(seq);
  }

  /** What a damaged copy of {@code value} reads as: a value no write wrote. */
  public static long garble(long value) {
    long g = mix(value ^ 0x5DEECE66DL) ^ 0xA5A5A5A5A5A5A5A5L;
    return g == 0 ? 1 : g;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
