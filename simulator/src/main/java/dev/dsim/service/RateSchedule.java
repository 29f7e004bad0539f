package dev.dsim.service;

import java.util.List;

/**
 * An open-loop client's offered load over time: a rate in requests per second that holds, steps
 * or ramps. Each point sets the rate from its time on; a point with {@code ramp} is reached
 * linearly from the previous point's rate instead of in one step. The first point is at time 0.
 *
 * <p>Steps and ramps are how one run shows a system's behaviour across loads: where it
 * saturates, how fast a queue builds after a step, whether an autoscaler would keep up.
 */
public record RateSchedule(List<Point> points) {

  /** From {@code atNanos} on, the rate is {@code rate} (reached by a linear ramp if asked). */
  public record Point(long atNanos, double rate, boolean ramp) {
    public Point {
      if (atNanos < 0 || !(rate >= 0) || Double.isInfinite(rate)) {
        throw new IllegalArgumentException("bad rate point at " + atNanos + "ns: " + rate);
      }
    }
  }

  public RateSchedule {
    points = List.copyOf(points);
    if (points.isEmpty() || points.get(0).atNanos() != 0) {
      throw new IllegalArgumentException("a rate schedule starts with a point at time 0");
    }
    for (int i = 0; i < points.size(); i++) {
      if (i > 0 && points.get(i).atNanos() <= points.get(i - 1).atNanos()) {
        throw new IllegalArgumentException("rate points must be in increasing time order");
      }
    }
  }

  /** No requests at all: a system that runs on its own (its processes drive themselves). */
  public static RateSchedule idle() {
    return constant(0);
  }

  /** True when the rate is 0 throughout. */
  public boolean isIdle() {
    return maxRate() == 0;
  }

  /** One rate for the whole run. */
  public static RateSchedule constant(double ratePerSecond) {
    return new RateSchedule(List.of(new Point(0, ratePerSecond, false)));
  }

  /** True when the rate never changes. */
  public boolean isConstant() {
    return points.size() == 1;
  }

  /** The rate at {@code tNanos}. */
  public double rateAt(long tNanos) {
    int i = indexAt(tNanos);
    Point p = points.get(i);
    if (i + 1 < points.size()) {
      Point next = points.get(i + 1);
      if (next.ramp()) {
        double f = (tNanos - p.atNanos()) / (double) (next.atNanos() - p.atNanos());
        return p.rate() + f * (next.rate() - p.rate());
      }
    }
    return p.rate();
  }

  /** The highest rate the schedule reaches. */
  public double maxRate() {
    double max = 0;
    for (Point p : points) {
      max = Math.max(max, p.rate());
    }
    return max;
  }

  /**
   * The time at which {@code count} more requests are due after {@code tNanos}: the t' with
   * ∫ rate from t to t' = count, or -1 if the rate stays at 0 for ever. With {@code count} = 1
   * this paces constant arrivals; with {@code count} drawn from Exp(1) it gives the next arrival
   * of a Poisson process with this time-varying rate (the time-change, or inversion, method),
   * which is exact and costs one draw per arrival.
   */
  public long advance(long tNanos, double count) {
    double need = count;
    long t = tNanos;
    for (int i = indexAt(tNanos); i < points.size(); i++) {
      Point p = points.get(i);
      boolean last = i + 1 == points.size();
      long end = last ? Long.MAX_VALUE : points.get(i + 1).atNanos();
      double a = rateAt(t);
      double b = 0; // rate slope, per second per second
      if (!last && points.get(i + 1).ramp()) {
        b = (points.get(i + 1).rate() - p.rate()) / ((end - p.atNanos()) / 1e9);
      }
      double span = last ? Double.POSITIVE_INFINITY : (end - t) / 1e9;
      double x; // seconds from t until need is met, if within this segment
      if (b == 0) {
        x = a > 0 ? need / a : Double.POSITIVE_INFINITY;
      } else {
        double disc = a * a + 2 * b * need;
        x = disc < 0 ? Double.POSITIVE_INFINITY : (-a + Math.sqrt(disc)) / b;
        if (x < 0) {
          x = Double.POSITIVE_INFINITY;
        }
      }
      if (x <= span) {
        double nanos = t + x * 1e9;
        return nanos >= Long.MAX_VALUE ? -1 : Math.max(t, Math.round(nanos));
      }
      need -= a * span + b * span * span / 2;
      t = end;
    }
    return -1;
  }

  private int indexAt(long tNanos) {
    int i = 0;
    while (i + 1 < points.size() && points.get(i + 1).atNanos() <= tNanos) {
      i++;
    }
    return i;
  }
}
