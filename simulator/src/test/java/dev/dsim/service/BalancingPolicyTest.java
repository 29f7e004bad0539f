package dev.dsim.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsim.engine.Rng;
import org.junit.jupiter.api.Test;

final class BalancingPolicyTest {

  @Test
  void roundRobin_cyclesThroughBackendsInOrder() {
    BalancingPolicy p = BalancingPolicy.roundRobin();
    int[] outstanding = new int[3];
    int[] picks = new int[7];
    for (int i = 0; i < picks.length; i++) {
      picks[i] = p.choose(outstanding);
    }
    assertThat(picks).containsExactly(0, 1, 2, 0, 1, 2, 0);
  }

  @Test
  void leastOutstanding_picksTheIdlestBackend() {
    BalancingPolicy p = BalancingPolicy.leastOutstanding();
    assertThat(p.choose(new int[] {3, 1, 2})).isEqualTo(1);
    assertThat(p.choose(new int[] {0, 5, 0})).isEqualTo(2); // tie: first after previous pick (1)
    assertThat(p.choose(new int[] {0, 5, 0})).isEqualTo(0); // tie: first after 2 wraps to 0
  }

  @Test
  void random_spreadsEvenlyAndIsSeeded() {
    BalancingPolicy p = BalancingPolicy.random(Rng.root(3).fork("lb"));
    int[] counts = new int[4];
    int n = 40_000;
    for (int i = 0; i < n; i++) {
      counts[p.choose(new int[4])]++;
    }
    for (int c : counts) {
      assertThat(c).isBetween(n / 4 - 600, n / 4 + 600);
    }
    BalancingPolicy again = BalancingPolicy.random(Rng.root(3).fork("lb"));
    BalancingPolicy same = BalancingPolicy.random(Rng.root(3).fork("lb"));
    for (int i = 0; i < 100; i++) {
      assertThat(again.choose(new int[4])).isEqualTo(same.choose(new int[4]));
    }
  }

  @Test
  void powerOfTwoChoices_picksTheLessLoadedOfTwoDistinctBackends() {
    BalancingPolicy p = BalancingPolicy.powerOfTwoChoices(Rng.root(5).fork("lb"));
    // Backend 2 is idle, the others busy: it wins whenever it is drawn, which is in 1 - (2/3)(1/2)
    // = 2/3 of the draws of two distinct backends out of 3.
    int n = 30_000;
    int idle = 0;
    for (int i = 0; i < n; i++) {
      if (p.choose(new int[] {5, 5, 0}) == 2) {
        idle++;
      }
    }
    assertThat(idle / (double) n).isBetween(0.65, 0.68);
    assertThat(BalancingPolicy.powerOfTwoChoices(Rng.root(5)).choose(new int[] {7})).isZero();
  }
}
