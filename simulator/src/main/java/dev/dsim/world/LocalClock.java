package dev.dsim.world;

import dev.dsim.engine.Simulation;

/**
 * A node's own clock: simulated time seen through an offset and a drift (parts per million),
 * which a fault can jump or re-drift. Local time is what the node's processes read and what
 * their timers are set in, so a skewed clock makes heartbeats, timeouts and leases misbehave as
 * they do in real systems.
 *
 * <p>Local time is piecewise linear in simulated time: local = base + (t - t0) * (1 + ppm/1e6),
 * re-based at every change, so changes never make it jump except by {@link #jump(long)}.
 */
public final class LocalClock {
  private final Simulation sim;
  private final Node node;
  private long baseLocalNanos;
  private long baseSimNanos;
  private double rate = 1.0;
  private double driftPpm;

  LocalClock(Simulation sim, Node node) {
    this.sim = sim;
    this.node = node;
    this.baseSimNanos = sim.now();
    this.baseLocalNanos = sim.now();
  }

  /** Local time now, in nanoseconds. */
  public long now() {
    return localAt(sim.now());
  }

  private long localAt(long simNanos) {
    long elapsed = simNanos - baseSimNanos;
    return baseLocalNanos + (rate == 1.0 ? elapsed : Math.round(elapsed * rate));
  }

  /** The earliest simulated time at which this clock reads at least {@code localNanos}. */
  long simTimeAt(long localNanos) {
    long now = sim.now();
    if (localNanos <= localAt(now)) {
      return now;
    }
    double ahead = Math.ceil((localNanos - baseLocalNanos) / rate);
    if (ahead >= Long.MAX_VALUE / 2.0) {
      return Long.MAX_VALUE; // "never", as far as any run is concerned
    }
    long t = baseSimNanos + (long) ahead;
    while (localAt(t) < localNanos) {
      t++; // rounding: step to the first nanosecond that reads late enough
    }
    return Math.max(t, now);
  }

  /** Current offset from simulated time (local - simulated), in nanoseconds. */
  public long offsetNanos() {
    return now() - sim.now();
  }

  public double driftPpm() {
    return driftPpm;
  }

  /** Moves the clock by {@code byNanos} (negative: backwards); timers are re-planned. */
  public void jump(long byNanos) {
    rebase();
    baseLocalNanos += byNanos;
    node.clockChanged();
  }

  /** Sets the drift in parts per million (positive: runs fast); timers are re-planned. */
  public void setDrift(double ppm) {
    if (!(ppm > -1e6) || Double.isInfinite(ppm)) {
      throw new IllegalArgumentException("drift must be a finite number > -1e6 ppm: " + ppm);
    }
    rebase();
    driftPpm = ppm;
    rate = 1 + ppm / 1e6;
    node.clockChanged();
  }

  private void rebase() {
    long now = sim.now();
    baseLocalNanos = localAt(now);
    baseSimNanos = now;
  }
}
