package dev.dsim.run;

/** Queueing-theory formulas the simulator is checked against (test helper). */
final class ErlangC {
  private ErlangC() {}

  /**
   * Probability that an arrival waits in an M/M/k queue with offered load a = λ/μ (Erlang C).
   */
  static double waitProbability(int k, double a) {
    double term = 1;
    double sum = 0;
    for (int i = 0; i < k; i++) {
      sum += term;
      term = term * a / (i + 1);
    }
    // term is now a^k / k!
    double last = term * k / (k - a);
    return last / (sum + last);
  }

  /** Mean response time (wait + service) of M/M/k with arrival rate λ and service rate μ. */
  static double meanResponseTime(int k, double lambda, double mu) {
    double a = lambda / mu;
    if (a >= k) {
      throw new IllegalArgumentException("unstable queue: a=" + a + " >= k=" + k);
    }
    return waitProbability(k, a) / (k * mu - lambda) + 1 / mu;
  }
}
