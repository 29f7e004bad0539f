package dev.dsim.world;

/**
 * The Universal Scalability Law (Gunther): with {@code n} cores busy, a machine delivers
 * {@code n / (1 + alpha (n-1) + beta n (n-1))} cores' worth of work. {@code alpha} is contention
 * (serialised sections: locks, a shared queue), {@code beta} coherency (cross-core chatter that
 * grows with the square of the cores), so a very large box scales sub-linearly and, with
 * {@code beta > 0}, eventually backwards.
 */
public record Contention(double alpha, double beta) {
  /** Linear scaling: n busy cores do n cores' work. */
  public static final Contention NONE = new Contention(0, 0);

  public Contention {
    if (!(alpha >= 0) || !(beta >= 0) || Double.isInfinite(alpha) || Double.isInfinite(beta)) {
      throw new IllegalArgumentException("contention alpha and beta must be finite and >= 0: "
          + alpha + ", " + beta);
    }
  }

  /** Effective capacity, in cores, of {@code n} busy cores. */
  public double capacity(int n) {
    return n / stretch(n);
  }

  /** How much longer each job takes when {@code n} cores are busy: {@code n / capacity(n)}. */
  public double stretch(int n) {
    return 1 + alpha * (n - 1) + beta * n * (double) (n - 1);
  }

  public boolean isNone() {
    return alpha == 0 && beta == 0;
  }
}
