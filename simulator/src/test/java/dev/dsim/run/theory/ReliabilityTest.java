package dev.dsim.run.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Availability formulas, and the crash nemesis's chain against them. */
final class ReliabilityTest {
  @Test
  void renewal_retries_andLoss() {
    assertThat(Reliability.renewalAvailability(3600, 360)).isCloseTo(10.0 / 11, within(1e-12));
    assertThat(Reliability.successWithRetries(0.9, 2)).isCloseTo(0.999, within(1e-12));
    assertThat(Reliability.delivered(0.01, 4)).isCloseTo(0.96059601, within(1e-12));
  }

  @Test
  void atLeast_twoOfThree() {
    double p = 0.9;
    assertThat(Reliability.atLeast(2, 3, p)).isCloseTo(3 * p * p * (1 - p) + p * p * p,
        within(1e-12));
    assertThat(Reliability.atLeast(0, 3, p)).isEqualTo(1.0);
    assertThat(Reliability.atLeast(4, 3, p)).isEqualTo(0.0);
    assertThat(Reliability.atLeast(3, 3, 1.0)).isCloseTo(1.0, within(1e-12));
  }

  @Property(tries = 200)
  void atLeast_addsUpWithItsComplement(@ForAll @IntRange(min = 1, max = 40) int n,
      @ForAll @IntRange(min = 1, max = 40) int k, @ForAll @DoubleRange(min = 0, max = 1) double p) {
    double up = Reliability.atLeast(k, n, p);
    double down = Reliability.atLeast(n - k + 1, n, 1 - p); // n-k+1 down: fewer than k up
    if (k <= n) {
      assertThat(up + down).isCloseTo(1, within(1e-9));
    }
  }

  @Test
  void crashChain_withoutALimit_isIndependentRenewals() {
    CrashChain c = CrashChain.of(3, 3600, 360, 3);
    double a = Reliability.renewalAvailability(3600, 360);
    assertThat(c.nodeUptime()).isCloseTo(a, within(1e-12));
    assertThat(c.allDown()).isCloseTo(StrictMath.pow(1 - a, 3), within(1e-12));
  }

  @Test
  void crashChain_withMaxDownOne_neverHasTwoDown() {
    // States 0 and 1: up rate 3/mttf, down rate 1/mttr: P(1 down) = 3 mttr / (mttf + 3 mttr).
    CrashChain c = CrashChain.of(3, 3600, 360, 1);
    double oneDown = 3 * 360.0 / (3600 + 3 * 360);
    assertThat(c.nodeUptime()).isCloseTo(1 - oneDown / 3, within(1e-12));
    assertThat(c.allDown()).isZero();
  }
}
