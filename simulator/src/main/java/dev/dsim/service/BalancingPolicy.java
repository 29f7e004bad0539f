package dev.dsim.service;

import dev.dsim.engine.Rng;

/**
 * How a load balancer picks a backend for the next request.
 *
 * <p>Policies see only what a real balancer sees: how many requests it has outstanding on each
 * backend. They never look at a backend's queue or health.
 */
public interface BalancingPolicy {

  /** Index in [0, outstanding.length) of the backend to use; outstanding.length >= 1. */
  int choose(int[] outstanding);

  /** Cycles through the backends in order. */
  static BalancingPolicy roundRobin() {
    return new BalancingPolicy() {
      private int next;

      @Override
      public int choose(int[] outstanding) {
        int i = next % outstanding.length;
        next = i + 1;
        return i;
      }
    };
  }

  /** Picks uniformly at random from the balancer's stream. */
  static BalancingPolicy random(Rng rng) {
    return outstanding -> rng.nextInt(outstanding.length);
  }

  /**
   * Picks the backend with the fewest outstanding requests; ties go to the first one after the
   * previous choice, so an idle pool is used evenly rather than always from backend 0.
   */
  static BalancingPolicy leastOutstanding() {
    return new BalancingPolicy() {
      private int last = -1;

      @Override
      public int choose(int[] outstanding) {
        int n = outstanding.length;
        int best = -1;
        for (int k = 1; k <= n; k++) {
          int i = (last + k) % n;
          if (best < 0 || outstanding[i] < outstanding[best]) {
            best = i;
          }
        }
        last = best;
        return best;
      }
    };
  }

  /**
   * Power of two choices (Mitzenmacher): draws two distinct backends at random and picks the one
   * with fewer outstanding requests (the first drawn on a tie). Nearly as good as
   * least-outstanding while looking at two backends instead of all, and without herding every
   * balancer onto the same idle backend.
   */
  static BalancingPolicy powerOfTwoChoices(Rng rng) {
    return outstanding -> {
      int n = outstanding.length;
      if (n == 1) {
        return 0;
      }
      int a = rng.nextInt(n);
      int b = rng.nextInt(n - 1);
      if (b >= a) {
        b++; // distinct from a, uniform over the others
      }
      return outstanding[b] < outstanding[a] ? b : a;
    };
  }
}
