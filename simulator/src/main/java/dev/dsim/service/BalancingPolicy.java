package dev.dsim.service;

import dev.dsim.engine.Rng;

/**
 * How a load balancer picks a backend for the next request.
 *
 * <p>Policies see only what a real balancer sees: how many requests it has outstanding on each
 * backend. They never look at a backend's queue or health.
 */
public interface BalancingPolicy {

  /**
   * The backends a policy chooses among: those in service, by rank 0 to {@code size() - 1} in
   * backend order. The balancer answers each question without copying or scanning its pool, so
   * a policy's cost per request need not grow with the number of backends.
   */
  interface Backends {
    /** How many backends are in service (at least 1 when a policy is asked). */
    int size();

    /** Requests outstanding on the backend of rank {@code k}. */
    int outstanding(int k);

    /**
     * The rank of the first backend at or after rank {@code k}, cyclically, with the fewest
     * outstanding requests of all.
     */
    int leastOutstandingFrom(int k);

    /** A view of a plain array of counts, every backend in service (scans: for small pools). */
    static Backends of(int[] outstanding) {
      return new Backends() {
        @Override
        public int size() {
          return outstanding.length;
        }

        @Override
        public int outstanding(int k) {
          return outstanding[k];
        }

        @Override
        public int leastOutstandingFrom(int k) {
          int n = outstanding.length;
          int best = -1;
          for (int j = 0; j < n; j++) {
            int i = (k + j) % n;
            if (best < 0 || outstanding[i] < outstanding[best]) {
              best = i;
            }
          }
          return best;
        }
      };
    }
  }

  /** The rank in [0, backends.size()) of the backend to use; backends.size() >= 1. */
  int choose(Backends backends);

  /** {@link #choose(Backends)} over an array of outstanding counts, every backend in service. */
  default int choose(int[] outstanding) {
    return choose(Backends.of(outstanding));
  }

  /** Cycles through the backends in order. */
  static BalancingPolicy roundRobin() {
    return new BalancingPolicy() {
      private int next;

      @Override
      public int choose(Backends backends) {
        int i = next % backends.size();
        next = i + 1;
        return i;
      }
    };
  }

  /** Picks uniformly at random from the balancer's stream. */
  static BalancingPolicy random(Rng rng) {
    return backends -> rng.nextInt(backends.size());
  }

  /**
   * Picks the backend with the fewest outstanding requests; ties go to the first one after the
   * previous choice, so an idle pool is used evenly rather than always from backend 0.
   */
  static BalancingPolicy leastOutstanding() {
    return new BalancingPolicy() {
      private int last = -1;

      @Override
      public int choose(Backends backends) {
        int best = backends.leastOutstandingFrom((last + 1) % backends.size());
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
    return backends -> {
      int n = backends.size();
      if (n == 1) {
        return 0;
      }
      int a = rng.nextInt(n);
      int b = rng.nextInt(n - 1);
      if (b >= a) {
        b++; // distinct from a, uniform over the others
      }
      return backends.outstanding(b) < backends.outstanding(a) ? b : a;
    };
  }
}
