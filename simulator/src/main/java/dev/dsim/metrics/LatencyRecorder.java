package dev.dsim.metrics;

import org.HdrHistogram.Histogram;

/**
 * Latencies of successful requests: an HdrHistogram (3 significant digits) for percentiles, plus
 * an exact sum for the mean, so the mean carries no bucketing error (it is what queueing theory
 * is checked against).
 */
public final class LatencyRecorder {
  private final Histogram histogram = new Histogram(3);
  private long count;
  private double sumNanos;
  private long maxNanos;

  public void record(long latencyNanos) {
    long v = Math.max(0, latencyNanos);
    histogram.recordValue(v);
    count++;
    sumNanos += v;
    if (v > maxNanos) {
      maxNanos = v;
    }
  }

  public long count() {
    return count;
  }

  /** Exact mean in nanoseconds; 0 when nothing was recorded. */
  public double meanNanos() {
    return count == 0 ? 0 : sumNanos / count;
  }

  /** Exact maximum in nanoseconds. */
  public long maxNanos() {
    return maxNanos;
  }

  /**
   * The percentiles of a latency distribution plot (HdrHistogram's percentile plot: the tail
   * spread out on a log scale of 1 / (1 - p)).
   */
  public static final double[] DISTRIBUTION_PERCENTILES = {0, 25, 50, 75, 90, 95, 97.5, 99,
      99.5, 99.75, 99.9, 99.95, 99.975, 99.99, 99.995, 99.999, 100};

  /** Value at a percentile (0..100) in nanoseconds, within HdrHistogram's 3-digit precision. */
  public long percentileNanos(double percentile) {
    return count == 0 ? 0 : histogram.getValueAtPercentile(percentile);
  }
}
