package dev.dsim.check.linearizability;

import java.util.Objects;

/**
 * One client operation of a history: which one it is, what was asked, what came back, and when
 * it was called and returned (nanoseconds of any one clock: the simulation's, in dsim).
 *
 * <p>An operation whose reply never came (it timed out, or its client crashed) may or may not
 * have taken effect: give it {@link #PENDING} as its return time (and a null output), so it may
 * take effect at any time after its call, or, by taking effect after everything else, not at
 * all. A read whose reply never came has no effect and can simply be left out.
 *
 * @param id names the operation in reports ("#17"): its position in the recorded history, say
 * @param input what was asked
 * @param output what was answered (null: no answer)
 * @param callNanos when it was called
 * @param returnNanos when it returned, or {@link #PENDING}
 */
public record Operation<I, O>(int id, I input, O output, long callNanos, long returnNanos) {
  /** The return time of an operation whose reply never came. */
  public static final long PENDING = Long.MAX_VALUE;

  public Operation {
    Objects.requireNonNull(input, "input");
    if (returnNanos < callNanos) {
      throw new IllegalArgumentException("an operation returns after its call: called at "
          + callNanos + ", returned at " + returnNanos);
    }
  }

  /** An operation whose reply never came. */
  public static <I, O> Operation<I, O> pending(int id, I input, long callNanos) {
    return new Operation<>(id, input, null, callNanos, PENDING);
  }

  /** Whether its reply never came. */
  public boolean isPending() {
    return returnNanos == PENDING;
  }

  /** Whether this one returned before {@code other} was called (real-time order). */
  public boolean precedes(Operation<?, ?> other) {
    return returnNanos < other.callNanos;
  }
}
