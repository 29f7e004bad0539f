package dev.dsim.fault;

import java.util.Objects;

/**
 * A fault the nemesis injects again and again at random: the gaps between strikes are
 * exponential with mean {@code meanIntervalNanos} (a Poisson process, "mtbf" or "rate" in a
 * scenario), and each strike draws its random choices (a random node, a random split) afresh
 * from the nemesis' own stream.
 */
public record RandomFaultSpec(Fault fault, long meanIntervalNanos) {
  public RandomFaultSpec {
    Objects.requireNonNull(fault, "fault");
    if (meanIntervalNanos <= 0) {
      throw new IllegalArgumentException("mean interval must be > 0: " + meanIntervalNanos);
    }
    if (fault instanceof Fault.Crash) {
      throw new IllegalArgumentException("random crashes have their own nemesis "
          + "(CrashNemesisSpec: mttf, mttr, maxDown)");
    }
  }
}
