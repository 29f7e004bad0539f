package dev.dsim.metrics;

/**
 * How well a failure detector did, judged against the truth only the simulator knows: each time
 * it started suspecting a node, was the node really down (a detection, after how long) or up (a
 * false suspicion)? A short timeout detects fast and suspects falsely often; a long one the
 * reverse.
 */
public final class DetectionStats {
  private long detections;
  private long falseSuspicions;
  private long totalDelayNanos;
  private long maxDelayNanos;

  /** A suspicion of a node that was down (or had crashed moments before), {@code delay} late. */
  public void detected(long delayNanos) {
    detections++;
    totalDelayNanos += delayNanos;
    maxDelayNanos = Math.max(maxDelayNanos, delayNanos);
  }

  /** A suspicion of a node that was up. */
  public void falseSuspicion() {
    falseSuspicions++;
  }

  public long detections() {
    return detections;
  }

  public long falseSuspicions() {
    return falseSuspicions;
  }

  /** Mean time from a crash to its detection; 0 without detections. */
  public double meanDelayNanos() {
    return detections == 0 ? 0 : totalDelayNanos / (double) detections;
  }

  public long maxDelayNanos() {
    return maxDelayNanos;
  }
}
