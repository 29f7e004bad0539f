package dev.dsim.check.linearizability;

import java.util.List;

/**
 * What a linearizability check concluded: linearizable, a violation (explained), or unknown
 * (the search ran out of its {@link Budget} before it could tell).
 */
public sealed interface Verdict {
  /** As {@code results.json} writes it: "true", "false" or "unknown". */
  String word();

  /** Every key's history is linearizable. */
  record Linearizable(int keys, int operations, long steps) implements Verdict {
    @Override
    public String word() {
      return "true";
    }
  }

  /**
   * A key's history is not linearizable. {@code core} is the smallest set of its operations
   * found that is already not linearizable while some sequential order explains their outputs
   * (so it is real time they violate, not the values alone); {@code coreMinimal} says whether
   * removing any one of them was tried and made them linearizable (false when the minimisation
   * budget ran out first). {@code longest} is the longest linearizable prefix the search found,
   * in order, and {@code blocked} the operation that could not take effect after it before its
   * return, in {@code stateThen}.
   *
   * @param violatingKeys how many keys are not linearizable (only the first is explained)
   * @param keyOperations how many operations the violating key has
   * @param fromNanos when the core's first operation was called
   * @param toNanos when its last one returned (or was called, if it never returned): the
   *     window a trace or a space-time diagram of the violation should show
   * @param coreIds the core's operations by {@link Operation#id}, in call order
   */
  record Violation(String key, List<String> core, boolean coreMinimal, List<String> longest,
      String blocked, String stateThen, String explanation, int violatingKeys,
      int keyOperations, long fromNanos, long toNanos, List<Integer> coreIds)
      implements Verdict {
    public Violation {
      core = List.copyOf(core);
      coreIds = List.copyOf(coreIds);
      longest = List.copyOf(longest);
    }

    @Override
    public String word() {
      return "false";
    }
  }

  /**
   * No key is known to violate linearizability, but some key's search ran out of budget.
   *
   * @param key the first such key
   * @param reason which budget ran out
   * @param unknownKeys how many keys are undecided
   */
  record Unknown(String key, String reason, int unknownKeys, int keys) implements Verdict {
    @Override
    public String word() {
      return "unknown";
    }
  }
}
