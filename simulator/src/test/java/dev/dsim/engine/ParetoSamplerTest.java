package dev.dsim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.statistics.distribution.ParetoDistribution;
import org.junit.jupiter.api.Test;

/** The Pareto sampler, {@code scale · StrictMath.exp(E / shape)}, against the distribution. */
final class ParetoSamplerTest {

  private static ContinuousSampler pareto(long seed, String stream, double scale, double shape) {
    return new Samplers.Pareto(Rng.root(seed).fork(stream).provider(), scale, shape);
  }

  @Test
  void heavyTail_fitsItsCdf_andItsTailWeight() {
    double scale = 2;
    double shape = 1.5;
    double[] v = Fit.draw(pareto(1, "pareto", scale, shape), Fit.N);
    ParetoDistribution d = ParetoDistribution.of(scale, shape);
    Fit.assertKs(v, d::cumulativeProbability);
    Fit.assertChiSquare(v, d::cumulativeProbability);
    assertThat(Arrays.stream(v).min().orElseThrow()).isGreaterThanOrEqualTo(scale);
    // P(X > 100 scale) = 100^-1.5 = 0.001; and 10^-4 beyond 464 scale.
    Fit.assertCount("samples beyond 100 scale", Fit.countAbove(v, 100 * scale), Fit.N * 1e-3);
    Fit.assertCount("samples beyond 464 scale", Fit.countAbove(v, 464.15888336 * scale),
        Fit.N * 1e-4);
  }

  /** With shape 9 the first eight moments exist, so the sample variance has a standard error. */
  @Test
  void lightTail_meanAndVariance() {
    double a = 9;
    double m = 1.5;
    double[] raw = new double[5];
    for (int k = 0; k <= 4; k++) {
      raw[k] = a * Math.pow(m, k) / (a - k); // E[X^k]
    }
    double mean = raw[1];
    double variance = raw[2] - mean * mean;
    double mu4 = raw[4] - 4 * mean * raw[3] + 6 * mean * mean * raw[2] - 3 * Math.pow(mean, 4);
    double[] v = Fit.draw(pareto(2, "pareto", m, a), Fit.N);
    Fit.assertMoments(v, mean, variance, mu4);
  }

  /**
   * Each draw is exactly {@code scale · StrictMath.exp(E / shape)} for our exponential E; on
   * JDK 17 / x86-64 {@code Math.exp} differs for about one argument in ten.
   */
  @Test
  void draws_areStrictMathExpOfTheExponential() {
    ContinuousSampler s = pareto(5, "pareto", 0.5, 2.5);
    UniformRandomProvider same = Rng.root(5).fork("pareto").provider();
    for (int i = 0; i < 100_000; i++) {
      double e = ZigguratTest.referenceExponential(same);
      assertThat(s.sample()).as("draw %d", i).isEqualTo(0.5 * StrictMath.exp(e / 2.5));
    }
  }

  @Test
  void sameSeed_sameDraws_otherSeed_otherDraws() {
    double[] a = Fit.draw(pareto(3, "pareto", 1, 2), 100_000);
    double[] b = Fit.draw(pareto(3, "pareto", 1, 2), 100_000);
    double[] c = Fit.draw(pareto(4, "pareto", 1, 2), 100_000);
    assertThat(Fit.bits(b)).isEqualTo(Fit.bits(a));
    assertThat(Fit.bits(c)).isNotEqualTo(Fit.bits(a));
  }

  /**
   * Recorded once; see {@link ExponentialSamplerTest#firstDraws_areTheGoldenValues}. Twelve
   * draws: the tenth is one where {@code Math.exp} differs from {@code StrictMath.exp} on
   * JDK 17 / x86-64.
   */
  @Test
  void firstDraws_areTheGoldenValues() {
    ContinuousSampler s = pareto(42, "golden", 1, 1.5);
    assertThat(Fit.draw(s, GOLDEN.length)).containsExactly(GOLDEN);
  }

  static final double[] GOLDEN = {0x1.05d800831b6bbp0, 0x1.2b90990f9884cp1,
      0x1.cb9134adeb6e5p0, 0x1.13ebe9f903e8fp0, 0x1.2a591f45f42e7p0, 0x1.55043709b8968p0,
      0x1.123a7857811f4p0, 0x1.10a777d25d94bp0, 0x1.70a1d75fe766p1, 0x1.aaa381160f16cp0,
      0x1.5ce2208bbc4f5p1, 0x1.20978d7b8f88dp2};

  @Test
  void badParameters_areRejected() {
    assertThatThrownBy(() -> pareto(1, "x", 0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> pareto(1, "x", 1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> pareto(1, "x", 1, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
