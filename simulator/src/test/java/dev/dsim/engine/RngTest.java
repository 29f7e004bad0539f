package dev.dsim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.junit.jupiter.api.Test;

final class RngTest {

  private static long[] draw(Rng rng, int n) {
    long[] v = new long[n];
    for (int i = 0; i < n; i++) {
      v[i] = rng.nextLong();
    }
    return v;
  }

  @Test
  void sameSeedAndName_sameStream() {
    assertThat(draw(Rng.root(7).fork("network"), 20))
        .isEqualTo(draw(Rng.root(7).fork("network"), 20));
    assertThat(draw(Rng.root(7), 5)).isEqualTo(draw(Rng.root(7), 5));
  }

  @Test
  void differentNamesOrSeeds_differentStreams() {
    assertThat(draw(Rng.root(7).fork("network"), 5))
        .isNotEqualTo(draw(Rng.root(7).fork("disk"), 5));
    assertThat(draw(Rng.root(7).fork("network"), 5))
        .isNotEqualTo(draw(Rng.root(8).fork("network"), 5));
    assertThat(draw(Rng.root(7).fork("a").fork("b"), 5))
        .isNotEqualTo(draw(Rng.root(7).fork("b").fork("a"), 5));
  }

  @Test
  void forkPaths_compose() {
    assertThat(draw(Rng.root(3).fork("node").fork("web-3"), 10))
        .isEqualTo(draw(Rng.root(3).fork("node/web-3"), 10));
    assertThat(Rng.root(3).fork("node").fork("web-3").name()).isEqualTo("node/web-3");
  }

  @Test
  void addingForksOrDrawingFromTheParent_neverShiftsAnExistingStream() {
    long[] alone = draw(Rng.root(11).fork("x"), 10);
    Rng root = Rng.root(11);
    root.fork("y").nextLong();
    root.fork("z");
    draw(root, 100);
    assertThat(draw(root.fork("x"), 10)).isEqualTo(alone);
  }

  /** Golden values: a stream must not change across JVMs or releases (seeds are forever). */
  @Test
  void goldenFirstValues() {
    Rng network = Rng.root(42).fork("network");
    assertThat(draw(network, 3)).containsExactly(GOLDEN_0, GOLDEN_1, GOLDEN_2);
  }

  private static void assertSameDraws(ContinuousSampler a, ContinuousSampler b) {
    for (int i = 0; i < 10_000; i++) {
      assertThat(Double.doubleToRawLongBits(a.sample()))
          .isEqualTo(Double.doubleToRawLongBits(b.sample()));
    }
  }

  /**
   * Rng's samplers are this package's StrictMath ones (ExponentialSamplerTest and its siblings
   * test those against theory), not Commons RNG's, which use Math.
   */
  @Test
  void samplers_areTheStrictMathOnes() {
    UniformRandomProvider p = Rng.root(9).fork("s").provider();
    Rng rng = Rng.root(9).fork("s");
    assertSameDraws(rng.exponential(2), new Samplers.Exponential(p, 2));
    assertSameDraws(rng.normal(1, 3), new Samplers.Normal(p, 1, 3));
    double mu = StrictMath.log(0.5);
    double sigma = (StrictMath.log(4.0) - mu) / 2.3263478740408408;
    assertSameDraws(rng.logNormal(0.5, 4.0), new Samplers.LogNormal(p, mu, sigma));
    assertSameDraws(rng.pareto(1, 2.5), new Samplers.Pareto(p, 1, 2.5));
    DiscreteSampler z = rng.zipf(100, 0.99);
    DiscreteSampler reference = new ZipfSampler(p, 100, 0.99);
    for (int i = 0; i < 10_000; i++) {
      assertThat(z.sample()).isEqualTo(reference.sample());
    }
    assertThat(new Distribution.LogNormal(0.5, 4.0).mean())
        .isEqualTo(0.5 * StrictMath.exp(sigma * sigma / 2));
  }

  @Test
  void badArguments_areRejected() {
    assertThatThrownBy(() -> Rng.root(1).fork("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Rng.root(1).bernoulli(1.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Rng.root(1).logNormal(5, 2))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** First draws of root(42).fork("network"), recorded once (JDK 17, xoroshiro128++). */
  static final long GOLDEN_0 = -477494350936024001L;
  static final long GOLDEN_1 = 1854250551347905897L;
  static final long GOLDEN_2 = 6086738887082620006L;
}
