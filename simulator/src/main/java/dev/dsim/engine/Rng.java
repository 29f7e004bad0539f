package dev.dsim.engine;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AliasMethodDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousUniformSampler;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * A named, seeded random stream.
 *
 * <p>The run creates one root stream from its seed; every component takes its own stream with
 * {@link #fork(String)} ({@code rng.fork("network")}, {@code rng.fork("node/web-3")}). A fork's
 * seed is derived from its parent's seed and its name only, never from how many numbers the
 * parent has drawn or how many other forks exist: adding a component never shifts another
 * component's stream, and the order in which forks are taken does not matter.
 *
 * <p>The generator is xoroshiro128++ ({@link RandomSource#XO_RO_SHI_RO_128_PP}, Commons RNG),
 * seeded by expanding the derived 64-bit seed with SplitMix64. Not thread-safe: one stream
 * belongs to one simulation.
 *
 * <p><b>Same values on every CPU and JVM.</b> A sampler's values are a function of the
 * generator's 64-bit outputs (integer operations: exact) through IEEE {@code + - * /},
 * conversions and comparisons, which Java 17 evaluates exactly as specified everywhere
 * (JEP 306), and {@link StrictMath} (fdlibm, bit-for-bit specified). {@code java.lang.Math}'s
 * {@code exp}, {@code log}, {@code pow} and the like may differ by an ulp between platforms and
 * JIT tiers, so no sampler here calls them:
 * <ul>
 *   <li>{@link #exponential}, {@link #normal}: our ziggurat ({@code Ziggurat}), tables built
 *       with {@code StrictMath};
 *   <li>{@link #logNormal}, {@link #pareto}: {@code StrictMath.exp} of those;
 *   <li>{@link #zipf}: our rejection-inversion ({@code ZipfSampler}) on {@code StrictMath};
 *   <li>{@link #uniform} and {@link #weightedChoice} stay Commons RNG's
 *       {@code ContinuousUniformSampler} ({@code u·hi + (1-u)·lo}, {@code u} from
 *       {@code nextDouble()}: {@code (bits >>> 11)·2^-53}) and {@code AliasMethodDiscreteSampler}
 *       (its table is built from the weights with {@code + - * /} and {@code Math.ceil}, which
 *       is exact; a draw is integer work on {@code nextLong()}/{@code nextInt()}): checked in
 *       their bytecode (Commons RNG 1.6), they call no other {@code Math} function.
 * </ul>
 * Changing any of these changes the values drawn, hence every trace hash.
 */
public final class Rng {
  /** The generator algorithm, named so results can state it. */
  public static final String ALGORITHM = "xoroshiro128++ (Commons RNG XO_RO_SHI_RO_128_PP)";

  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
  /** 99th percentile of the standard normal distribution, for lognormal(median, p99). */
  private static final double Z_99 = 2.3263478740408408;

  private final String name;
  private final long seed;
  private final UniformRandomProvider provider;

  private Rng(String name, long seed) {
    this.name = name;
    this.seed = seed;
    long s0 = mix64(seed + GOLDEN_GAMMA);
    long s1 = mix64(seed + 2 * GOLDEN_GAMMA);
    if ((s0 | s1) == 0) {
      s1 = GOLDEN_GAMMA; // xoroshiro must not start from the all-zero state
    }
    this.provider = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {s0, s1});
  }

  /** The root stream of a run. */
  public static Rng root(long seed) {
    return new Rng("", seed);
  }

  /**
   * An independent stream named {@code child} below this one; the same name always gives the
   * same stream. Names are paths: {@code fork("node").fork("web-3")} equals
   * {@code fork("node/web-3")}.
   */
  public Rng fork(String child) {
    Objects.requireNonNull(child, "child");
    if (child.isEmpty()) {
      throw new IllegalArgumentException("fork name must not be empty");
    }
    String path = name.isEmpty() ? child : name + "/" + child;
    // This stream's seed already encodes its own path, so deriving segment by segment from it
    // makes fork("a").fork("b") and fork("a/b") the same stream.
    long derived = deriveAll(seed, child);
    return new Rng(path, derived);
  }

  private static long deriveAll(long seed, String path) {
    long s = seed;
    int from = 0;
    while (from <= path.length()) {
      int slash = path.indexOf('/', from);
      int to = slash < 0 ? path.length() : slash;
      s = mix64(s ^ mix64(Fnv.hash64(path.substring(from, to)) + GOLDEN_GAMMA));
      from = to + 1;
    }
    return s;
  }

  /** SplitMix64's finaliser (Stafford variant 13): a bijective, well-avalanching 64-bit mix. */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The stream's path name ("" for the root). */
  public String name() {
    return name;
  }

  /** The 64-bit seed this stream was derived to. */
  public long seed() {
    return seed;
  }

  /**
   * The underlying generator, for Commons RNG samplers not wrapped here. Most of those call
   * {@code Math.exp}/{@code log}/{@code pow}, so their values (and a trace that depends on them)
   * may differ by an ulp between CPUs and JVMs; the samplers of this class do not.
   */
  public UniformRandomProvider provider() {
    return provider;
  }

  public long nextLong() {
    return provider.nextLong();
  }

  /** Uniform in [0, 1). */
  public double nextDouble() {
    return provider.nextDouble();
  }

  /** Uniform in [0, bound). */
  public int nextInt(int bound) {
    return provider.nextInt(bound);
  }

  /** True with probability {@code p}. */
  public boolean bernoulli(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("probability must be in [0, 1]: " + p);
    }
    return p > 0 && provider.nextDouble() < p;
  }

  public ContinuousSampler constant(double value) {
    return () -> value;
  }

  /** Uniform in [lo, hi]. */
  public ContinuousSampler uniform(double lo, double hi) {
    return ContinuousUniformSampler.of(provider, lo, hi);
  }

  /** Exponential with the given mean (ziggurat method). */
  public ContinuousSampler exponential(double mean) {
    return new Samplers.Exponential(provider, mean);
  }

  /** Normal with the given mean and standard deviation (> 0) (ziggurat method). */
  public ContinuousSampler normal(double mean, double standardDeviation) {
    return new Samplers.Normal(provider, mean, standardDeviation);
  }

  /**
   * Lognormal given its median and 99th percentile, the two figures people quote for latencies:
   * mu = ln(median), sigma = (ln(p99) - mu) / z(0.99).
   */
  public ContinuousSampler logNormal(double median, double p99) {
    if (!(median > 0 && p99 > median)) {
      throw new IllegalArgumentException(
          "lognormal needs 0 < median < p99, got median=" + median + ", p99=" + p99);
    }
    double mu = StrictMath.log(median);
    double sigma = (StrictMath.log(p99) - mu) / Z_99;
    return new Samplers.LogNormal(provider, mu, sigma);
  }

  /** Pareto with minimum {@code scale} and tail index {@code shape}. */
  public ContinuousSampler pareto(double scale, double shape) {
    return new Samplers.Pareto(provider, scale, shape);
  }

  /** Zipf over ranks 1..n with the given exponent (rejection-inversion); rank 1 is the hottest. */
  public DiscreteSampler zipf(int n, double exponent) {
    return new ZipfSampler(provider, n, exponent);
  }

  /** An index in [0, weights.length) drawn with probability proportional to its weight. */
  public DiscreteSampler weightedChoice(double[] weights) {
    return AliasMethodDiscreteSampler.of(provider, weights);
  }

  @Override
  public String toString() {
    return "Rng[" + (name.isEmpty() ? "root" : name) + "]";
  }
}
