package dev.dsim.run.theory;

import dev.dsim.engine.Distribution;

/**
 * The first two moments of a scenario's distributions, as the simulator samples them: what the
 * queueing formulas need (Pollaczek-Khinchine needs E[S²]). A normal is clamped at zero by the
 * simulator, so its moments here are those of max(0, X), not of X.
 */
final class Moments {
  private Moments() {}

  /** E[X] of what the simulator samples (infinite for a Pareto with shape ≤ 1). */
  static double mean(Distribution d) {
    if (d instanceof Distribution.Normal n) {
      return clampedNormal(n, 1);
    }
    return d.mean();
  }

  /** E[X²] of what the simulator samples; infinite when the distribution has no variance. */
  static double secondMoment(Distribution d) {
    if (d instanceof Distribution.Constant c) {
      return c.value() * c.value();
    }
    if (d instanceof Distribution.Exponential e) {
      return 2 * e.mean() * e.mean();
    }
    if (d instanceof Distribution.Uniform u) {
      return (u.min() * u.min() + u.min() * u.max() + u.max() * u.max()) / 3;
    }
    if (d instanceof Distribution.Normal n) {
      return clampedNormal(n, 2);
    }
    if (d instanceof Distribution.LogNormal l) {
      double mu = StrictMath.log(l.median());
      double sigma = sigma(l);
      return StrictMath.exp(2 * mu + 2 * sigma * sigma);
    }
    Distribution.Pareto p = (Distribution.Pareto) d;
    return p.shape() <= 2 ? Double.POSITIVE_INFINITY
        : p.shape() * p.scale() * p.scale() / (p.shape() - 2);
  }

  /** The squared coefficient of variation Var[X]/E[X]²: 1 exponential, 0 constant. */
  static double scv(Distribution d) {
    double m = mean(d);
    return secondMoment(d) / (m * m) - 1;
  }

  /** The lognormal's σ as the simulator derives it from the median and p99. */
  static double sigma(Distribution.LogNormal l) {
    return (StrictMath.log(l.p99()) - StrictMath.log(l.median())) / 2.3263478740408408;
  }

  /** What the distribution is, in a few words, for a model's assumptions. */
  static String describe(Distribution d) {
    if (d instanceof Distribution.Constant) {
      return "constant";
    }
    if (d instanceof Distribution.Exponential) {
      return "exponential";
    }
    if (d instanceof Distribution.Uniform) {
      return "uniform";
    }
    if (d instanceof Distribution.Normal) {
      return "normal (clamped at 0)";
    }
    if (d instanceof Distribution.LogNormal) {
      return "lognormal";
    }
    return "Pareto (shape " + Format.number(((Distribution.Pareto) d).shape()) + ")";
  }

  /** E[max(0, X)^k] for k = 1, 2 of a normal X (the simulator clamps negative samples to 0). */
  private static double clampedNormal(Distribution.Normal n, int k) {
    double mu = n.mean();
    double s = n.stddev();
    if (s == 0) {
      return StrictMath.pow(mu, k);
    }
    double x = mu / s;
    double phi = StrictMath.exp(-x * x / 2) / StrictMath.sqrt(2 * StrictMath.PI);
    double cdf = 1 - erfc(x / StrictMath.sqrt(2)) / 2;
    return k == 1 ? mu * cdf + s * phi : (mu * mu + s * s) * cdf + mu * s * phi;
  }

  /**
   * The complementary error function, to a relative error below 1.2e-7 (the Chebyshev fit of
   * Press et al., Numerical Recipes, 6.2), on StrictMath: Commons Statistics' normal calls
   * Math.exp, which this result path does not.
   */
  static double erfc(double x) {
    double z = Math.abs(x);
    double t = 1 / (1 + z / 2);
    double r = t * StrictMath.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196
        + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398
        + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
    return x >= 0 ? r : 2 - r;
  }
}
