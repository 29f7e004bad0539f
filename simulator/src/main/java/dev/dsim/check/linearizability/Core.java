package dev.dsim.check.linearizability;

import dev.dsim.engine.DeltaDebugging;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Shrinks a violating history to its core: a set of operations that is not linearizable, while
 * some sequential order (ignoring real time) explains every output, so that what it shows is an
 * order the clients saw that no single copy could give, not merely a value nothing wrote. The
 * second condition keeps the writes a read needs: without it, "read → 3" alone (its write
 * removed) would be the smallest non-linearizable set, and explain nothing.
 *
 * <p>Delta debugging (Zeller's ddmin): remove chunks of operations, halving the chunks when no
 * chunk can go, down to single operations, so the result is 1-minimal (no single operation can
 * be removed) when the budget allows. Every candidate costs two searches; the budget counts
 * their steps together.
 */
final class Core<S, I, O> {
  /** The core, as indexes into the key's history, and whether it is known to be 1-minimal. */
  record Found(List<Integer> operations, boolean minimal) {}

  /** How many states {@link #explainable} follows before giving up its quick test. */
  private static final int REACHABLE_LIMIT = 4096;

  private final Model<S, I, O> model;
  private final List<Operation<I, O>> history;
  private final long memoBudget;
  private long stepsLeft;
  private boolean exhausted;

  Core(Model<S, I, O> model, List<Operation<I, O>> history, Budget budget) {
    this.model = model;
    this.history = history;
    this.memoBudget = budget.memoPerKey();
    this.stepsLeft = budget.minimizeSteps();
  }

  /** The core of {@code start}, a violating set of operations (indexes into the history). */
  Found shrink(List<Integer> start) {
    // The empty set is never a core (isCore says so without a search), so ddmin stops at
    // one operation.
    List<Integer> current = DeltaDebugging.minimise(start, this::isCore, () -> !exhausted);
    return new Found(current, !exhausted);
  }

  /** Whether these operations are a core: not linearizable, yet explainable in some order. */
  boolean isCore(List<Integer> indexes) {
    if (indexes.isEmpty()) {
      return false;
    }
    List<Operation<I, O>> ops = subset(indexes);
    Search.Result real = search(ops, false);
    if (real.outcome() != Search.Outcome.VIOLATION) {
      return false;
    }
    return explainable(ops);
  }

  /** Whether some sequential order of {@code ops} explains every output. */
  boolean explainable(List<Operation<I, O>> ops) {
    if (!everyStepPossible(ops)) {
      return false;
    }
    return search(ops, true).outcome() == Search.Outcome.LINEARIZABLE;
  }

  private boolean everyStepPossible(List<Operation<I, O>> ops) {
    return impossibleOperation(ops) < 0;
  }

  /**
   * A quick refusal: the states reachable by any sequence of these operations (repeats
   * allowed, an over-approximation), and the first operation that can be applied in none of
   * them, or -1. No order explains such an operation: a read of a value no operation writes.
   * Gives up (-1) when the states keep growing, as a counter's would.
   */
  int impossibleOperation(List<Operation<I, O>> ops) {
    Set<S> reachable = new LinkedHashSet<>();
    List<S> frontier = new ArrayList<>();
    S start = model.initial();
    reachable.add(start);
    frontier.add(start);
    while (!frontier.isEmpty()) {
      List<S> found = new ArrayList<>();
      for (S s : frontier) {
        for (Operation<I, O> o : ops) {
          S t = model.step(s, o.input(), o.output());
          if (t != null && reachable.add(t)) {
            found.add(t);
            if (reachable.size() > REACHABLE_LIMIT) {
              return -1;
            }
          }
        }
      }
      frontier = found;
    }
    for (int i = 0; i < ops.size(); i++) {
      Operation<I, O> o = ops.get(i);
      boolean possible = false;
      for (S s : reachable) {
        if (model.step(s, o.input(), o.output()) != null) {
          possible = true;
          break;
        }
      }
      if (!possible) {
        return i;
      }
    }
    return -1;
  }

  private Search.Result search(List<Operation<I, O>> ops, boolean ignoreRealTime) {
    if (stepsLeft <= 0) {
      exhausted = true;
      return new Search.Result(Search.Outcome.UNKNOWN, 0, null, -1, null, "budget spent");
    }
    Search.Result r = new Search<>(model, ops, ignoreRealTime, stepsLeft, memoBudget).run();
    stepsLeft -= r.steps();
    if (r.outcome() == Search.Outcome.UNKNOWN) {
      exhausted = true;
    }
    return r;
  }

  private List<Operation<I, O>> subset(List<Integer> indexes) {
    List<Operation<I, O>> ops = new ArrayList<>(indexes.size());
    for (int i : indexes) {
      ops.add(history.get(i));
    }
    return ops;
  }
}
