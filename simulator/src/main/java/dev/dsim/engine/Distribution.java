package dev.dsim.engine;

import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * A probability distribution over non-negative reals, as scenarios describe work, latency and
 * think time. Values are in the caller's unit (nanoseconds for durations).
 *
 * <p>A distribution is a value; {@link #sampler(Rng)} binds it to one stream. Samples are never
 * negative: a normal that dips below zero is clamped to zero, since a negative duration would
 * move time backwards.
 */
public sealed interface Distribution {

  /** Binds the distribution to a stream. */
  ContinuousSampler sampler(Rng rng);

  /** The exact mean of the distribution (before clamping). */
  double mean();

  /**
   * Binds the distribution to a stream, drawing whole nanoseconds: what a process needs for
   * timers and work ({@code LongSupplier think = dist.nanos(ctx.rng())}), without a random
   * library's types in its code.
   */
  default java.util.function.LongSupplier nanos(Rng rng) {
    ContinuousSampler s = sampler(rng);
    return () -> Math.round(s.sample());
  }

  /** Always the same value. */
  record Constant(double value) implements Distribution {
    public Constant {
      requireNonNegative("value", value);
    }

    @Override
    public ContinuousSampler sampler(Rng rng) {
      return rng.constant(value);
    }

    @Override
    public double mean() {
      return value;
    }
  }

  /** Exponential (memoryless) with the given mean. */
  record Exponential(double mean) implements Distribution {
    public Exponential {
      requirePositive("mean", mean);
    }

    @Override
    public ContinuousSampler sampler(Rng rng) {
      return rng.exponential(mean);
    }
  }

  /** Uniform between min and max. */
  record Uniform(double min, double max) implements Distribution {
    public Uniform {
      requireNonNegative("min", min);
      if (!(max >= min)) {
        throw new IllegalArgumentException("uniform needs max >= min, got min=" + min
            + ", max=" + max);
      }
    }

    @Override
    public ContinuousSampler sampler(Rng rng) {
      return rng.uniform(min, max);
    }

    @Override
    public double mean() {
      return (min + max) / 2;
    }
  }

  /** Normal, clamped at zero. */
  record Normal(double mean, double stddev) implements Distribution {
    public Normal {
      requireNonNegative("mean", mean);
      requireNonNegative("stddev", stddev);
    }

    @Override
    public ContinuousSampler sampler(Rng rng) {
      if (stddev == 0) {
        return rng.constant(mean);
      }
      ContinuousSampler s = rng.normal(mean, stddev);
      return () -> Math.max(0.0, s.sample());
    }
  }

  /** Lognormal given its median and its 99th percentile (p99 > median). */
  record LogNormal(double median, double p99) implements Distribution {
    public LogNormal {
      requirePositive("median", median);
      if (!(p99 > median)) {
        throw new IllegalArgumentException("lognormal needs p99 > median, got median=" + median
            + ", p99=" + p99);
      }
    }

    @Override
    public ContinuousSampler sampler(Rng rng) {
      return rng.logNormal(median, p99);
    }

    @Override
    public double mean() {
      double sigma = (StrictMath.log(p99) - StrictMath.log(median)) / 2.3263478740408408;
      return median * StrictMath.exp(sigma * sigma / 2);
    }
  }

  /** Pareto (heavy tail) with minimum {@code scale} and tail index {@code shape}. */
  record Pareto(double scale, double shape) implements Distribution {
    public Pareto {
      requirePositive("scale", scale);
      requirePositive("shape", shape);
    }

    @Override
    public ContinuousSampler sampler(Rng rng) {
      return rng.pareto(scale, shape);
    }

    /** Infinite when shape <= 1. */
    @Override
    public double mean() {
      return shape <= 1 ? Double.POSITIVE_INFINITY : shape * scale / (shape - 1);
    }
  }

  private static void requireNonNegative(String what, double v) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(what + " must be a finite number >= 0, got " + v);
    }
  }

  private static void requirePositive(String what, double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(what + " must be a finite number > 0, got " + v);
    }
  }
}
