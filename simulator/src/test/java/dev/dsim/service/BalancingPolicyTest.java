package dev.dsim.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsim.engine.Rng;
import org.junit.jupiter.api.Test;

final class BalancingPolicyTest {

  /**
   * No policy scans the pool: each choice asks the balancer about at most two backends (the
   * balancer answers "least outstanding" from its own O(log n) index), at 10 backends as at
   * 100,000.
   */
  @Test
  void everyPolicy_asksAboutABoundedNumberOfBackends_whateverThePoolSize() {
    for (int size : new int[] {10, 100_000}) {
      int[] asked = new int[1];
      BalancingPolicy.Backends pool = new BalancingPolicy.Backends() {
        @Override
        public int size() {
          return size;
        }

        @Override
        public int outstanding(int k) {
          asked[0]++;
          return k % 7;
        }

        @Override
        public int leastOutstandingFrom(int k) {
          asked[0]++;
          return k;
        }
      };
      BalancingPolicy[] policies = {BalancingPolicy.roundRobin(),
          BalancingPolicy.random(Rng.root(1).fork("lb")), BalancingPolicy.leastOutstanding(),
          BalancingPolicy.powerOfTwoChoices(Rng.root(1).fork("lb"))};
      for (BalancingPolicy policy : policies) {
        asked[0] = 0;
        for (int i = 0; i < 1000; i++) {
          assertThat(policy.choose(pool)).isBetween(0, size - 1);
        }
        assertThat(asked[0]).as("backends asked about in 1,000 choices of %d", size)
            .isLessThanOrEqualTo(2000);
      }
    }
  }

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
