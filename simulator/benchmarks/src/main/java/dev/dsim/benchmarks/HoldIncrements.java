package dev.dsim.benchmarks;

import dev.dsim.engine.Rng;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/** The increments of the hold model, drawn up front so that sampling is not measured. */
final class HoldIncrements {
  /** Mean increment: 1 s, in nanoseconds (integers, so that double-time peers stay exact). */
  static final long MEAN_NANOS = 1_000_000_000L;

  private HoldIncrements() {}

  /**
   * {@code count} (a power of two, so contenders can wrap with a mask) exponential increments
   * from the named stream "hold" of the given seed, rounded to whole nanoseconds.
   */
  static long[] exponential(int count, long seed) {
    if (Integer.bitCount(count) != 1) {
      throw new IllegalArgumentException("a power of two, got " + count);
    }
    ContinuousSampler exp = Rng.root(seed).fork("hold").exponential(MEAN_NANOS);
    long[] d = new long[count];
    for (int i = 0; i < count; i++) {
      d[i] = Math.round(exp.sample());
    }
    return d;
  }
}
