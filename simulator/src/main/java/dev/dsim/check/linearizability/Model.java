package dev.dsim.check.linearizability;

/**
 * The sequential specification of an object: what a single copy of it, applying one operation
 * at a time, answers. A history is linearizable with respect to a model when some order of its
 * operations, consistent with real time, is a run of the model producing every output the
 * clients saw.
 *
 * <p>States are values: two states that are {@code equals} (with equal {@code hashCode}s) must
 * behave alike, because the checker remembers which (operations done, state) pairs it has
 * explored and never explores one twice. Records and boxed numbers are ideal; never a mutable
 * object changed in place ({@link #step} returns a new state).
 *
 * @param <S> the state
 * @param <I> an operation's input (what the client asked)
 * @param <O> an operation's output (what it was answered; null for an operation whose answer
 *     never came, which the model must accept wherever the operation can take effect)
 */
public interface Model<S, I, O> {
  /** The state before any operation. */
  S initial();

  /**
   * The state after the operation {@code input} answered {@code output}, applied to
   * {@code state}; or null when a single copy in {@code state} could not have answered
   * {@code output}.
   */
  S step(S state, I input, O output);

  /** The operation in words, for reports ("write 3", "read → 2"). */
  default String describe(I input, O output) {
    return input + " → " + output;
  }

  /** A state in words, for reports. */
  default String describeState(S state) {
    return String.valueOf(state);
  }
}
