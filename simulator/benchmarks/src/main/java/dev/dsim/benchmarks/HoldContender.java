package dev.dsim.benchmarks;

/**
 * One event-list implementation on the classic hold model: N events pending; each fired event
 * schedules one more at now + an increment. Every contender takes its increments from the same
 * array in the same order, so they all do the same work: whatever their order among equal times,
 * the multiset of pending times is the same after every firing, and so is the checksum (the sum
 * of the fired times) that {@link #fire} returns.
 */
interface HoldContender {
  /** A short name for the table. */
  String name();

  /** The id that {@code --only} picks it by: dsim, ssj-henriksen, ssj-splay, mason, pq, heap. */
  String id();

  /** Starts afresh with {@code pending} events, the i-th at time {@code increments[i]}. */
  void setUp(int pending, long[] increments);

  /**
   * Fires {@code firings} events, each scheduling its successor (so N stays as it was: a JMH
   * invocation can call this again), and returns the sum of their times in nanoseconds. Only
   * this part is timed.
   */
  long fire(long firings);

  /** Lets go of the pending events, so that the next contender starts on a clean heap. */
  void tearDown();
}
