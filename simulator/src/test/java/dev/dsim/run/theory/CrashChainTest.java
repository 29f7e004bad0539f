package dev.dsim.run.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The crash chain's state averages: with independent renewals (maxDown not binding) they are
 * the binomial formulas; with maxDown binding, the probabilities still sum to one and a
 * class's expected down count is its share of the chain's.
 */
final class CrashChainTest {
  @Test
  void independentNodes_giveTheBinomialFormulas() {
    CrashChain chain = CrashChain.of(5, 40, 10, 5); // each up 0.8
    assertThat(chain.nodeUptime()).isCloseTo(0.8, within(1e-12));
    // Three of five replicas up, the coordinator anywhere: P(>= 3 of 5).
    assertThat(chain.average(new int[] {5}, d -> 5 - d[0] >= 3 ? 1 : 0))
        .isCloseTo(Reliability.atLeast(3, 5, 0.8), within(1e-12));
    // The coordinator itself a replica and up: a · P(>= 2 of the other 4).
    assertThat(chain.average(new int[] {1, 4}, d -> d[0] == 0 && 4 - d[1] >= 2 ? 1 : 0))
        .isCloseTo(0.8 * Reliability.atLeast(2, 4, 0.8), within(1e-12));
    // Two nodes in series.
    assertThat(CrashChain.of(2, 300, 20, 3).average(new int[] {1, 1},
        d -> d[0] + d[1] == 0 ? 1 : 0)).isCloseTo(0.9375 * 0.9375, within(1e-12));
  }

  @Property
  void boundedChain_averagesAreProbabilities(@ForAll @IntRange(min = 2, max = 30) int n,
      @ForAll @IntRange(min = 1, max = 30) int maxDown,
      @ForAll @IntRange(min = 1, max = 30) int inClass) {
    int m = Math.min(inClass, n);
    CrashChain chain = CrashChain.of(n, 300, 20, maxDown);
    assertThat(chain.average(new int[] {m}, d -> 1)).isCloseTo(1, within(1e-9));
    // E[down in a class of m] = m/n · E[down]: the down set is exchangeable.
    assertThat(chain.average(new int[] {m}, d -> d[0]))
        .isCloseTo(m * (1 - chain.nodeUptime()), within(1e-9));
    // A binding maxDown keeps more nodes up than independence would.
    assertThat(chain.nodeUptime()).isGreaterThanOrEqualTo(300.0 / 320 - 1e-12);
  }

  @Test
  void choose_isPascalsTriangle_andZeroOutside() {
    assertThat(CrashChain.choose(5, 2)).isCloseTo(10, within(1e-9));
    assertThat(CrashChain.choose(1000, 3)).isCloseTo(166_167_000, within(1e-3));
    assertThat(CrashChain.choose(2, 3)).isZero();
    assertThat(CrashChain.choose(0, 0)).isEqualTo(1);
  }
}
