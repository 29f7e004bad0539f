package dev.dsim.run.theory;

/** Closed-form availability: renewal processes, k-of-n quorums, loss and retries. */
public final class Reliability {
  private Reliability() {}

  /** The long-run fraction of time a component alternating up and down is up. */
  public static double renewalAvailability(double mttf, double mttr) {
    return mttf / (mttf + mttr);
  }

  /** P(at least k of n independent components are up), each up with probability p. */
  public static double atLeast(int k, int n, double p) {
    if (k <= 0) {
      return 1;
    }
    if (k > n) {
      return 0;
    }
    // The binomial terms, each from the last (no factorials to overflow), on StrictMath.
    double sum = 0;
    double term = StrictMath.pow(1 - p, n); // j = 0
    for (int j = 0; j <= n; j++) {
      if (j >= k) {
        sum += term;
      }
      term = p == 1 ? (j + 1 == n ? 1 : 0) : term * (n - j) / (j + 1) * p / (1 - p);
    }
    return Math.min(1, sum);
  }

  /** An operation tried up to retries + 1 times, each succeeding with probability s. */
  public static double successWithRetries(double perAttemptSuccess, int retries) {
    return 1 - StrictMath.pow(1 - perAttemptSuccess, retries + 1);
  }

  /** P(all of {@code messages} messages arrive), each lost independently with {@code loss}. */
  public static double delivered(double lossPerMessage, int messages) {
    return StrictMath.pow(1 - lossPerMessage, messages);
  }
}
