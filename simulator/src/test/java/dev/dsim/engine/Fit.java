package dev.dsim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Goodness-of-fit checks for the sampler tests: moments within five standard errors, the
 * Kolmogorov–Smirnov distance and a chi-square over equiprobable bins at significance 0.001, and
 * tail counts within five Poisson standard deviations. The seeds are fixed, so each check either
 * always passes or always fails; the thresholds are the ones a correct sampler passes with
 * probability 0.999 (or better), and a sampler with a wrong rate, a missing tail or a mis-built
 * layer fails by a wide margin at a million samples.
 */
final class Fit {
  /** Samples per check: enough to see a 0.5% error in a mean or a 0.2% one in a CDF. */
  static final int N = 1_000_000;
  /** Asymptotic Kolmogorov critical value at significance 0.001. */
  private static final double KS_CRITICAL_0_001 = 1.9495;

  private Fit() {}

  static double[] draw(ContinuousSampler s, int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = s.sample();
    }
    return v;
  }

  static double mean(double[] v) {
    double sum = 0;
    for (double x : v) {
      sum += x;
    }
    return sum / v.length;
  }

  static double variance(double[] v) {
    double m = mean(v);
    double sum = 0;
    for (double x : v) {
      sum += (x - m) * (x - m);
    }
    return sum / (v.length - 1);
  }

  /**
   * The sample mean and variance agree with the theory within five standard errors:
   * {@code sqrt(var / n)} for the mean, {@code sqrt((mu4 - var²) / n)} for the variance, where
   * {@code mu4} is the distribution's fourth central moment.
   */
  static void assertMoments(double[] v, double mean, double variance, double mu4) {
    int n = v.length;
    assertThat(mean(v)).as("mean").isCloseTo(mean,
        within(5 * Math.sqrt(variance / n)));
    assertThat(variance(v)).as("variance").isCloseTo(variance,
        within(5 * Math.sqrt((mu4 - variance * variance) / n)));
  }

  /** Kolmogorov–Smirnov distance between the samples and the CDF. */
  static double ksDistance(double[] v, DoubleUnaryOperator cdf) {
    double[] s = v.clone();
    Arrays.sort(s);
    double d = 0;
    int n = s.length;
    for (int i = 0; i < n; i++) {
      double f = cdf.applyAsDouble(s[i]);
      d = Math.max(d, Math.max(f - (double) i / n, (double) (i + 1) / n - f));
    }
    return d;
  }

  static void assertKs(double[] v, DoubleUnaryOperator cdf) {
    assertThat(ksDistance(v, cdf)).as("Kolmogorov-Smirnov distance")
        .isLessThan(KS_CRITICAL_0_001 / Math.sqrt(v.length));
  }

  /** Chi-square statistic over {@code bins} bins of equal probability under the CDF. */
  static double chiSquareEquiprobable(double[] v, DoubleUnaryOperator cdf, int bins) {
    long[] counts = new long[bins];
    for (double x : v) {
      int b = (int) (cdf.applyAsDouble(x) * bins);
      counts[Math.min(bins - 1, Math.max(0, b))]++;
    }
    double expected = (double) v.length / bins;
    double chi2 = 0;
    for (long c : counts) {
      chi2 += (c - expected) * (c - expected) / expected;
    }
    return chi2;
  }

  /** The chi-square statistic's critical value at significance 0.001. */
  static double chiSquareCritical(int degreesOfFreedom) {
    return ChiSquaredDistribution.of(degreesOfFreedom).inverseSurvivalProbability(1e-3);
  }

  static void assertChiSquare(double[] v, DoubleUnaryOperator cdf) {
    int bins = 200;
    assertThat(chiSquareEquiprobable(v, cdf, bins)).as("chi-square over %d equiprobable bins",
        bins).isLessThan(chiSquareCritical(bins - 1));
  }

  /** A count of rare events is within five Poisson standard deviations of {@code expected}. */
  static void assertCount(String what, long count, double expected) {
    assertThat(expected).as("expected count of " + what + " (too few to test)")
        .isGreaterThan(50);
    assertThat((double) count).as(what).isCloseTo(expected,
        within(5 * Math.sqrt(expected)));
  }

  static long countAbove(double[] v, double threshold) {
    long c = 0;
    for (double x : v) {
      if (x > threshold) {
        c++;
      }
    }
    return c;
  }

  /** Bit patterns, so equality means the very same doubles (and -0.0 differs from 0.0). */
  static long[] bits(double[] v) {
    long[] b = new long[v.length];
    for (int i = 0; i < v.length; i++) {
      b[i] = Double.doubleToRawLongBits(v[i]);
    }
    return b;
  }
}
