package dev.dsim.engine;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Standard exponential and standard normal variates by the ziggurat method of Marsaglia and
 * Tsang ("The Ziggurat Method for Generating Random Variables", J. Stat. Software 5(8), 2000),
 * with 256 layers and one 64-bit draw per attempt, and tables computed here, at class
 * initialisation, with {@link StrictMath} only.
 *
 * <p><b>The ziggurat.</b> For a decreasing density {@code f} on [0, ∞) (here {@code exp(-x)} and
 * {@code exp(-x²/2)}, unnormalised), 256 layers of equal area {@code v} cover the region under
 * the curve. Their right edges are {@code e[1] = r > e[2] > … > e[255] > e[256] = 0} with
 * {@code f(e[k+1]) = f(e[k]) + v / e[k]}: layer {@code k} (1 ≤ k ≤ 255) is the rectangle
 * {@code [0, e[k]] × [f(e[k]), f(e[k+1])]}. Layer 0 is the strip {@code [0, r] × [0, f(r)]}
 * plus the tail beyond {@code r}, of area {@code v = r f(r) + ∫_r^∞ f}; it is drawn as a
 * rectangle of width {@code e[0] = v / f(r)}. {@code r} is the root of "the 255th layer ends
 * exactly at the top", {@code f(e[255]) + v / e[255] = f(0)}, found by bisection.
 *
 * <p><b>A draw.</b> Eight bits pick a layer {@code k}, 53 bits a point {@code x} uniform in
 * {@code [0, e[k])}. If {@code x < e[k+1]} the point is under the curve for any height in the
 * layer: accept. That is the fast path (97.8% of draws for the exponential, 98.5% for the normal:
 * the mean of {@code e[k+1] / e[k]}): a table lookup, an integer compare and a multiply, no
 * transcendental call. Otherwise, for {@code k ≥ 1}, draw a height in the layer and accept if it
 * is below {@code f(x)} ({@code StrictMath.exp}), else start again; for {@code k = 0} draw from
 * the tail: the exponential is memoryless, so its tail is {@code r} plus a fresh exponential (no
 * transcendental call); the normal's tail uses Marsaglia's (1964) method, {@code r + x} with
 * {@code x = -ln(U1)/r} accepted when {@code -2 ln(U2) > x²} ({@code StrictMath.log}). The
 * normal takes one more bit (bit 8) for its sign.
 *
 * <p><b>Why it is the same everywhere.</b> Java 17 evaluates {@code + - * /}, conversions and
 * comparisons of doubles exactly as IEEE 754 prescribes, on every platform (JEP 306), and
 * {@code StrictMath} is fdlibm, bit-for-bit specified; {@code java.lang.Math}'s transcendental
 * functions may differ by an ulp between CPUs and JIT tiers and are not used. So the tables and
 * every sample are bit-identical on any JVM and CPU.
 *
 * <p>Not a public API: {@link Rng#exponential(double)} and {@link Rng#normal(double, double)}
 * wrap it. It does not draw anything but standard variates (scaling is the caller's).
 */
final class Ziggurat {
  /** Number of layers; a draw uses its low 8 bits to pick one. */
  static final int LAYERS = 256;
  private static final int LAYER_MASK = LAYERS - 1;
  private static final double TWO_POW_53 = 0x1.0p53;
  private static final double TWO_POW_MINUS_53 = 0x1.0p-53;
  /** Terms of the continued fraction for the normal tail area (converges fast for r > 3). */
  private static final int TAIL_TERMS = 1_000;

  /** The density, its inverse and its tail area beyond {@code r}. */
  enum Shape {
    /** {@code exp(-x)}. */
    EXPONENTIAL {
      @Override
      double f(double x) {
        return StrictMath.exp(-x);
      }

      @Override
      double inverse(double y) {
        return -StrictMath.log(y);
      }

      @Override
      double tail(double r) {
        return StrictMath.exp(-r);
      }
    },
    /** {@code exp(-x²/2)}. */
    NORMAL {
      @Override
      double f(double x) {
        return StrictMath.exp(-0.5 * x * x);
      }

      @Override
      double inverse(double y) {
        return StrictMath.sqrt(-2 * StrictMath.log(y));
      }

      /**
       * {@code ∫_r^∞ exp(-t²/2) dt = exp(-r²/2) / (r + 1/(r + 2/(r + 3/(r + …))))}, Laplace's
       * continued fraction for Mills' ratio, evaluated from its far end.
       */
      @Override
      double tail(double r) {
        double d = r;
        for (int k = TAIL_TERMS; k >= 1; k--) {
          d = r + k / d;
        }
        return f(r) / d;
      }
    };

    abstract double f(double x);

    abstract double inverse(double y);

    abstract double tail(double r);
  }

  final Shape shape;
  /** Where the tail starts: the right edge of the base strip. */
  final double r;
  /** The area of every layer. */
  final double v;
  /** {@code e[0..256]}, {@code e[0] = v / f(r)} the base's virtual width, {@code e[256] = 0}. */
  final double[] edge;
  /** {@code f(e[k])} for k = 1..256 ({@code f(e[256]) = f(0) = 1}); entry 0 unused. */
  final double[] height;
  /** {@code floor(2^53 e[k+1] / e[k])}: a 53-bit draw below it is accepted at once. */
  final long[] limit;
  /** {@code e[k] / 2^53}: turns a 53-bit draw into a point of layer k. */
  final double[] scale;

  static final Ziggurat EXPONENTIAL = new Ziggurat(Shape.EXPONENTIAL);
  static final Ziggurat NORMAL = new Ziggurat(Shape.NORMAL);

  private static final long[] EXP_LIMIT = EXPONENTIAL.limit;
  private static final double[] EXP_SCALE = EXPONENTIAL.scale;
  private static final long[] NORM_LIMIT = NORMAL.limit;
  private static final double[] NORM_SCALE = NORMAL.scale;

  private Ziggurat(Shape shape) {
    this.shape = shape;
    this.r = solveR(shape);
    this.v = r * shape.f(r) + shape.tail(r);
    this.edge = new double[LAYERS + 1];
    this.height = new double[LAYERS + 1];
    edge[0] = v / shape.f(r);
    edge[1] = r;
    height[1] = shape.f(r);
    for (int k = 1; k < LAYERS - 1; k++) {
      edge[k + 1] = shape.inverse(height[k] + v / edge[k]);
      height[k + 1] = shape.f(edge[k + 1]);
    }
    edge[LAYERS] = 0;
    height[LAYERS] = 1;
    this.limit = new long[LAYERS];
    this.scale = new double[LAYERS];
    for (int k = 0; k < LAYERS; k++) {
      limit[k] = (long) (edge[k + 1] / edge[k] * TWO_POW_53);
      scale[k] = edge[k] * TWO_POW_MINUS_53;
    }
  }

  /**
   * Bisection for {@code r}: too small an {@code r} gives layers so tall that they pass the top
   * before the last one; too large, layers so thin that the last one ends below it. Stops when
   * the interval is two adjacent doubles and returns the upper one (the stack of layers then
   * does not pass the top; the top layer is larger than the others by a rounding error).
   */
  private static double solveR(Shape shape) {
    double lo = 1;
    double hi = 20;
    if (!overshoots(shape, lo) || overshoots(shape, hi)) {
      throw new IllegalStateException("ziggurat: r not bracketed for " + shape);
    }
    while (true) {
      double mid = 0.5 * (lo + hi);
      if (mid <= lo || mid >= hi) {
        return hi;
      }
      if (overshoots(shape, mid)) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
  }

  /** True when, with this {@code r}, the layers reach the top of the density too early. */
  private static boolean overshoots(Shape shape, double r) {
    double v = r * shape.f(r) + shape.tail(r);
    double e = r;
    double fe = shape.f(r);
    for (int k = 1; k < LAYERS - 1; k++) {
      double y = fe + v / e;
      if (y >= 1) {
        return true;
      }
      e = shape.inverse(y);
      fe = shape.f(e);
    }
    return fe + v / e > 1;
  }

  /** Uniform in [0, 1) from the top 53 bits of a draw. */
  static double unit(long bits) {
    return (bits >>> 11) * TWO_POW_MINUS_53;
  }

  /** Uniform in (0, 1]: never 0, so its logarithm is finite. */
  static double unitNonZero(long bits) {
    return ((bits >>> 11) + 1) * TWO_POW_MINUS_53;
  }

  /** A standard exponential variate (rate 1). */
  static double exponential(UniformRandomProvider rng) {
    long bits = rng.nextLong();
    int k = (int) bits & LAYER_MASK;
    long j = bits >>> 11;
    if (j < EXP_LIMIT[k]) {
      return j * EXP_SCALE[k];
    }
    return EXPONENTIAL.exponentialSlow(rng, k, j);
  }

  private double exponentialSlow(UniformRandomProvider rng, int layer, long draw) {
    int k = layer;
    long j = draw;
    double offset = 0;
    while (true) {
      if (k == 0) {
        offset += r; // beyond r: r plus a fresh exponential (memoryless)
      } else {
        double x = j * scale[k];
        double y = height[k] + unit(rng.nextLong()) * (height[k + 1] - height[k]);
        if (y < StrictMath.exp(-x)) {
          return offset + x;
        }
      }
      long bits = rng.nextLong();
      k = (int) bits & LAYER_MASK;
      j = bits >>> 11;
      if (j < limit[k]) {
        return offset + j * scale[k];
      }
    }
  }

  /** A standard normal variate. */
  static double normal(UniformRandomProvider rng) {
    long bits = rng.nextLong();
    int k = (int) bits & LAYER_MASK;
    long j = bits >>> 11;
    if (j < NORM_LIMIT[k]) {
      return withSign(j * NORM_SCALE[k], bits);
    }
    return NORMAL.normalSlow(rng, bits);
  }

  /** Bit 8 of the draw is the sign: flips the sign bit of {@code x} without a branch. */
  private static double withSign(double x, long bits) {
    return Double.longBitsToDouble(Double.doubleToRawLongBits(x) ^ ((bits & 0x100L) << 55));
  }

  private double normalSlow(UniformRandomProvider rng, long first) {
    long bits = first;
    while (true) {
      int k = (int) bits & LAYER_MASK;
      long j = bits >>> 11;
      if (j < limit[k]) {
        return withSign(j * scale[k], bits);
      }
      if (k == 0) {
        return withSign(r + normalTailExcess(rng), bits);
      }
      double x = j * scale[k];
      double y = height[k] + unit(rng.nextLong()) * (height[k + 1] - height[k]);
      if (y < StrictMath.exp(-0.5 * x * x)) {
        return withSign(x, bits);
      }
      bits = rng.nextLong();
    }
  }

  /** Marsaglia (1964): how far beyond {@code r} a normal variate conditioned on > r falls. */
  private double normalTailExcess(UniformRandomProvider rng) {
    while (true) {
      double x = -StrictMath.log(unitNonZero(rng.nextLong())) / r;
      double y = -StrictMath.log(unitNonZero(rng.nextLong()));
      if (y + y > x * x) {
        return x;
      }
    }
  }
}
