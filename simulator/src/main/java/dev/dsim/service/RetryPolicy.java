package dev.dsim.service;

/**
 * What a client does when a request does not come back: give up after {@code timeoutNanos} per
 * attempt (0 = wait forever), retry up to {@code retries} times after an exponential backoff
 * (base × 2^(k-1) before the k-th retry, capped at {@code backoffMaxNanos}) with jitter, and
 * optionally hedge: send a second copy if no reply came within {@code hedgeAfterNanos}, taking
 * whichever answers first (0 = no hedging).
 *
 * <p>Retries and hedges trade load for availability and tail latency: they rescue requests that
 * hit a dead or slow node, and they add load exactly when a system is struggling. Jitter spreads
 * retries out so that clients that failed together do not retry together.
 */
public record RetryPolicy(long timeoutNanos, int retries, long backoffBaseNanos,
    long backoffMaxNanos, Jitter jitter, long hedgeAfterNanos) {

  /** How a backoff delay is randomised (the names of the AWS Architecture Blog article). */
  public enum Jitter {
    /** Exactly the backoff. */
    NONE,
    /** Uniform in [0, backoff]. */
    FULL,
    /** Half the backoff plus uniform in [0, backoff / 2]. */
    EQUAL
  }

  public RetryPolicy {
    if (timeoutNanos < 0 || retries < 0 || backoffBaseNanos < 0 || backoffMaxNanos < 0
        || hedgeAfterNanos < 0) {
      throw new IllegalArgumentException("retry policy values must be >= 0");
    }
    if (jitter == null) {
      throw new IllegalArgumentException("jitter");
    }
  }

  /** One attempt with this timeout, no retries, no hedging. */
  public static RetryPolicy timeoutOnly(long timeoutNanos) {
    return new RetryPolicy(timeoutNanos, 0, 0, 0, Jitter.NONE, 0);
  }

  /** The backoff before the {@code k}-th retry (k >= 1), before jitter. */
  public long backoffNanos(int k) {
    if (backoffBaseNanos == 0) {
      return 0;
    }
    int shift = Math.min(k - 1, 40);
    long b = backoffBaseNanos << shift;
    if (b < 0 || (b >> shift) != backoffBaseNanos) {
      b = Long.MAX_VALUE; // overflowed: the cap applies
    }
    return backoffMaxNanos > 0 ? Math.min(b, backoffMaxNanos) : b;
  }

  /**
   * The longest an operation can stay open: every attempt timing out and every backoff at its
   * cap; {@code Long.MAX_VALUE} without a timeout.
   */
  public long worstCaseNanos() {
    if (timeoutNanos == 0) {
      return Long.MAX_VALUE;
    }
    long total = timeoutNanos;
    for (int k = 1; k <= retries; k++) {
      total += timeoutNanos + backoffNanos(k);
      if (total < 0) {
        return Long.MAX_VALUE;
      }
    }
    return total;
  }
}
