package dev.dsim.run.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.dsim.engine.Distribution;
import dev.dsim.world.Contention;
import java.math.BigDecimal;
import java.math.MathContext;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

/** The closed forms against textbook values and against each other where they must agree. */
final class QueuesTest {
  @Test
  void mm1_atUtilisation08_is50ms_andErlangCOfOneServerIsRho() {
    assertThat(Queues.mmcMeanResponse(1, 80, 100)).isCloseTo(0.05, within(1e-12));
    assertThat(Queues.erlangC(1, 0.8)).isCloseTo(0.8, within(1e-12));
    assertThat(Queues.erlangC(2, 1.0)).isCloseTo(1.0 / 3, within(1e-12));
  }

  @Test
  void erlangC_of32Servers_matchesTheDirectSum_inExactArithmetic() {
    int c = 32;
    BigDecimal a = BigDecimal.valueOf(28);
    MathContext mc = MathContext.DECIMAL128;
    BigDecimal sum = BigDecimal.ZERO;
    BigDecimal term = BigDecimal.ONE; // a^k / k!
    for (int k = 0; k < c; k++) {
      sum = sum.add(term, mc);
      term = term.multiply(a, mc).divide(BigDecimal.valueOf(k + 1), mc);
    }
    BigDecimal last = term.multiply(BigDecimal.valueOf(c), mc)
        .divide(BigDecimal.valueOf(c).subtract(a), mc);
    double expected = last.divide(sum.add(last, mc), mc).doubleValue();
    assertThat(Queues.erlangC(c, 28)).isCloseTo(expected, within(1e-12));
  }

  @Test
  void erlangC_staysFinite_for512Servers() {
    double p = Queues.erlangC(512, 500);
    assertThat(p).isBetween(0.0, 1.0);
  }

  @Test
  void unstableQueues_haveNoSteadyState() {
    assertThatThrownBy(() -> Queues.mmcMeanResponse(2, 200, 100))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Queues.mg1MeanResponse(100, 0.01, 2e-4))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void md1_waitsHalfAsLongAsMm1_andPkWithExponentialMomentsIsMm1() {
    double mm1Wait = Queues.mmcMeanResponse(1, 80, 100) - 0.01;
    double md1Wait = Queues.md1MeanResponse(80, 0.01) - 0.01;
    assertThat(md1Wait).isCloseTo(mm1Wait / 2, within(1e-12));
    assertThat(Queues.mg1MeanResponse(80, 0.01, 2 * 0.01 * 0.01))
        .isCloseTo(0.05, within(1e-12));
  }

  @Test
  void erlangArrivals_ofOnePhase_isMm1_andMoreRegularArrivalsWaitLess() {
    assertThat(Queues.erlangArrivalsMeanResponse(1, 80, 100)).isCloseTo(0.05, within(1e-9));
    double previous = Double.POSITIVE_INFINITY;
    for (int k = 1; k <= 16; k *= 2) {
      double t = Queues.erlangArrivalsMeanResponse(k, 90, 100);
      assertThat(t).isLessThan(previous).isGreaterThan(0.01);
      previous = t;
    }
    // sigma solves sigma = (k lambda / (k lambda + mu (1 - sigma)))^k.
    double sigma = Queues.gm1Sigma(4, 90, 100);
    assertThat(StrictMath.pow(360 / (360 + 100 * (1 - sigma)), 4))
        .isCloseTo(sigma, within(1e-12));
  }

  @Test
  void mmcTail_startsAtOne_andThePercentileInvertsIt() {
    assertThat(Queues.mmcResponseTail(4, 320, 100, 0)).isCloseTo(1, within(1e-12));
    double p99 = Queues.mmcResponsePercentile(4, 320, 100, 0.99);
    assertThat(Queues.mmcResponseTail(4, 320, 100, p99)).isCloseTo(0.01, within(1e-9));
    assertThat(Queues.mmcResponsePercentile(1, 80, 100, 0.99))
        .isCloseTo(Queues.mm1ResponsePercentile(80, 100, 0.99), within(1e-9));
  }

  @Test
  void mmcTail_whereTheWaitAndServiceRatesCoincide_isTheLimit() {
    // c mu - lambda == mu: 2 servers, mu 100, lambda 100.
    double at = Queues.mmcResponseTail(2, 100, 100, 0.02);
    double near = Queues.mmcResponseTail(2, 100.000001, 100, 0.02);
    assertThat(at).isCloseTo(near, within(1e-6));
  }

  @Test
  void mva_ofOneCustomer_isTheDemand_onAnyNumberOfServers() {
    for (int c : new int[] {1, 2, 8}) {
      Queues.ClosedLoop r = Queues.mva(1, 0, new double[] {0.01}, new int[] {c});
      assertThat(r.responseSeconds()).isCloseTo(0.01, within(1e-12));
      assertThat(r.throughputPerSecond()).isCloseTo(100, within(1e-9));
    }
  }

  @Test
  void mva_ofTwoCustomersOnOneServer_isTheTextbookRecursion() {
    // N=2, Z=0, D=0.01: R(1)=D, Q(1)=1, R(2)=D(1+1)=0.02, X=2/0.02=100.
    Queues.ClosedLoop r = Queues.mva(2, 0, new double[] {0.01}, new int[] {1});
    assertThat(r.responseSeconds()).isCloseTo(0.02, within(1e-12));
    // Two servers: both customers served at once, no queue.
    Queues.ClosedLoop two = Queues.mva(2, 0, new double[] {0.01}, new int[] {2});
    assertThat(two.responseSeconds()).isCloseTo(0.01, within(1e-12));
  }

  @Property(tries = 200)
  void mva_throughput_respectsTheAsymptoticBounds(@ForAll @IntRange(min = 1, max = 60) int n,
      @ForAll @DoubleRange(min = 0, max = 1) double think,
      @ForAll @DoubleRange(min = 0.001, max = 0.1) @Scale(4) double d1,
      @ForAll @DoubleRange(min = 0.001, max = 0.1) @Scale(4) double d2) {
    Queues.ClosedLoop r = Queues.mva(n, think, new double[] {d1, d2}, new int[] {1, 1});
    double bound = Math.min(n / (d1 + d2 + think), 1 / Math.max(d1, d2));
    assertThat(r.throughputPerSecond()).isLessThanOrEqualTo(bound * (1 + 1e-9));
    assertThat(r.responseSeconds()).isGreaterThanOrEqualTo((d1 + d2) * (1 - 1e-9));
  }

  @Test
  void usl_ofOneCore_isOne_andWithoutContentionIsLinear() {
    assertThat(Queues.uslCapacity(1, 0.1, 0.01)).isEqualTo(1.0);
    assertThat(Queues.uslCapacity(48, 0, 0)).isEqualTo(48.0);
    assertThat(Queues.uslCapacity(48, 0.01, 0.0001))
        .isCloseTo(new Contention(0.01, 0.0001).capacity(48), within(1e-12));
  }

  @Test
  void contendedChain_withoutContention_isMmc() {
    ContendedQueue q = ContendedQueue.of(320, 100, 4, Contention.NONE);
    assertThat(q.meanResponseSeconds()).isCloseTo(Queues.mmcMeanResponse(4, 320, 100),
        within(1e-12));
    assertThat(q.utilisation()).isCloseTo(0.8, within(1e-12));
  }

  @Test
  void moments_ofTheScenarioDistributions() {
    assertThat(Moments.secondMoment(new Distribution.Exponential(2))).isEqualTo(8.0);
    assertThat(Moments.secondMoment(new Distribution.Uniform(0, 3))).isCloseTo(3, within(1e-12));
    assertThat(Moments.secondMoment(new Distribution.Pareto(1, 2))).isInfinite();
    assertThat(Moments.secondMoment(new Distribution.Pareto(1, 3))).isCloseTo(3, within(1e-12));
    // A normal far from zero is not clamped: its moments are the normal's.
    Distribution.Normal far = new Distribution.Normal(100, 1);
    assertThat(Moments.mean(far)).isCloseTo(100, within(1e-9));
    assertThat(Moments.secondMoment(far)).isCloseTo(10001, within(1e-6));
    // Centred at zero, clamping keeps half: E[max(0,X)] = sigma / sqrt(2 pi).
    assertThat(Moments.mean(new Distribution.Normal(0, 1)))
        .isCloseTo(1 / Math.sqrt(2 * Math.PI), within(1e-9));
    assertThat(Moments.erfc(0)).isCloseTo(1, within(1e-7));
    assertThat(Moments.erfc(1)).isCloseTo(0.157299207050285, within(2e-8));
  }
}
