package dev.dsim.check.linearizability;

/**
 * How much work a check may do before it answers {@link Verdict.Unknown}: linearizability is
 * NP-complete, and one adversarial key must not hang a run or exhaust the heap. Steps, not
 * seconds, so that the verdict of a history is the same on every machine and every run.
 *
 * @param stepsPerKey search steps for one key's history (each linearizes or undoes one
 *     operation, or moves past one)
 * @param memoPerKey (operations done, state) pairs remembered for one key: the search's memory
 * @param minimizeSteps search steps, over all candidate subsets, spent shrinking a violation to
 *     its core; when spent, the smallest violating set found so far is reported, marked as not
 *     known to be minimal
 */
public record Budget(long stepsPerKey, long memoPerKey, long minimizeSteps) {
  /**
   * Enough for every history a dsim run produces (about a second of search per hard key), and
   * bounded in memory: a million remembered pairs of small states are a few hundred MB at most.
   */
  public static final Budget DEFAULT = new Budget(20_000_000L, 1_000_000L, 20_000_000L);

  public Budget {
    if (stepsPerKey < 1 || memoPerKey < 1 || minimizeSteps < 0) {
      throw new IllegalArgumentException("a budget needs steps >= 1 and memo >= 1, got "
          + stepsPerKey + ", " + memoPerKey + ", " + minimizeSteps);
    }
  }
}
