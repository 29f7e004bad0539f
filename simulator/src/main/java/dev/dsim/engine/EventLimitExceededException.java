package dev.dsim.engine;

/** Thrown when a run fires more events than its limit allows: a bound, not a hang. */
public final class EventLimitExceededException extends RuntimeException {
  private final long limit;
  private final long timeNanos;

  public EventLimitExceededException(long limit, long timeNanos) {
    super("event limit of " + limit + " events reached at simulated time "
        + Durations.format(timeNanos));
    this.limit = limit;
    this.timeNanos = timeNanos;
  }

  public long limit() {
    return limit;
  }

  public long timeNanos() {
    return timeNanos;
  }
}
