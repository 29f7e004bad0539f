package dev.dsim.check.linearizability;

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
 *       coordinator that gave up may have reached some replicas): it is pending.
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
    List<Operation<Registers.Op, Object>> ops = new ArrayList<>();
    for (int i = 0; i < h.size(); i++) {
      if (h.phase(i) != History.Phase.WORKLOAD) {
        continue;
      }
      Integer key = h.key(i);
      boolean ok = h.outcome(i) == Outcome.OK;
      if (h.kind(i) == History.Kind.WRITE) {
        Registers.Op write = new Registers.Write(key, h.value(i));
        ops.add(ok ? new Operation<>(i, write, "ok", h.invokedAtNanos(i), h.completedAtNanos(i))
            : Operation.pending(i, write, h.invokedAtNanos(i)));
      } else if (ok) {
        ops.add(new Operation<>(i, new Registers.Read(key), h.value(i), h.invokedAtNanos(i),
            h.completedAtNanos(i)));
      }
    }
    return ops;
  }

  /** Checks a kv history: every key a register that starts holding nothing. */
  public static Verdict check(History h, Budget budget) {
    return LinearizabilityChecker.check(Registers.startingAt(History.NONE), operations(h),
        Registers::key, budget);
  }
}
