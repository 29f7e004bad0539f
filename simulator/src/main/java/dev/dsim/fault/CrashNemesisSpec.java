package dev.dsim.fault;

import java.util.List;

/**
 * Random crashes: each candidate node fails after an exponential time with mean
 * {@code mttfNanos} of being up and is repaired (restarted) after an exponential time with mean
 * {@code mttrNanos}, but never more than {@code maxDown} candidates are down at once.
 */
public record CrashNemesisSpec(List<Integer> candidates, long mttfNanos, long mttrNanos,
    int maxDown) {
  public CrashNemesisSpec {
    candidates = List.copyOf(candidates);
    if (mttfNanos <= 0 || mttrNanos <= 0) {
      throw new IllegalArgumentException("mttf and mttr must be > 0");
    }
    if (maxDown < 1) {
      throw new IllegalArgumentException("maxDown must be >= 1: " + maxDown);
    }
  }
}
