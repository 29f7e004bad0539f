package dev.dsim.fault;

/**
 * How long a fault stays in force before it heals by itself: a duration, or {@link #forever()}
 * (then only the run's quiet period heals it). An explicit value instead of a {@code -1}: a
 * scenario can say "for 30s" or "never", and nothing in between can be mistaken for either.
 */
public sealed interface Lasting extends java.io.Serializable {
  /** Never heals by itself. */
  static Lasting forever() {
    return Forever.INSTANCE;
  }

  /** Heals after {@code nanos} (at least 0) of simulated time. */
  static Lasting forNanos(long nanos) {
    return new For(nanos);
  }

  /** Whether the fault heals by itself. */
  boolean heals();

  /** After this long (only when {@link #heals()}). */
  long nanos();

  /** Heals after a while. */
  record For(long nanos) implements Lasting {
    public For {
      if (nanos < 0) {
        throw new IllegalArgumentException("a fault lasts 0 or more nanoseconds: " + nanos);
      }
    }

    @Override
    public boolean heals() {
      return true;
    }
  }

  /** Never heals by itself. */
  enum Forever implements Lasting {
    INSTANCE;

    @Override
    public boolean heals() {
      return false;
    }

    @Override
    public long nanos() {
      throw new IllegalStateException("a fault that lasts forever has no duration");
    }
  }
}
