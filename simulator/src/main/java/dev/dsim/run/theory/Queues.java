package dev.dsim.run.theory;

/**
 * Closed-form queueing results, in seconds and per-second rates. Each method throws
 * IllegalArgumentException for a queue without a steady state (utilisation at or above 1) or
 * for arguments out of range.
 */
public final class Queues {
  private Queues() {}

  /**
   * Erlang C: the probability that an arrival waits in an M/M/c queue with offered load
   * a = λ/μ. Computed from the Erlang B recursion, which stays stable for hundreds of servers
   * (the textbook sum of a^k/k! overflows long before).
   */
  public static double erlangC(int servers, double offeredLoad) {
    if (servers < 1 || !(offeredLoad >= 0) || !(offeredLoad < servers)) {
      throw new IllegalArgumentException("M/M/" + servers + " with offered load "
          + offeredLoad + " has no steady state");
    }
    double b = 1;
    for (int k = 1; k <= servers; k++) {
      b = offeredLoad * b / (k + offeredLoad * b);
    }
    double rho = offeredLoad / servers;
    return b / (1 - rho * (1 - b));
  }

  /** Mean sojourn time (wait + service) of M/M/c with arrival rate λ and service rate μ. */
  public static double mmcMeanResponse(int servers, double lambda, double mu) {
    double c = erlangC(servers, lambda / mu);
    return c / (servers * mu - lambda) + 1 / mu;
  }

  /**
   * P(T > t) for the FCFS sojourn time T of M/M/c: an exponential(μ) service plus a wait that
   * is 0 with probability 1 − C and exponential(cμ − λ) with probability C.
   */
  public static double mmcResponseTail(int servers, double lambda, double mu, double t) {
    double c = erlangC(servers, lambda / mu);
    double theta = servers * mu - lambda;
    double service = StrictMath.exp(-mu * t);
    if (Math.abs(theta - mu) < 1e-12 * mu) {
      // The two rates coincide: the convolution's tail is (1 + μt) e^{-μt} for the waiters.
      return (1 - c) * service + c * (1 + mu * t) * service;
    }
    double waited = (theta * service - mu * StrictMath.exp(-theta * t)) / (theta - mu);
    return (1 - c) * service + c * waited;
  }

  /** The q-quantile (0 < q < 1) of the M/M/c sojourn time, by bisection on the tail. */
  public static double mmcResponsePercentile(int servers, double lambda, double mu, double q) {
    if (!(q > 0 && q < 1)) {
      throw new IllegalArgumentException("a quantile needs 0 < q < 1: " + q);
    }
    double target = 1 - q;
    double lo = 0;
    double hi = 1 / mu;
    while (mmcResponseTail(servers, lambda, mu, hi) > target) {
      hi *= 2;
    }
    for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
      double mid = (lo + hi) / 2;
      if (mmcResponseTail(servers, lambda, mu, mid) > target) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }

  /** The exact q-quantile of M/M/1's sojourn time, exponential with rate μ − λ. */
  public static double mm1ResponsePercentile(double lambda, double mu, double q) {
    stable(lambda / mu);
    return -StrictMath.log(1 - q) / (mu - lambda);
  }

  /**
   * M/G/1 by Pollaczek-Khinchine: mean wait λE[S²] / (2(1 − ρ)), plus the mean service.
   * Needs a finite second moment.
   */
  public static double mg1MeanResponse(double lambda, double meanService,
      double secondMomentService) {
    double rho = stable(lambda * meanService);
    if (Double.isInfinite(secondMomentService)) {
      throw new IllegalArgumentException("infinite second moment: P-K has no mean");
    }
    return lambda * secondMomentService / (2 * (1 - rho)) + meanService;
  }

  /** M/D/1: P-K with E[S²] = S², half M/M/1's wait at equal utilisation. */
  public static double md1MeanResponse(double lambda, double service) {
    return mg1MeanResponse(lambda, service, service * service);
  }

  /**
   * E_k/M/1: a server that receives every k-th arrival of a Poisson stream of rate kλ (what a
   * round-robin balancer over k servers gives each), so its gaps are Erlang(k, kλ) with mean
   * 1/λ, and exponential service of rate μ. G/M/1 theory: with σ the root in (0, 1) of
   * σ = A*(μ(1 − σ)), where A*(s) = (kλ / (kλ + s))^k, the sojourn time is exponential with
   * rate μ(1 − σ).
   */
  public static double erlangArrivalsMeanResponse(int k, double lambda, double mu) {
    return 1 / (mu * (1 - gm1Sigma(k, lambda, mu)));
  }

  /** σ of E_k/M/1, by bisection on f(σ) = A*(μ(1 − σ)) − σ (positive below the root). */
  static double gm1Sigma(int k, double lambda, double mu) {
    stable(lambda / mu);
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1: " + k);
    }
    double lo = 0;
    double hi = 1;
    for (int i = 0; i < 200 && hi - lo > 1e-15; i++) {
      double mid = (lo + hi) / 2;
      double f = StrictMath.pow(k * lambda / (k * lambda + mu * (1 - mid)), k) - mid;
      if (f > 0) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }

  /**
   * A closed network's figures from mean value analysis.
   *
   * @param stationResponseSeconds the mean time a request spends at each station per visit
   * @param exact true when every station is exact (single-server MVA, or the multi-server
   *     recursion with marginal probabilities)
   */
  public record ClosedLoop(double throughputPerSecond, double responseSeconds,
      double[] stationResponseSeconds, boolean exact) {
    public ClosedLoop {
      stationResponseSeconds = stationResponseSeconds.clone();
    }
  }

  /**
   * Exact mean value analysis of a closed network: {@code customers} users thinking
   * {@code thinkSeconds} (a delay station), then visiting each queueing station with service
   * demand {@code demandSeconds[i]} on {@code servers[i]} servers. Multi-server stations use
   * the exact load-dependent recursion (the marginal queue-length probabilities of each
   * station, Reiser and Lavenberg), so the result is exact for exponential service.
   */
  public static ClosedLoop mva(int customers, double thinkSeconds, double[] demandSeconds,
      int[] servers) {
    int m = demandSeconds.length;
    if (customers < 1 || servers.length != m || !(thinkSeconds >= 0)) {
      throw new IllegalArgumentException("MVA needs at least one customer and a server count"
          + " per station");
    }
    // marginal[i][j]: P(j customers at station i) for the current population.
    double[][] marginal = new double[m][customers + 1];
    for (int i = 0; i < m; i++) {
      marginal[i][0] = 1;
    }
    double x = 0;
    double[] r = new double[m];
    for (int n = 1; n <= customers; n++) {
      double total = 0;
      for (int i = 0; i < m; i++) {
        double ri = 0;
        for (int j = 1; j <= n; j++) {
          ri += j / (double) Math.min(j, servers[i]) * marginal[i][j - 1];
        }
        r[i] = demandSeconds[i] * ri;
        total += r[i];
      }
      x = n / (thinkSeconds + total);
      for (int i = 0; i < m; i++) {
        double[] next = new double[customers + 1];
        double sum = 0;
        for (int j = n; j >= 1; j--) {
          next[j] = x * demandSeconds[i] / Math.min(j, servers[i]) * marginal[i][j - 1];
          sum += next[j];
        }
        next[0] = Math.max(0, 1 - sum);
        marginal[i] = next;
      }
    }
    double response = 0;
    for (double ri : r) {
      response += ri;
    }
    return new ClosedLoop(x, response, r, true);
  }

  /** The Universal Scalability Law: c / (1 + σ(c − 1) + κc(c − 1)) cores' worth of work. */
  public static double uslCapacity(int cores, double sigma, double kappa) {
    return cores / (1 + sigma * (cores - 1) + kappa * cores * (double) (cores - 1));
  }

  private static double stable(double rho) {
    if (!(rho >= 0) || !(rho < 1)) {
      throw new IllegalArgumentException("utilisation " + rho + ": no steady state");
    }
    return rho;
  }
}
