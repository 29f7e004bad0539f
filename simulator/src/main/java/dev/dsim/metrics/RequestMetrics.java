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

  public RequestMetrics(long windowStartNanos, long windowEndNanos) {
    if (windowStartNanos < 0 || windowEndNanos <= windowStartNanos) {
      throw new IllegalArgumentException("bad measured window [" + windowStartNanos + ", "
          + windowEndNanos + ")");
    }
    this.windowStartNanos = windowStartNanos;
    this.windowEndNanos = windowEndNanos;
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
    switch (outcome) {
      case OK -> {
        ok++;
        latency.record(completedAtNanos - issuedAtNanos);
      }
      case FAILED -> failed++;
      case TIMED_OUT -> timedOut++;
      case UNFINISHED -> unfinished++;
      default -> throw new IllegalStateException("unknown outcome " + outcome);
    }
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
