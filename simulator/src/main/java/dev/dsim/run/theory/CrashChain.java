package dev.dsim.run.theory;

/**
 * The random-crash nemesis as a birth-death chain: {@code n} candidates, each failing after an
 * exponential uptime (mean MTTF) and repaired after an exponential downtime (mean MTTR), where a
 * failure that would take more than {@code maxDown} candidates down is skipped (the nemesis
 * draws that node's next uptime instead; by memorylessness that is the same as the failure
 * never happening). With k down, failures come at rate (n − k)/MTTF while k < maxDown and
 * repairs at k/MTTR. Exact for the nemesis as the simulator runs it; with maxDown ≥ n it is n
 * independent renewal processes and each node is up MTTF/(MTTF + MTTR) of the time.
 *
 * @param down P(k candidates down), k = 0..maxDown
 */
record CrashChain(int candidates, double[] down) {

  static CrashChain of(int n, double mttf, double mttr, int maxDown) {
    int top = Math.min(n, maxDown);
    double[] p = new double[top + 1];
    p[0] = 1;
    double sum = 1;
    for (int k = 1; k <= top; k++) {
      p[k] = p[k - 1] * ((n - k + 1) / mttf) / (k / mttr);
      sum += p[k];
    }
    for (int k = 0; k <= top; k++) {
      p[k] /= sum;
    }
    return new CrashChain(n, p);
  }

  /** The fraction of time one candidate is up: 1 − E[down]/n. */
  double nodeUptime() {
    double mean = 0;
    for (int k = 0; k < down.length; k++) {
      mean += k * down[k];
    }
    return 1 - mean / candidates;
  }

  /** The probability that every one of the candidates is down at once. */
  double allDown() {
    return down.length == candidates + 1 ? down[candidates] : 0;
  }

  /** What a request achieves when so many candidates of each class are down. */
  @FunctionalInterface
  interface Outcome {
    double given(int[] down);
  }

  /**
   * The time average of {@code outcome} over the chain's states, the candidates falling into
   * classes of the given sizes (the rest elsewhere). The candidates are exchangeable (the same
   * rates, and a skipped failure skips any of them alike), so with k down every set of k is
   * equally likely, and the down counts per class are multivariate hypergeometric. A request
   * arriving at a random moment sees this average (Poisson arrivals see time averages).
   */
  double average(int[] classes, Outcome outcome) {
    int inClasses = 0;
    for (int c : classes) {
      inClasses += c;
    }
    if (inClasses > candidates) {
      throw new IllegalArgumentException("classes hold more than the candidates");
    }
    double total = 0;
    int[] down = new int[classes.length];
    for (int k = 0; k < this.down.length; k++) {
      if (this.down[k] > 0) {
        total += this.down[k] * given(k, classes, 0, down, candidates - inClasses, outcome);
      }
    }
    return total;
  }

  /** E[outcome | k down], summing over the down counts of classes {@code from} onwards. */
  private double given(int k, int[] classes, int from, int[] down, int elsewhere,
      Outcome outcome) {
    if (from == classes.length) {
      int placed = 0;
      double lnWeight = 0;
      for (int i = 0; i < classes.length; i++) {
        placed += down[i];
        lnWeight += lnChoose(classes[i], down[i]);
      }
      int rest = k - placed;
      if (rest < 0 || rest > elsewhere) {
        return 0;
      }
      lnWeight += lnChoose(elsewhere, rest) - lnChoose(candidates, k);
      return StrictMath.exp(lnWeight) * outcome.given(down);
    }
    double sum = 0;
    for (int j = 0; j <= Math.min(classes[from], k); j++) {
      down[from] = j;
      sum += given(k, classes, from + 1, down, elsewhere, outcome);
    }
    down[from] = 0;
    return sum;
  }

  /** ln C(n, k), as a sum (k is small here; no overflow for large n). */
  static double lnChoose(int n, int k) {
    double ln = 0;
    int m = Math.min(k, n - k);
    for (int i = 1; i <= m; i++) {
      ln += StrictMath.log((double) (n - m + i) / i);
    }
    return ln;
  }

  /** C(n, k) as a double; 0 outside 0 ≤ k ≤ n. */
  static double choose(int n, int k) {
    return k < 0 || k > n ? 0 : StrictMath.exp(lnChoose(n, k));
  }

  /** The work of {@link #average}: states times down-count combinations. */
  long cost(int[] classes) {
    long combos = 1;
    for (int c : classes) {
      combos *= Math.min(c, down.length - 1) + 1L;
      if (combos > 1_000_000_000L) {
        return Long.MAX_VALUE;
      }
    }
    return combos * down.length;
  }
}
