package dev.dsim.check.linearizability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One Wing-Gong-Lowe search over one sub-history. The history is a list of call and return
 * entries in time order (a call before a return at the same instant: operations that touch are
 * concurrent, which never wrongly reports a violation), kept in a doubly linked list from which a
 * linearized operation's two entries are lifted out and put back on backtracking, as in
 * Lowe's and Porcupine's implementations.
 *
 * <p>The memo key is the set of linearized operations and the state. Operations are numbered in
 * call order, so the set is nearly a prefix (every operation called long ago is done): it is kept
 * as the length of that prefix plus the few done operations beyond it, which keeps memory per
 * memo entry small however long the history.
 */
final class Search<S, I, O> {
  /** How a search ended. */
  enum Outcome {
    LINEARIZABLE,
    VIOLATION,
    UNKNOWN
  }

  /**
   * What a search found: the outcome, its steps, and for a violation the longest linearization
   * it reached (indexes into the history, in linearization order) and the operation whose return
   * it could not get past ({@code blocked}), or -1.
   */
  record Result(Outcome outcome, long steps, int[] longest, int blocked, Object stateAtLongest,
      String unknownReason) {}

  private final Model<S, I, O> model;
  private final List<Operation<I, O>> ops;
  private final long stepBudget;
  private final long memoBudget;
  /** Operation index of each entry (1..2n); entry 0 is the head, 2n + 1 the tail. */
  private final int[] opOf;
  private final boolean[] isCall;
  /** The return entry of each call entry. */
  private final int[] returnOf;
  private final int[] next;
  private final int[] prev;
  /** Each operation's position in call order. */
  private final int[] rank;

  /**
   * A search of {@code ops}; with {@code ignoreRealTime} every operation is taken as concurrent
   * with every other, which asks only "does some sequential order explain these outputs?".
   */
  Search(Model<S, I, O> model, List<Operation<I, O>> ops, boolean ignoreRealTime,
      long stepBudget, long memoBudget) {
    this.model = model;
    this.ops = ops;
    this.stepBudget = stepBudget;
    this.memoBudget = memoBudget;
    int n = ops.size();
    long[] calls = new long[n];
    long[] returns = new long[n];
    for (int i = 0; i < n; i++) {
      calls[i] = ignoreRealTime ? 0 : ops.get(i).callNanos();
      returns[i] = ignoreRealTime ? Operation.PENDING : ops.get(i).returnNanos();
    }
    // Entries sorted by (time, call before return, operation): a total order, so the search is
    // the same whatever order the history came in.
    Integer[] order = new Integer[2 * n];
    for (int i = 0; i < 2 * n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> {
      long ta = (a & 1) == 0 ? calls[a >> 1] : returns[a >> 1];
      long tb = (b & 1) == 0 ? calls[b >> 1] : returns[b >> 1];
      if (ta != tb) {
        return Long.compare(ta, tb);
      }
      if ((a & 1) != (b & 1)) {
        return (a & 1) - (b & 1);
      }
      return Integer.compare(a >> 1, b >> 1);
    });
    opOf = new int[2 * n + 2];
    isCall = new boolean[2 * n + 2];
    returnOf = new int[2 * n + 2];
    next = new int[2 * n + 2];
    prev = new int[2 * n + 2];
    rank = new int[n];
    int[] entryOfCall = new int[n];
    int calledSoFar = 0;
    for (int k = 0; k < 2 * n; k++) {
      int e = k + 1;
      int op = order[k] >> 1;
      opOf[e] = op;
      isCall[e] = (order[k] & 1) == 0;
      if (isCall[e]) {
        entryOfCall[op] = e;
        rank[op] = calledSoFar++;
      } else {
        returnOf[entryOfCall[op]] = e;
      }
    }
    for (int e = 0; e <= 2 * n + 1; e++) {
      next[e] = e + 1 <= 2 * n + 1 ? e + 1 : -1;
      prev[e] = e - 1;
    }
  }

  Result run() {
    int n = ops.size();
    int tail = 2 * n + 1;
    BitSet done = new BitSet(n); // by call rank
    Set<Memo> memo = new HashSet<>();
    int[] stackEntry = new int[n];
    List<S> stackState = new ArrayList<>(n);
    int depth = 0;
    S state = model.initial();
    int[] longest = new int[0];
    int blocked = -1;
    S atLongest = state;
    long steps = 0;
    int e = next[0];
    while (next[0] != tail) {
      if (++steps > stepBudget) {
        return new Result(Outcome.UNKNOWN, steps, longest, blocked, atLongest,
            "the search took more than "
            + stepBudget + " steps");
      }
      if (isCall[e]) {
        int op = opOf[e];
        Operation<I, O> o = ops.get(op);
        S after = model.step(state, o.input(), o.output());
        if (after != null) {
          done.set(rank[op]);
          if (memo.add(Memo.of(done, after))) {
            if (memo.size() > memoBudget) {
              return new Result(Outcome.UNKNOWN, steps, longest, blocked, atLongest, "the search "
                  + "remembered more than " + memoBudget + " states");
            }
            stackEntry[depth++] = e;
            stackState.add(state);
            state = after;
            lift(e);
            e = next[0];
            continue;
          }
          done.clear(rank[op]);
        }
        e = next[e];
      } else {
        // The return of an operation not yet linearized: this branch cannot be completed.
        if (depth >= longest.length && (depth > longest.length || blocked < 0)) {
          longest = new int[depth];
          for (int i = 0; i < depth; i++) {
            longest[i] = opOf[stackEntry[i]];
          }
          blocked = opOf[e];
          atLongest = state;
        }
        if (depth == 0) {
          return new Result(Outcome.VIOLATION, steps, longest, blocked, atLongest, null);
        }
        depth--;
        e = stackEntry[depth];
        state = stackState.remove(depth);
        done.clear(rank[opOf[e]]);
        unlift(e);
        e = next[e];
      }
    }
    return new Result(Outcome.LINEARIZABLE, steps, null, -1, null, null);
  }

  private void lift(int call) {
    int ret = returnOf[call];
    next[prev[call]] = next[call];
    prev[next[call]] = prev[call];
    next[prev[ret]] = next[ret];
    prev[next[ret]] = prev[ret];
  }

  private void unlift(int call) {
    int ret = returnOf[call];
    prev[next[ret]] = ret;
    next[prev[ret]] = ret;
    prev[next[call]] = call;
    next[prev[call]] = call;
  }

  /**
   * A memo key: the operations done (as the length of the prefix of calls all done, and the
   * ranks done beyond it) and the state.
   */
  private static final class Memo {
    private final int prefix;
    private final int[] beyond;
    private final Object state;
    private final int hash;

    private Memo(int prefix, int[] beyond, Object state) {
      this.prefix = prefix;
      this.beyond = beyond;
      this.state = state;
      this.hash = (31 * prefix + Arrays.hashCode(beyond)) * 31 + state.hashCode();
    }

    static Memo of(BitSet done, Object state) {
      int prefix = done.nextClearBit(0);
      int count = 0;
      for (int i = done.nextSetBit(prefix); i >= 0; i = done.nextSetBit(i + 1)) {
        count++;
      }
      int[] beyond = new int[count];
      int k = 0;
      for (int i = done.nextSetBit(prefix); i >= 0; i = done.nextSetBit(i + 1)) {
        beyond[k++] = i;
      }
      return new Memo(prefix, beyond, state);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Memo m && m.hash == hash && m.prefix == prefix
          && Arrays.equals(m.beyond, beyond) && m.state.equals(state);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
