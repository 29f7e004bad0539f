package dev.dsim.metrics;

/**
 * Counts and latencies of client requests issued inside the measured window
 * [{@code windowStartNanos}, {@code windowEndNanos}): requests issued during warm-up or after the
 * window are not counted, whenever they finish.
 *
 * <p>Availability is ok / total; throughput is ok per second of window. A request is counted
 * once, when its outcome is known.
 */
public final class RequestMetrics {
  private final long windowStartNanos;
  private final long windowEndNanos;
  private final LatencyRecorder latency = new LatencyRecorder();
  private long ok;
  private long failed;
  private long timedOut;
  private long unfinished;
  private long corrupt;
  private long retries;
  private long hedges;
  private final long bucketNanos;
  private final long[] bucketTotal;
  private final long[] bucketOk;
  /**
   * The measured request that failed or timed out first (by when its outcome came), as its
   * issue and end times; -1 while none has: where a diagram of "what went wrong" starts.
   */
  private long firstFailureIssued = -1;
  private long firstFailureEnded = -1;
  private Outcome firstFailureOutcome;
  /** The slowest ok request: its issue time and latency; -1 while none has been ok. */
  private long slowestIssued = -1;
  private long slowestNanos = -1;
  /** Latency of ok requests per bucket (microseconds, 2 digits), created on first use. */
  private final org.HdrHistogram.IntCountsHistogram[] bucketLatency;

  public RequestMetrics(long windowStartNanos, long windowEndNanos) {
    if (windowStartNanos < 0 || windowEndNanos <= windowStartNanos) {
      throw new IllegalArgumentException("bad measured window [" + windowStartNanos + ", "
          + windowEndNanos + ")");
    }
    this.windowStartNanos = windowStartNanos;
    this.windowEndNanos = windowEndNanos;
    this.bucketNanos = bucketNanos(windowEndNanos - windowStartNanos);
    int buckets = (int) ((windowEndNanos - windowStartNanos + bucketNanos - 1) / bucketNanos);
    this.bucketTotal = new long[buckets];
    this.bucketOk = new long[buckets];
    this.bucketLatency = new org.HdrHistogram.IntCountsHistogram[buckets];
  }

  /**
   * A round bucket width (1, 2 or 5 × a power of ten, at least 1 ms) giving at most 200 buckets
   * over the window: fine enough to see a crash and its recovery, coarse enough to chart.
   */
  static long bucketNanos(long windowNanos) {
    long width = 1_000_000;
    while (true) {
      for (long m : new long[] {1, 2, 5}) {
        if (windowNanos <= width * m * 200) {
          return width * m;
        }
      }
      width *= 10;
    }
  }

  /** True when a request issued at this time is measured. */
  public boolean inWindow(long issuedAtNanos) {
    return issuedAtNanos >= windowStartNanos && issuedAtNanos < windowEndNanos;
  }

  /** Records the outcome of a request issued at {@code issuedAtNanos}. */
  public void record(long issuedAtNanos, long completedAtNanos, Outcome outcome) {
    if (!inWindow(issuedAtNanos)) {
      return;
    }
    int bucket = (int) ((issuedAtNanos - windowStartNanos) / bucketNanos);
    bucketTotal[bucket]++;
    if (outcome == Outcome.OK) {
      bucketOk[bucket]++;
    }
    switch (outcome) {
      case OK -> {
        ok++;
        long nanos = completedAtNanos - issuedAtNanos;
        latency.record(nanos);
        if (nanos > slowestNanos) {
          slowestNanos = nanos;
          slowestIssued = issuedAtNanos;
        }
        org.HdrHistogram.IntCountsHistogram h = bucketLatency[bucket];
        if (h == null) {
          // Two digits in microseconds keeps 200 buckets to a few MB, ample for a chart.
          h = new org.HdrHistogram.IntCountsHistogram(2);
          bucketLatency[bucket] = h;
        }
        h.recordValue(Math.max(0, nanos / 1000));
      }
      case FAILED -> {
        failed++;
        firstFailure(issuedAtNanos, completedAtNanos, outcome);
      }
      case TIMED_OUT -> {
        timedOut++;
        firstFailure(issuedAtNanos, completedAtNanos, outcome);
      }
      case UNFINISHED -> unfinished++;
      default -> throw new IllegalStateException("unknown outcome " + outcome);
    }
  }

  private void firstFailure(long issuedAtNanos, long endedAtNanos, Outcome outcome) {
    if (firstFailureEnded < 0 || endedAtNanos < firstFailureEnded) {
      firstFailureIssued = issuedAtNanos;
      firstFailureEnded = endedAtNanos;
      firstFailureOutcome = outcome;
    }
  }

  /** When the first measured request to fail or time out was issued; -1 if none did. */
  public long firstFailureIssuedNanos() {
    return firstFailureIssued;
  }

  /** When that request's failure or timeout came; -1 if none did. */
  public long firstFailureEndedNanos() {
    return firstFailureEnded;
  }

  /** When the slowest ok request was issued; -1 if none was ok. */
  public long slowestIssuedNanos() {
    return slowestIssued;
  }

  /** The slowest ok request's latency; -1 if none was ok. */
  public long slowestNanos() {
    return slowestNanos;
  }

  /** How that request ended (FAILED or TIMED_OUT); null if none did. */
  public Outcome firstFailureOutcome() {
    return firstFailureOutcome;
  }

  /**
   * Counts an ok response (already recorded) whose content was damaged: silent corruption that
   * reached the client. Only requests issued in the window count.
   */
  public void recordCorrupt(long issuedAtNanos) {
    if (inWindow(issuedAtNanos)) {
      corrupt++;
    }
  }

  /** Counts a retry of a request issued at {@code issuedAtNanos} (if it is measured). */
  public void recordRetry(long issuedAtNanos) {
    if (inWindow(issuedAtNanos)) {
      retries++;
    }
  }

  /** Counts a hedged (duplicate) request for one issued at {@code issuedAtNanos}. */
  public void recordHedge(long issuedAtNanos) {
    if (inWindow(issuedAtNanos)) {
      hedges++;
    }
  }

  /** Retries sent for measured requests. */
  public long retries() {
    return retries;
  }

  /** Hedged copies sent for measured requests. */
  public long hedges() {
    return hedges;
  }

  /** Width of the time buckets of {@link #bucketTotal} and {@link #bucketOk}. */
  public long bucketNanos() {
    return bucketNanos;
  }

  /** Requests issued in each bucket of the window (by issue time) that have an outcome. */
  public long[] bucketTotal() {
    return bucketTotal.clone();
  }

  /**
   * The latency at {@code percentile} (0..100) of the ok requests issued in each bucket, in
   * milliseconds (2 significant digits); NaN for a bucket without any.
   */
  public double[] bucketLatencyMs(double percentile) {
    double[] v = new double[bucketLatency.length];
    for (int i = 0; i < v.length; i++) {
      org.HdrHistogram.IntCountsHistogram h = bucketLatency[i];
      v[i] = h == null ? Double.NaN
          : h.getValueAtPercentile(percentile) / 1000.0;
    }
    return v;
  }

  /** Ok requests issued in each bucket of the window. */
  public long[] bucketOk() {
    return bucketOk.clone();
  }

  /** Ok responses in the window whose content was damaged (counted among the ok ones). */
  public long corrupt() {
    return corrupt;
  }

  public long total() {
    return ok + failed + timedOut + unfinished;
  }

  public long ok() {
    return ok;
  }

  /** Failed replies plus requests left unanswered at the end of the run. */
  public long failed() {
    return failed + unfinished;
  }

  public long timedOut() {
    return timedOut;
  }

  public long unfinished() {
    return unfinished;
  }

  /** ok / total; 1 when no request was measured (nothing failed). */
  public double availability() {
    long total = total();
    return total == 0 ? 1.0 : ok / (double) total;
  }

  /** Ok requests per second of measured window. */
  public double throughputPerSecond() {
    return ok / ((windowEndNanos - windowStartNanos) / 1e9);
  }

  public LatencyRecorder latency() {
    return latency;
  }

  public long windowStartNanos() {
    return windowStartNanos;
  }

  public long windowEndNanos() {
    return windowEndNanos;
  }
}
