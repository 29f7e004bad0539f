package dev.dsim.engine;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * The continuous samplers behind {@link Rng}: exponential and normal from the {@link Ziggurat},
 * lognormal and Pareto as {@code StrictMath.exp} of those. Every value is a function of the
 * generator's 64-bit outputs through exact IEEE arithmetic and {@link StrictMath} only, so it is
 * bit-identical on every JVM and CPU (see {@link Ziggurat}). Each sampler is a small final class
 * holding its parameters; {@code sample()} neither boxes nor allocates.
 *
 * <p>Parameters are checked here; these classes do not clamp (that is {@link Distribution}'s
 * business) and are not thread-safe (they share their stream's generator).
 */
final class Samplers {
  private Samplers() {}

  /** Exponential with mean {@code mean}: {@code mean · E}, E standard exponential. */
  static final class Exponential implements ContinuousSampler {
    private final UniformRandomProvider rng;
    private final double mean;

    Exponential(UniformRandomProvider rng, double mean) {
      this.rng = rng;
      this.mean = requirePositive("exponential mean", mean);
    }

    @Override
    public double sample() {
      return mean * Ziggurat.exponential(rng);
    }
  }

  /** Normal: {@code mean + sd · Z}, Z standard normal. */
  static final class Normal implements ContinuousSampler {
    private final UniformRandomProvider rng;
    private final double mean;
    private final double sd;

    Normal(UniformRandomProvider rng, double mean, double sd) {
      this.rng = rng;
      this.mean = requireFinite("normal mean", mean);
      this.sd = requirePositive("normal standard deviation", sd);
    }

    @Override
    public double sample() {
      return mean + sd * Ziggurat.normal(rng);
    }
  }

  /** Lognormal: {@code StrictMath.exp(mu + sigma · Z)}, Z standard normal. */
  static final class LogNormal implements ContinuousSampler {
    private final UniformRandomProvider rng;
    private final double mu;
    private final double sigma;

    LogNormal(UniformRandomProvider rng, double mu, double sigma) {
      this.rng = rng;
      this.mu = requireFinite("lognormal mu", mu);
      this.sigma = requirePositive("lognormal sigma", sigma);
    }

    @Override
    public double sample() {
      return StrictMath.exp(mu + sigma * Ziggurat.normal(rng));
    }
  }

  /**
   * Pareto with minimum {@code scale} and tail index {@code shape}:
   * {@code scale · StrictMath.exp(E / shape)}, E standard exponential. (If X is Pareto,
   * {@code shape · ln(X / scale)} is standard exponential: P(X > x) = (scale/x)^shape.) One
   * transcendental call per sample instead of a {@code pow} of a uniform.
   */
  static final class Pareto implements ContinuousSampler {
    private final UniformRandomProvider rng;
    private final double scale;
    private final double shape;

    Pareto(UniformRandomProvider rng, double scale, double shape) {
      this.rng = rng;
      this.scale = requirePositive("pareto scale", scale);
      this.shape = requirePositive("pareto shape", shape);
    }

    @Override
    public double sample() {
      return scale * StrictMath.exp(Ziggurat.exponential(rng) / shape);
    }
  }

  static double requirePositive(String what, double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(what + " must be finite and > 0, got " + v);
    }
    return v;
  }

  static double requireFinite(String what, double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(what + " must be finite, got " + v);
    }
    return v;
  }
}
