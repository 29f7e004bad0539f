package dev.dsim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * The ziggurat's tables are what its Javadoc says, computed with {@code StrictMath}, and a plain
 * re-implementation of the published method written here with {@code StrictMath} draws the very
 * same doubles. On JDK 17 / x86-64, building the tables with {@code Math.log}/{@code Math.exp}
 * instead changes 15–20 of the 256 entries of each table, so a switch back to {@code Math}
 * fails these tests on that platform (and the architecture test everywhere).
 */
final class ZigguratTest {

  @Test
  void r_isThePublishedValueFor256Layers() {
    // Marsaglia & Tsang (2000), 256-layer exponential: r = 7.69711747013104972,
    // v = 0.0039496598225815571993. The 256-layer normal's r = 3.654152885361008796 is the
    // value other ziggurat implementations tabulate (e.g. Rust rand_distr's ZIG_NORM_R).
    assertThat(Ziggurat.EXPONENTIAL.r).isCloseTo(7.69711747013104972, within(1e-13));
    assertThat(Ziggurat.EXPONENTIAL.v).isCloseTo(0.0039496598225815571993, within(1e-15));
    assertThat(Ziggurat.NORMAL.r).isCloseTo(3.654152885361008796, within(1e-13));
  }

  @Test
  void tables_followTheLayerRecurrence_inStrictMath() {
    for (Ziggurat z : new Ziggurat[] {Ziggurat.EXPONENTIAL, Ziggurat.NORMAL}) {
      boolean exp = z == Ziggurat.EXPONENTIAL;
      double r = z.r;
      double fr = exp ? StrictMath.exp(-r) : StrictMath.exp(-0.5 * r * r);
      assertThat(z.edge[0]).isEqualTo(z.v / fr);
      assertThat(z.edge[1]).isEqualTo(r);
      assertThat(z.edge[Ziggurat.LAYERS]).isZero();
      assertThat(z.height[Ziggurat.LAYERS]).isEqualTo(1.0);
      for (int k = 1; k < Ziggurat.LAYERS; k++) {
        double e = z.edge[k];
        double f = exp ? StrictMath.exp(-e) : StrictMath.exp(-0.5 * e * e);
        assertThat(z.height[k]).as("%s f(e[%d])", z.shape, k).isEqualTo(f);
        if (k < Ziggurat.LAYERS - 1) {
          double y = f + z.v / e;
          double next = exp ? -StrictMath.log(y) : StrictMath.sqrt(-2 * StrictMath.log(y));
          assertThat(z.edge[k + 1]).as("%s e[%d]", z.shape, k + 1).isEqualTo(next);
        }
      }
      for (int k = 0; k < Ziggurat.LAYERS; k++) {
        assertThat(z.limit[k]).isEqualTo((long) (z.edge[k + 1] / z.edge[k] * 0x1.0p53));
        assertThat(z.scale[k]).isEqualTo(z.edge[k] * 0x1.0p-53);
      }
      // The stack of layers reaches the top of the density (to rounding): the root was found.
      double top = z.height[Ziggurat.LAYERS - 1] + z.v / z.edge[Ziggurat.LAYERS - 1];
      assertThat(top).isCloseTo(1.0, within(1e-12)).isLessThanOrEqualTo(1.0);
    }
  }

  @Test
  void exponential_isThePublishedMethod_drawForDraw() {
    UniformRandomProvider a = Rng.root(17).fork("zig").provider();
    UniformRandomProvider b = Rng.root(17).fork("zig").provider();
    for (int i = 0; i < 200_000; i++) {
      double expected = referenceExponential(b);
      assertThat(Ziggurat.exponential(a)).as("draw %d", i).isEqualTo(expected);
    }
  }

  @Test
  void normal_isThePublishedMethod_drawForDraw() {
    UniformRandomProvider a = Rng.root(17).fork("zig").provider();
    UniformRandomProvider b = Rng.root(17).fork("zig").provider();
    for (int i = 0; i < 200_000; i++) {
      double expected = referenceNormal(b);
      assertThat(Ziggurat.normal(a)).as("draw %d", i).isEqualTo(expected);
    }
  }

  /** U in [0, 1) from the top 53 bits, as {@code nextDouble()} does. */
  private static double unit(long bits) {
    return (bits >>> 11) * 0x1.0p-53;
  }

  /**
   * Marsaglia & Tsang's exponential, written as plainly as possible: layer k from the low
   * 8 bits, x uniform on [0, e[k]); under the next edge accept, in the base layer go to the
   * tail (r + a fresh exponential), else test a uniform height against exp(-x).
   */
  static double referenceExponential(UniformRandomProvider rng) {
    Ziggurat z = Ziggurat.EXPONENTIAL;
    double offset = 0;
    while (true) {
      long bits = rng.nextLong();
      int k = (int) (bits & 255);
      long j = bits >>> 11;
      double x = unit(bits) * z.edge[k];
      if (j < z.limit[k]) {
        return offset + x;
      }
      if (k == 0) {
        offset += z.r;
        continue;
      }
      double y = z.height[k] + unit(rng.nextLong()) * (z.height[k + 1] - z.height[k]);
      if (y < StrictMath.exp(-x)) {
        return offset + x;
      }
    }
  }

  /** The same for the half-normal, bit 8 the sign, and Marsaglia's (1964) tail beyond r. */
  static double referenceNormal(UniformRandomProvider rng) {
    Ziggurat z = Ziggurat.NORMAL;
    while (true) {
      long bits = rng.nextLong();
      int k = (int) (bits & 255);
      long j = bits >>> 11;
      double sign = (bits & 256) == 0 ? 1 : -1;
      double x = unit(bits) * z.edge[k];
      if (j < z.limit[k]) {
        return sign * x;
      }
      if (k == 0) {
        while (true) {
          // Uniforms in (0, 1]: (j + 1) / 2^53.
          double t = -StrictMath.log(unit(rng.nextLong()) + 0x1.0p-53) / z.r;
          double s = -StrictMath.log(unit(rng.nextLong()) + 0x1.0p-53);
          if (s + s > t * t) {
            return sign * (z.r + t);
          }
        }
      }
      double y = z.height[k] + unit(rng.nextLong()) * (z.height[k + 1] - z.height[k]);
      if (y < StrictMath.exp(-0.5 * x * x)) {
        return sign * x;
      }
    }
  }
}
