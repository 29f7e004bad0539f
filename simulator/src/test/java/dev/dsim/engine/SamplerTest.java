package dev.dsim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.junit.jupiter.api.Test;

/** Samplers agree with their parameters within statistical tolerance (fixed seeds). */
final class SamplerTest {
  private static final int N = 200_000;

  private static double[] sample(ContinuousSampler s) {
    double[] v = new double[N];
    for (int i = 0; i < N; i++) {
      v[i] = s.sample();
    }
    return v;
  }

  private static double mean(double[] v) {
    double sum = 0;
    for (double x : v) {
      sum += x;
    }
    return sum / v.length;
  }

  private static double quantile(double[] v, double q) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[(int) (q * (s.length - 1))];
  }

  private final Rng rng = Rng.root(2024).fork("samplers");

  @Test
  void nanos_drawsWholeNanosecondsFromTheSameStream() {
    Distribution d = new Distribution.Exponential(5_000_000);
    java.util.function.LongSupplier a = d.nanos(Rng.root(3).fork("x"));
    ContinuousSampler b = d.sampler(Rng.root(3).fork("x"));
    long sum = 0;
    for (int i = 0; i < 10_000; i++) {
      long v = a.getAsLong();
      assertThat(v).isEqualTo(Math.round(b.sample()));
      sum += v;
    }
    assertThat(sum / 10_000.0).isCloseTo(5_000_000, within(150_000.0));
  }

  @Test
  void exponential_meanWithin1Percent() {
    double[] v = sample(rng.exponential(8.0));
    assertThat(mean(v)).isCloseTo(8.0, within(0.08));
    assertThat(quantile(v, 0.5)).isCloseTo(8.0 * Math.log(2), within(0.1));
    assertThat(Arrays.stream(v).min().orElseThrow()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void uniform_meanAndBounds() {
    double[] v = sample(rng.uniform(2, 6));
    assertThat(mean(v)).isCloseTo(4.0, within(0.02));
    assertThat(Arrays.stream(v).min().orElseThrow()).isGreaterThanOrEqualTo(2);
    assertThat(Arrays.stream(v).max().orElseThrow()).isLessThanOrEqualTo(6);
  }

  @Test
  void normal_meanAndStandardDeviation() {
    double[] v = sample(rng.normal(10, 2));
    double m = mean(v);
    double var = 0;
    for (double x : v) {
      var += (x - m) * (x - m);
    }
    assertThat(m).isCloseTo(10, within(0.02));
    assertThat(Math.sqrt(var / (N - 1))).isCloseTo(2, within(0.02));
  }

  @Test
  void lognormal_hitsItsMedianAndP99() {
    double[] v = sample(rng.logNormal(0.5, 4.0));
    assertThat(quantile(v, 0.5)).isCloseTo(0.5, within(0.5 * 0.02));
    assertThat(quantile(v, 0.99)).isCloseTo(4.0, within(4.0 * 0.03));
    assertThat(mean(v)).isCloseTo(new Distribution.LogNormal(0.5, 4.0).mean(), within(0.02));
  }

  @Test
  void pareto_minimumAndMean() {
    double[] v = sample(rng.pareto(1.0, 3.0));
    assertThat(Arrays.stream(v).min().orElseThrow()).isGreaterThanOrEqualTo(1.0);
    assertThat(mean(v)).isCloseTo(1.5, within(0.02));
    assertThat(new Distribution.Pareto(1, 1).mean()).isInfinite();
  }

  @Test
  void zipf_rankFrequenciesFollowThePowerLaw() {
    int n = 1000;
    double s = 0.99;
    DiscreteSampler z = rng.zipf(n, s);
    int[] counts = new int[n + 1];
    for (int i = 0; i < N; i++) {
      counts[z.sample()]++;
    }
    double harmonic = 0;
    for (int k = 1; k <= n; k++) {
      harmonic += 1 / Math.pow(k, s);
    }
    for (int k = 1; k <= 5; k++) {
      double expected = N / Math.pow(k, s) / harmonic;
      assertThat((double) counts[k]).as("rank %d", k).isCloseTo(expected, within(expected * 0.05));
    }
    assertThat(counts[0]).isZero(); // ranks start at 1
  }

  @Test
  void bernoulli_frequency() {
    int hits = 0;
    for (int i = 0; i < N; i++) {
      if (rng.bernoulli(0.3)) {
        hits++;
      }
    }
    assertThat(hits / (double) N).isCloseTo(0.3, within(0.005));
    assertThat(rng.bernoulli(0)).isFalse();
  }

  @Test
  void weightedChoice_frequencies() {
    DiscreteSampler w = rng.weightedChoice(new double[] {1, 2, 7});
    int[] counts = new int[3];
    for (int i = 0; i < N; i++) {
      counts[w.sample()]++;
    }
    assertThat(counts[0] / (double) N).isCloseTo(0.1, within(0.005));
    assertThat(counts[1] / (double) N).isCloseTo(0.2, within(0.005));
    assertThat(counts[2] / (double) N).isCloseTo(0.7, within(0.005));
  }

  @Test
  void distributionRecords_meanMatchesTheSamples() {
    Distribution[] all = {
      new Distribution.Constant(3), new Distribution.Exponential(5),
      new Distribution.Uniform(1, 9), new Distribution.Normal(20, 3),
      new Distribution.LogNormal(2, 10), new Distribution.Pareto(1, 4)
    };
    for (Distribution d : all) {
      double m = mean(sample(d.sampler(rng.fork(d.toString()))));
      assertThat(m).as(d.toString()).isCloseTo(d.mean(), within(d.mean() * 0.015));
    }
  }

  @Test
  void normal_isClampedAtZero() {
    double[] v = sample(new Distribution.Normal(1, 5).sampler(rng));
    assertThat(Arrays.stream(v).min().orElseThrow()).isEqualTo(0.0);
  }

  @Test
  void badParameters_areRejected() {
    assertThatThrownBy(() -> new Distribution.Exponential(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Distribution.Uniform(5, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Distribution.LogNormal(4, 4))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Distribution.Constant(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Distribution.Pareto(1, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
