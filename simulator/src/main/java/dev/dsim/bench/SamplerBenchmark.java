package dev.dsim.bench;

import dev.dsim.engine.Rng;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.apache.commons.rng.sampling.distribution.GaussianSampler;
import org.apache.commons.rng.sampling.distribution.InverseTransformParetoSampler;
import org.apache.commons.rng.sampling.distribution.LogNormalSampler;
import org.apache.commons.rng.sampling.distribution.RejectionInversionZipfSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Cost per sample of dsim's {@code StrictMath} samplers ({@link Rng#exponential},
 * {@link Rng#normal}, {@link Rng#logNormal}, {@link Rng#pareto}, {@link Rng#zipf}) against the
 * Commons RNG samplers they replaced (which use {@code java.lang.Math}), on the same generator.
 * Old and new take turns (A B A B) in every round, after a collection, so that drift on a noisy
 * machine hits them alike; it prints the median nanoseconds per sample by thread CPU time and by
 * wall time, with min..max, and the ratio of the medians.
 *
 * <pre>
 * mvn -q -DskipTests package
 * java -cp simulator/target/dsim.jar dev.dsim.bench.SamplerBenchmark
 * java -cp simulator/target/dsim.jar dev.dsim.bench.SamplerBenchmark --samples 20000000 \
 *     --warmup 3 --rounds 10
 * </pre>
 *
 * <p>The sum of the samples is kept so no work is discarded. Figures from a shared 2-core
 * machine are noisy: compare the ratios printed in one run, not absolute figures across runs.
 */
public final class SamplerBenchmark {
  private interface Loop {
    double run(long samples);
  }

  private record Pair(String name, Loop old, Loop strict) {}

  private SamplerBenchmark() {}

  public static void main(String[] args) {
    long samples = 10_000_000;
    int warmup = 3;
    int rounds = 10;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--samples" -> samples = Long.parseLong(args[i + 1]);
        case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
        case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + " (options: --samples N --warmup N --rounds N)");
      }
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    if (!threads.isCurrentThreadCpuTimeSupported()) {
      throw new IllegalStateException("this JVM cannot measure thread CPU time");
    }
    threads.setThreadCpuTimeEnabled(true);
    System.out.printf(Locale.ROOT, "samplers: JDK %s (%s), %d processors, %d samples per "
        + "measurement, %d warm-up, %d rounds old/new interleaved (median, min..max ns per "
        + "sample)%n", System.getProperty("java.version"), System.getProperty("java.vm.name"),
        Runtime.getRuntime().availableProcessors(), samples, warmup, rounds);
    System.out.printf(Locale.ROOT, "%-30s %-24s %-24s %-24s %-24s %9s %9s%n", "sampler",
        "Commons RNG (cpu)", "dsim StrictMath (cpu)", "Commons RNG (wall)",
        "dsim StrictMath (wall)", "cpu new/old", "wall new/old");
    double sink = 0;
    for (Pair p : pairs()) {
      double[][] cpu = new double[2][rounds];
      double[][] wall = new double[2][rounds];
      for (int i = 0; i < warmup; i++) {
        sink += p.old().run(samples / 4) + p.strict().run(samples / 4);
      }
      for (int i = 0; i < rounds; i++) {
        Loop[] order = {p.old(), p.strict()};
        for (int c = 0; c < 2; c++) {
          System.gc();
          long cpu0 = threads.getCurrentThreadCpuTime();
          long wall0 = System.nanoTime();
          sink += order[c].run(samples);
          wall[c][i] = (System.nanoTime() - wall0) / (double) samples;
          cpu[c][i] = (threads.getCurrentThreadCpuTime() - cpu0) / (double) samples;
        }
      }
      System.out.printf(Locale.ROOT, "%-30s %-24s %-24s %-24s %-24s %9.2f %9.2f%n", p.name(),
          spread(cpu[0]), spread(cpu[1]), spread(wall[0]), spread(wall[1]),
          median(cpu[1]) / median(cpu[0]), median(wall[1]) / median(wall[0]));
    }
    if (sink == 42) {
      System.out.println("(checksum coincidence)"); // keeps the JIT from discarding the work
    }
    System.out.println("(new/old = dsim's median / Commons RNG's median; > 1 means dsim's "
        + "sampler is slower; thread CPU time excludes time the OS gave other processes)");
  }

  /**
   * The contenders: each draws from its own generator, seeded alike. Each loop is written out in
   * its own lambda (not shared through a helper), so that its {@code sample()} call site sees a
   * single sampler class and stays monomorphic, as in a simulation.
   */
  private static Pair[] pairs() {
    double mu = StrictMath.log(1e6);
    double sigma = (StrictMath.log(4e6) - mu) / 2.3263478740408408;
    return new Pair[] {
      new Pair("exponential(mean 1e6)", n -> {
        ContinuousSampler s = ZigguratSampler.Exponential.of(provider(), 1e6);
        double t = 0;
        for (long i = 0; i < n; i++) {
          t += s.sample();
        }
        return t;
      }, n -> {
        ContinuousSampler s = rng().exponential(1e6);
        double t = 0;
        for (long i = 0; i < n; i++) {
          t += s.sample();
        }
        return t;
      }),
      new Pair("normal(10, 2)", n -> {
        ContinuousSampler s = GaussianSampler.of(ZigguratSampler.NormalizedGaussian.of(provider()),
            10, 2);
        double t = 0;
        for (long i = 0; i < n; i++) {
          t += s.sample();
        }
        return t;
      }, n -> {
        ContinuousSampler s = rng().normal(10, 2);
        double t = 0;
        for (long i = 0; i < n; i++) {
          t += s.sample();
        }
        return t;
      }),
      new Pair("lognormal(median 1e6, p99 4e6)", n -> {
        ContinuousSampler s = LogNormalSampler.of(
            ZigguratSampler.NormalizedGaussian.of(provider()), mu, sigma);
        double t = 0;
        for (long i = 0; i < n; i++) {
          t += s.sample();
        }
        return t;
      }, n -> {
        ContinuousSampler s = rng().logNormal(1e6, 4e6);
        double t = 0;
        for (long i = 0; i < n; i++) {
          t += s.sample();
        }
        return t;
      }),
      new Pair("pareto(1, 1.5)", n -> {
        ContinuousSampler s = InverseTransformParetoSampler.of(provider(), 1, 1.5);
        double t = 0;
        for (long i = 0; i < n; i++) {
          t += s.sample();
        }
        return t;
      }, n -> {
        ContinuousSampler s = rng().pareto(1, 1.5);
        double t = 0;
        for (long i = 0; i < n; i++) {
          t += s.sample();
        }
        return t;
      }),
      new Pair("zipf(1000 keys, 0.99)", n -> {
        DiscreteSampler s = RejectionInversionZipfSampler.of(provider(), 1000, 0.99);
        long t = 0;
        for (long i = 0; i < n; i++) {
          t += s.sample();
        }
        return t;
      }, n -> {
        DiscreteSampler s = rng().zipf(1000, 0.99);
        long t = 0;
        for (long i = 0; i < n; i++) {
          t += s.sample();
        }
        return t;
      }),
    };
  }

  private static Rng rng() {
    return Rng.root(42).fork("bench");
  }

  private static UniformRandomProvider provider() {
    return rng().provider();
  }

  private static String spread(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    return String.format(Locale.ROOT, "%.2f (%.2f..%.2f)", median(values), s[0],
        s[s.length - 1]);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
