package dev.dsim.engine;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;

/**
 * Zipf over ranks {@code 1..n}, {@code P(k) ∝ k^-s}, by rejection-inversion (W. Hörmann and
 * G. Derflinger, "Rejection-inversion to generate variates from monotone discrete
 * distributions", ACM TOMACS 6(3), 1996), in {@link StrictMath} only, so the ranks drawn are the
 * same on every JVM and CPU. Constant time per sample for any {@code n}, no table.
 *
 * <p><b>The method.</b> The hat {@code h(x) = x^-s} is convex, so over each bin
 * {@code [k - 1/2, k + 1/2]} its area is at least {@code h(k)}. With {@code H} an antiderivative
 * of {@code h}, draw {@code u} uniform in {@code [H(3/2) - h(1), H(n + 1/2))}, invert
 * {@code x = H⁻¹(u)} and round to the bin {@code k}; accept when {@code u} falls in the last
 * {@code h(k)} of the bin's area, {@code u ≥ H(k + 1/2) - h(k)}, so that each rank is accepted
 * with probability proportional to {@code h(k)}. (The range starts at {@code H(3/2) - h(1)}, so
 * rank 1 is never rejected.) A squeeze accepts without evaluating {@code H} again when
 * {@code k - x ≤ 2 - H⁻¹(H(5/2) - h(2))}: the accepted part of every bin k ≥ 2 reaches at least
 * that far left of k. Measured over 10^6 draws, a sample takes 1.000 to 1.017 attempts for
 * exponents 0 to 5 and n from 10 to 10^6.
 *
 * <p>{@code H(x) = (x^(1-s) - 1) / (1 - s)} and its inverse are written through
 * {@code expm1}/{@code log1p} ({@code H(x) = ln x · expm1(t)/t}, {@code t = (1-s) ln x}) so
 * that exponents near 1 lose no precision, and {@code s = 1} ({@code H = ln}) needs no special
 * case. Unlike the ziggurat, every sample calls {@code StrictMath} (a {@code log1p} and an
 * {@code exp} for the inversion): the method has no transcendental-free path.
 */
final class ZipfSampler implements DiscreteSampler {
  private final UniformRandomProvider rng;
  private final int n;
  private final double exponent;
  /** {@code H(3/2) - h(1)}: where the range of u starts. */
  private final double hStart;
  /** {@code H(n + 1/2)}: where it ends. */
  private final double hEnd;
  /** Accept without the full test when {@code k - x} is at most this. */
  private final double squeeze;

  ZipfSampler(UniformRandomProvider rng, int n, double exponent) {
    if (n < 1) {
      throw new IllegalArgumentException("zipf needs n >= 1, got " + n);
    }
    if (!(exponent >= 0) || Double.isInfinite(exponent)) {
      throw new IllegalArgumentException("zipf exponent must be finite and >= 0, got "
          + exponent);
    }
    this.rng = rng;
    this.n = n;
    this.exponent = exponent;
    this.hStart = bigH(1.5) - 1;
    this.hEnd = bigH(n + 0.5);
    this.squeeze = 2 - bigHInverse(bigH(2.5) - h(2));
  }

  @Override
  public int sample() {
    while (true) {
      double u = hStart + Ziggurat.unit(rng.nextLong()) * (hEnd - hStart);
      double x = bigHInverse(u);
      double rounded = StrictMath.floor(x + 0.5);
      int k = rounded < 1 ? 1 : rounded > n ? n : (int) rounded;
      if (k - x <= squeeze || u >= bigH(k + 0.5) - h(k)) {
        return k;
      }
    }
  }

  /** The hat, {@code x^-s}. */
  private double h(double x) {
    return StrictMath.exp(-exponent * StrictMath.log(x));
  }

  /** {@code ∫_1^x h = (x^(1-s) - 1) / (1 - s)}, or {@code ln x} when s = 1. */
  private double bigH(double x) {
    double logX = StrictMath.log(x);
    return expm1OverX((1 - exponent) * logX) * logX;
  }

  /** The inverse of {@link #bigH}: {@code (1 + (1-s) y)^(1/(1-s))}, or {@code e^y}. */
  private double bigHInverse(double y) {
    return StrictMath.exp(log1pOverX((1 - exponent) * y) * y);
  }

  /** {@code expm1(t) / t}, continuous at 0 (value 1). */
  private static double expm1OverX(double t) {
    return t == 0 ? 1 : StrictMath.expm1(t) / t;
  }

  /** {@code log1p(t) / t}, continuous at 0 (value 1). */
  private static double log1pOverX(double t) {
    return t == 0 ? 1 : StrictMath.log1p(t) / t;
  }
}
