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
}
