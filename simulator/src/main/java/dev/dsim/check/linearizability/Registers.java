package dev.dsim.check.linearizability;

import java.util.Objects;

/**
 * Registers, the objects a key-value store's keys are: each key holds one value; a read returns
 * it, a write replaces it, a compare-and-set replaces it only if it holds the expected value.
 * The model is partitioned by key ({@link #key}): keys are independent registers, so a history
 * is linearizable exactly when each key's is.
 *
 * <p>Outputs: a read answers its value ({@code Long}), a compare-and-set whether it swapped
 * ({@code Boolean}), a write anything (its acknowledgement carries nothing). A null output is an
 * answer that never came: a pending read has no effect (leave it out, or keep it: it matches any
 * state), a pending write or compare-and-set may take effect.
 */
public final class Registers {
  private Registers() {}

  /** An operation on the register of {@code key}. */
  public sealed interface Op {
    Object key();
  }

  /** Reads the value. */
  public record Read(Object key) implements Op {
    public Read {
      Objects.requireNonNull(key, "key");
    }
  }

  /** Writes {@code value}. */
  public record Write(Object key, long value) implements Op {
    public Write {
      Objects.requireNonNull(key, "key");
    }
  }

  /** Writes {@code value} if the register holds {@code expected}. */
  public record CompareAndSet(Object key, long expected, long value) implements Op {
    public CompareAndSet {
      Objects.requireNonNull(key, "key");
    }
  }

  /** The key of an operation: the checker's partition. */
  public static Object key(Op op) {
    return op.key();
  }

  /** Registers that all start holding {@code initial} (0, say, for "nothing written yet"). */
  public static Model<Long, Op, Object> startingAt(long initial) {
    return startingAt(initial, Long::toString);
  }

  /**
   * Registers that start holding {@code initial}, whose values reports spell with
   * {@code valueName} (a kv run's values are opaque 64-bit numbers, shown in hex).
   */
  public static Model<Long, Op, Object> startingAt(long initial,
      java.util.function.LongFunction<String> valueName) {
    return new Model<>() {
      @Override
      public Long initial() {
        return initial;
      }

      @Override
      public Long step(Long state, Op op, Object output) {
        if (op instanceof Write w) {
          return w.value();
        }
        if (op instanceof Read) {
          return output == null || (output instanceof Long v && v.longValue() == state)
              ? state : null;
        }
        CompareAndSet cas = (CompareAndSet) op;
        boolean holds = state == cas.expected();
        if (output == null) {
          return holds ? cas.value() : state;
        }
        if (!(output instanceof Boolean swapped)) {
          return null;
        }
        if (swapped) {
          return holds ? cas.value() : null;
        }
        return holds ? null : state;
      }

      @Override
      public String describe(Op op, Object output) {
        String answer = output == null ? "no answer" : output instanceof Long v
            ? valueName.apply(v) : String.valueOf(output);
        if (op instanceof Write w) {
          return "write " + valueName.apply(w.value());
        }
        if (op instanceof Read) {
          return "read → " + answer;
        }
        CompareAndSet cas = (CompareAndSet) op;
        String result = output == null ? "no answer"
            : Boolean.TRUE.equals(output) ? "swapped" : "not swapped";
        return "compare-and-set " + valueName.apply(cas.expected()) + " → "
            + valueName.apply(cas.value()) + ": " + result;
      }

      @Override
      public String describeState(Long state) {
        return "holding " + valueName.apply(state);
      }
    };
  }
}
