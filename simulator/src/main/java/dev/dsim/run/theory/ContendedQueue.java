package dev.dsim.run.theory;

import dev.dsim.world.Contention;

/**
 * One node of {@code cores} cores whose busy cores slow each other by the Universal
 * Scalability Law, fed Poisson arrivals of exponential work: a birth-death chain. With n jobs
 * present, min(n, c) run, each at 1 / stretch(min(n, c)) of a core's speed, so the node
 * completes work at rate μ·min(n, c)/stretch(min(n, c)); beyond c jobs the rate stays that of
 * c, and the chain's tail is geometric. Equal to M/M/c without contention. With contention it
 * is an approximation of the simulator's CPU, which fixes each job's stretch when the job
 * starts (by how many cores are busy then) instead of re-rating running jobs as others come and
 * go; the two agree at saturation (every core busy: every job stretched by stretch(c)) and at
 * light load (no contention), and differ by a few percent in between.
 *
 * @param meanResponseSeconds mean sojourn (wait + service), by Little's law from E[N]
 * @param utilisation busy cores over all cores, E[min(N, c)]/c: what a node's utilisation
 *     measures
 */
record ContendedQueue(double meanResponseSeconds, double utilisation) {

  /** The chain's stationary figures; throws IllegalArgumentException when it has none. */
  static ContendedQueue of(double lambda, double mu, int cores, Contention contention) {
    double full = mu * contention.capacity(cores);
    double r = lambda / full;
    if (!(r < 1)) {
      throw new IllegalArgumentException("unstable: offered " + lambda + "/s, capacity "
          + full + "/s");
    }
    // p_n relative to p_0, for n = 0..c; then p_{c+k} = p_c r^k.
    double[] p = new double[cores + 1];
    p[0] = 1;
    for (int n = 1; n <= cores; n++) {
      p[n] = p[n - 1] * lambda / (mu * contention.capacity(n));
    }
    double norm = 0;
    double jobs = 0;
    double busy = 0;
    for (int n = 0; n < cores; n++) {
      norm += p[n];
      jobs += n * p[n];
      busy += n * p[n];
    }
    // The tail from c on: sum p_c r^k, sum (c + k) p_c r^k, busy cores c in every state.
    double tail = p[cores] / (1 - r);
    norm += tail;
    jobs += cores * tail + p[cores] * r / ((1 - r) * (1 - r));
    busy += cores * tail;
    return new ContendedQueue(jobs / norm / lambda, busy / norm / cores);
  }
}
