package dev.dsim.check.linearizability;

import dev.dsim.engine.LongLongMap;
import dev.dsim.metrics.History;
import dev.dsim.metrics.Outcome;
import java.util.ArrayList;
import java.util.List;

/**
 * A key-value run's client history ({@link History}) as register operations, for
 * {@link LinearizabilityChecker} with {@link Registers}: each key a register starting at
 * {@link History#NONE}.
 *
 * <ul>
 *   <li>A write that succeeded took effect between its call and its reply.
 *   <li>A write that failed, timed out or never finished may or may not have taken effect (a
 *       coordinator that gave up may have reached some replicas): it is pending. When no read
 *       returned its value (values are unique per write), it is left out: it can take effect
 *       last, after everything, where it changes no answer, so the history is linearizable with
 *       it exactly when it is without it; and a pending write is the search's most expensive
 *       operation, free to go anywhere after its call. When a read did return its value, it
 *       took effect before the first such read returned, which bounds it like a return would;
 *       the history is linearizable with that bound exactly when it is without it.
 *   <li>A read that succeeded returned its value; any other read told the client nothing, and is
 *       left out.
 *   <li>The final read-back ({@link History.Phase#FINAL}) is left out: it asks every replica
 *       directly after the run, which is not an operation of the store's clients.
 * </ul>
 *
 * Operation ids are positions in the history, so a report's "#17" is {@code history.get(17)}.
 */
public final class KvHistory {
  private KvHistory() {}

  /** The workload's operations of {@code h}, in history order. */
  public static List<Operation<Registers.Op, Object>> operations(History h) {
    // The earliest return of a workload read of each value: a write must take effect before it.
    LongLongMap firstReadReturn = new LongLongMap(16);
    for (int i = 0; i < h.size(); i++) {
      if (h.kind(i) == History.Kind.READ && h.outcome(i) == Outcome.OK
          && h.phase(i) == History.Phase.WORKLOAD) {
        firstReadReturn.putMin(h.value(i), h.completedAtNanos(i));
      }
    }
    List<Operation<Registers.Op, Object>> ops = new ArrayList<>();
    for (int i = 0; i < h.size(); i++) {
      if (h.phase(i) != History.Phase.WORKLOAD) {
        continue;
      }
      Integer key = h.key(i);
      boolean ok = h.outcome(i) == Outcome.OK;
      if (h.kind(i) == History.Kind.WRITE) {
        boolean seen = firstReadReturn.containsKey(h.value(i));
        if (!ok && !seen) {
          continue; // pending and never seen: takes effect last, or never (see above)
        }
        Registers.Op write = new Registers.Write(key, h.value(i));
        // A pending write that was read took effect before that read returned.
        long returned = ok ? h.completedAtNanos(i) : Math.max(h.invokedAtNanos(i),
            firstReadReturn.get(h.value(i), Long.MIN_VALUE));
        ops.add(new Operation<>(i, write, ok ? "ok" : null, h.invokedAtNanos(i), returned));
      } else if (ok) {
        ops.add(new Operation<>(i, new Registers.Read(key), h.value(i), h.invokedAtNanos(i),
            h.completedAtNanos(i)));
      }
    }
    return ops;
  }

  /** Checks a kv history: every key a register that starts holding nothing. */
  public static Verdict check(History h, Budget budget) {
    // Values in hex, as results.json's examples show them.
    return LinearizabilityChecker.checkRegisters(Registers.startingAt(History.NONE,
        Long::toHexString), operations(h), History.NONE, budget);
  }
}
