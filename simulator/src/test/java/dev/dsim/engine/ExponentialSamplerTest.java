package dev.dsim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.statistics.distribution.ExponentialDistribution;
import org.junit.jupiter.api.Test;

/** The exponential sampler (our ziggurat) against the exponential distribution. */
final class ExponentialSamplerTest {

  private static ContinuousSampler exp(long seed, String stream, double mean) {
    return new Samplers.Exponential(Rng.root(seed).fork(stream).provider(), mean);
  }

  @Test
  void standardExponential_fitsItsCdf_itsMoments_andItsTail() {
    double[] v = Fit.draw(exp(1, "exp", 1), Fit.N);
    ExponentialDistribution d = ExponentialDistribution.of(1);
    Fit.assertMoments(v, 1, 1, 9);
    Fit.assertKs(v, d::cumulativeProbability);
    Fit.assertChiSquare(v, d::cumulativeProbability);
    // Beyond the base strip (r = 7.70) every sample comes from the tail method: a missing or
    // truncated tail has none there, or none beyond 9.
    double r = Ziggurat.EXPONENTIAL.r;
    Fit.assertCount("samples beyond r", Fit.countAbove(v, r), Fit.N * Math.exp(-r));
    Fit.assertCount("samples beyond 9", Fit.countAbove(v, 9), Fit.N * Math.exp(-9));
    assertThat(java.util.Arrays.stream(v).min().orElseThrow()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void theParameterIsTheMean_notTheRate() {
    double[] v = Fit.draw(exp(2, "exp", 8), Fit.N);
    Fit.assertMoments(v, 8, 64, 9 * Math.pow(8, 4));
    Fit.assertKs(v, ExponentialDistribution.of(8)::cumulativeProbability);
  }

  @Test
  void sameSeed_sameDraws_otherSeed_otherDraws() {
    double[] a = Fit.draw(exp(3, "exp", 5), 100_000);
    double[] b = Fit.draw(exp(3, "exp", 5), 100_000);
    double[] c = Fit.draw(exp(4, "exp", 5), 100_000);
    assertThat(Fit.bits(b)).isEqualTo(Fit.bits(a));
    assertThat(Fit.bits(c)).isNotEqualTo(Fit.bits(a));
  }

  @Test
  void scaledDraws_areMeanTimesTheStandardZiggurat() {
    ContinuousSampler s = exp(5, "exp", 3.5);
    org.apache.commons.rng.UniformRandomProvider same = Rng.root(5).fork("exp").provider();
    for (int i = 0; i < 100_000; i++) {
      assertThat(s.sample()).isEqualTo(3.5 * ZigguratTest.referenceExponential(same));
    }
  }

  /**
   * The first draws of a fixed stream, recorded once (StrictMath tables: the same on every
   * JVM and CPU). If they change, every trace hash changed: do that only on purpose.
   */
  @Test
  void firstDraws_areTheGoldenValues() {
    ContinuousSampler s = exp(42, "golden", 1);
    assertThat(Fit.draw(s, GOLDEN.length)).containsExactly(GOLDEN);
  }

  static final double[] GOLDEN = {0x1.1558c551aafd3p-5, 0x1.4683f37bd8999p0,
      0x1.c15cdd8a27422p-1, 0x1.cc6d03ccff439p-4, 0x1.d645d61c282c2p-3, 0x1.b873fde1c2b26p-2};

  @Test
  void badMean_isRejected() {
    assertThatThrownBy(() -> exp(1, "x", 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> exp(1, "x", Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> exp(1, "x", Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
