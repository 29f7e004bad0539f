package dev.dsim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/** The normal sampler (our ziggurat) against the normal distribution. */
final class NormalSamplerTest {

  private static ContinuousSampler normal(long seed, String stream, double mean, double sd) {
    return new Samplers.Normal(Rng.root(seed).fork(stream).provider(), mean, sd);
  }

  @Test
  void standardNormal_fitsItsCdf_itsMoments_bothTails_andIsSymmetric() {
    double[] v = Fit.draw(normal(1, "normal", 0, 1), Fit.N);
    NormalDistribution d = NormalDistribution.of(0, 1);
    Fit.assertMoments(v, 0, 1, 3);
    Fit.assertKs(v, d::cumulativeProbability);
    Fit.assertChiSquare(v, d::cumulativeProbability);
    long negative = 0;
    long below = 0;
    for (double x : v) {
      negative += x < 0 ? 1 : 0;
      below += x < -Ziggurat.NORMAL.r ? 1 : 0;
    }
    Fit.assertCount("negative samples", negative, Fit.N / 2.0);
    // Beyond |r| = 3.65 only the tail method draws: a missing tail leaves both sides empty.
    double tail = Fit.N * d.survivalProbability(Ziggurat.NORMAL.r);
    Fit.assertCount("samples above r", Fit.countAbove(v, Ziggurat.NORMAL.r), tail);
    Fit.assertCount("samples below -r", below, tail);
  }

  @Test
  void meanAndStandardDeviation_shiftAndScale() {
    double[] v = Fit.draw(normal(2, "normal", 10, 2), Fit.N);
    Fit.assertMoments(v, 10, 4, 3 * 16);
    Fit.assertKs(v, NormalDistribution.of(10, 2)::cumulativeProbability);
  }

  @Test
  void draws_areMeanPlusSdTimesTheStandardZiggurat() {
    ContinuousSampler s = normal(5, "normal", -1.5, 0.25);
    UniformRandomProvider same = Rng.root(5).fork("normal").provider();
    for (int i = 0; i < 100_000; i++) {
      assertThat(s.sample()).isEqualTo(-1.5 + 0.25 * ZigguratTest.referenceNormal(same));
    }
  }

  @Test
  void sameSeed_sameDraws_otherSeed_otherDraws() {
    double[] a = Fit.draw(normal(3, "normal", 0, 1), 100_000);
    double[] b = Fit.draw(normal(3, "normal", 0, 1), 100_000);
    double[] c = Fit.draw(normal(4, "normal", 0, 1), 100_000);
    assertThat(Fit.bits(b)).isEqualTo(Fit.bits(a));
    assertThat(Fit.bits(c)).isNotEqualTo(Fit.bits(a));
  }

  /** Recorded once; see {@link ExponentialSamplerTest#firstDraws_areTheGoldenValues}. */
  @Test
  void firstDraws_areTheGoldenValues() {
    ContinuousSampler s = normal(42, "golden", 0, 1);
    assertThat(Fit.draw(s, GOLDEN.length)).containsExactly(GOLDEN);
  }

  static final double[] GOLDEN = {0x1.5e3cde18e928fp-5, -0x1.1c2281c95fcc6p0,
      -0x1.f72be2b50b853p-1, -0x1.8846f2e3d6e4cp-4, -0x1.bb22ff9b37e9ep-3, 0x1.b7e863e6e8e9ep-2};

  @Test
  void badParameters_areRejected() {
    assertThatThrownBy(() -> normal(1, "x", 0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> normal(1, "x", Double.NaN, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> normal(1, "x", 0, Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
