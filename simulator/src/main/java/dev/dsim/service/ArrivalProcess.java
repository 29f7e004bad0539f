package dev.dsim.service;

import dev.dsim.engine.Rng;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/** How an open-loop client spaces its requests in time. */
public enum ArrivalProcess {
  /** Exponential gaps: a Poisson process, the classic model of many independent users. */
  POISSON,
  /** Evenly spaced requests, 1/rate apart. */
  CONSTANT;

  /** A sampler of gaps in nanoseconds for the given rate (requests per second). */
  public ContinuousSampler gaps(double ratePerSecond, Rng rng) {
    if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
      throw new IllegalArgumentException("rate must be a finite number > 0: " + ratePerSecond);
    }
    double meanGapNanos = 1e9 / ratePerSecond;
    return this == POISSON ? rng.exponential(meanGapNanos) : rng.constant(meanGapNanos);
  }
}
