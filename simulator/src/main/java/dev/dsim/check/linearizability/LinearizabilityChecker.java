package dev.dsim.check.linearizability;

import dev.dsim.engine.Durations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Checks a history of operations for linearizability against a {@link Model}: one key at a
 * time, each by a budgeted Wing-Gong-Lowe search ({@link Search}); a violation is shrunk to its
 * core ({@link Core}) and explained in words.
 *
 * <pre>{@code
 * Verdict v = LinearizabilityChecker.check(Registers.startingAt(0), history, Registers::key,
 *     Budget.DEFAULT);
 * if (v instanceof Verdict.Violation bad) {
 *   System.out.println(bad.explanation());
 * }
 * }</pre>
 *
 * <p>Deterministic: keys are checked in the order they first appear in the history, every
 * search is ordered by time and then by position in the history, and budgets count steps.
 */
public final class LinearizabilityChecker {
  private LinearizabilityChecker() {}

  /** Checks {@code history} as one object (no partitioning). */
  public static <S, I, O> Verdict check(Model<S, I, O> model, List<Operation<I, O>> history,
      Budget budget) {
    return check(model, history, op -> "", budget);
  }

  /**
   * Checks {@code history} key by key: {@code keyOf} names the independent object each input
   * acts on (a register's key); the history is linearizable when every key's is.
   */
  public static <S, I, O> Verdict check(Model<S, I, O> model, List<Operation<I, O>> history,
      Function<? super I, ?> keyOf, Budget budget) {
    return check(model, history, keyOf, budget, ops -> null);
  }

  /**
   * Checks a history of registers that all start at {@code initial}, key by key. A key whose
   * writes all wrote distinct values (as a dsim kv workload's do) and that has no
   * compare-and-set is decided by Gibbons and Korach's zones ({@link Zones}) in O(n log n),
   * however long and concurrent its history; any other key by the search, as {@link #check}.
   */
  public static Verdict checkRegisters(List<Operation<Registers.Op, Object>> history,
      long initial, Budget budget) {
    return checkRegisters(Registers.startingAt(initial), history, initial, budget);
  }

  /** As {@link #checkRegisters(List, long, Budget)}, with the registers' model for reports. */
  public static Verdict checkRegisters(Model<Long, Registers.Op, Object> registers,
      List<Operation<Registers.Op, Object>> history, long initial, Budget budget) {
    return check(registers, history, Registers::key, budget,
        ops -> Zones.applies(ops, initial) ? Zones.check(ops, initial) : null);
  }

  /**
   * The check, with {@code decide} answering a key at once when it can (null: search).
   */
  private static <S, I, O> Verdict check(Model<S, I, O> model, List<Operation<I, O>> history,
      Function<? super I, ?> keyOf, Budget budget,
      Function<List<Operation<I, O>>, Zones.Result> decide) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(budget, "budget");
    Map<Object, List<Operation<I, O>>> byKey = new LinkedHashMap<>();
    for (Operation<I, O> op : history) {
      byKey.computeIfAbsent(keyOf.apply(op.input()), k -> new ArrayList<>()).add(op);
    }
    Verdict.Violation first = null;
    int violating = 0;
    String unknownKey = null;
    String unknownReason = null;
    int unknown = 0;
    long steps = 0;
    for (Map.Entry<Object, List<Operation<I, O>>> e : byKey.entrySet()) {
      List<Operation<I, O>> ops = e.getValue();
      Zones.Result z = decide.apply(ops);
      if (z != null) {
        if (!z.linearizable()) {
          violating++;
          if (first == null) {
            first = explainConflict(model, String.valueOf(e.getKey()), ops, z, budget);
          }
        }
        continue;
      }
      Search.Result r = new Search<>(model, ops, false, budget.stepsPerKey(),
          budget.memoPerKey()).run();
      steps += r.steps();
      if (r.outcome() == Search.Outcome.VIOLATION) {
        violating++;
        if (first == null) {
          first = explain(model, String.valueOf(e.getKey()), ops, r, budget);
        }
      } else if (r.outcome() == Search.Outcome.UNKNOWN) {
        unknown++;
        if (unknownKey == null) {
          unknownKey = String.valueOf(e.getKey());
          unknownReason = r.unknownReason();
        }
      }
    }
    if (first != null) {
      return new Verdict.Violation(first.key(), first.core(), first.coreMinimal(),
          first.longest(), first.blocked(), first.stateThen(), first.explanation(), violating,
          first.keyOperations(), first.fromNanos(), first.toNanos(), first.coreIds());
    }
    if (unknownKey != null) {
      return new Verdict.Unknown(unknownKey, unknownReason, unknown, byKey.size());
    }
    return new Verdict.Linearizable(byKey.size(), history.size(), steps);
  }

  /** Steps the search may spend finding the longest prefix of a key the zones decided. */
  private static final long PREFIX_STEPS = 2_000_000;

  /**
   * A violation the zones found: the conflicting clusters are the start of the core (shrunk
   * further as the search's would be); the search, on the operations called by the end of the
   * conflict and with a small budget, finds the longest linearizable prefix when it can.
   */
  private static <S, I, O> Verdict.Violation explainConflict(Model<S, I, O> model, String key,
      List<Operation<I, O>> ops, Zones.Result z, Budget budget) {
    long until = Long.MIN_VALUE;
    for (int i : z.conflict()) {
      until = Math.max(until, ops.get(i).isPending() ? ops.get(i).callNanos()
          : ops.get(i).returnNanos());
    }
    List<Operation<I, O>> prefix = new ArrayList<>();
    for (Operation<I, O> o : ops) {
      if (o.callNanos() <= until) {
        prefix.add(o);
      }
    }
    Search.Result r = new Search<>(model, prefix, false, Math.min(PREFIX_STEPS,
        budget.stepsPerKey()), budget.memoPerKey()).run();
    if (r.outcome() != Search.Outcome.VIOLATION) {
      r = new Search.Result(Search.Outcome.VIOLATION, r.steps(), new int[0], -1, null, null);
    }
    // Indexes into prefix: the conflict's operations are all in it (called by `until`).
    List<Integer> start = new ArrayList<>();
    java.util.IdentityHashMap<Operation<I, O>, Integer> position =
        new java.util.IdentityHashMap<>();
    for (int i = 0; i < prefix.size(); i++) {
      position.put(prefix.get(i), i);
    }
    for (int i : z.conflict()) {
      start.add(position.get(ops.get(i)));
    }
    return explain(model, key, prefix, r, budget, start, z.why(), ops.size());
  }

  private static <S, I, O> Verdict.Violation explain(Model<S, I, O> model, String key,
      List<Operation<I, O>> ops, Search.Result r, Budget budget) {
    return explain(model, key, ops, r, budget, null, null, ops.size());
  }

  /**
   * Explains a violation of {@code ops}; {@code start}, when given, is a violating set to shrink
   * from (else the search's prefix), with the zones' reason.
   */
  private static <S, I, O> Verdict.Violation explain(Model<S, I, O> model, String key,
      List<Operation<I, O>> ops, Search.Result r, Budget budget, List<Integer> start,
      String zoneWhy, int keyOperations) {
    Core<S, I, O> core = new Core<>(model, ops, budget);
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < ops.size(); i++) {
      all.add(i);
    }
    Core.Found found;
    String why;
    int impossible = core.impossibleOperation(ops);
    List<Integer> prefix = start != null ? start : prefixUpTo(ops, all, r.blocked());
    if (impossible < 0 && prefix.size() < all.size() && !core.isCore(prefix)) {
      prefix = all; // the later calls are needed after all
    }
    if (start != null && impossible >= 0 && !start.contains(impossible)) {
      impossible = -1; // the zones' conflict is the one to explain
    }
    if (impossible >= 0) {
      // No order at all gives this answer (a value nothing wrote): that alone is the core.
      found = new Core.Found(List.of(impossible), true);
      why = "no order of the key's operations produces this answer (a value no operation "
          + "wrote, or one only a state that never held could give)";
    } else if (core.isCore(prefix)) {
      found = core.shrink(prefix);
      why = "some order of them explains every answer, but none in which each takes effect "
          + "between its call and its return" + (zoneWhy == null ? "" : " (" + zoneWhy + ")");
    } else {
      found = new Core.Found(all, false);
      why = "no order of them explains all of their answers";
    }
    List<String> coreWords = new ArrayList<>();
    List<Integer> coreIds = new ArrayList<>();
    long from = Long.MAX_VALUE;
    long to = Long.MIN_VALUE;
    for (int i : sortedByCall(ops, found.operations())) {
      Operation<I, O> o = ops.get(i);
      coreWords.add(line(model, o));
      coreIds.add(o.id());
      from = Math.min(from, o.callNanos());
      to = Math.max(to, o.isPending() ? o.callNanos() : o.returnNanos());
    }
    List<String> longestWords = new ArrayList<>();
    for (int i : r.longest()) {
      longestWords.add(line(model, ops.get(i)));
    }
    String blocked = r.blocked() >= 0 ? line(model, ops.get(r.blocked())) : "";
    @SuppressWarnings("unchecked")
    String stateThen = r.stateAtLongest() == null ? ""
        : model.describeState((S) r.stateAtLongest());
    StringBuilder text = new StringBuilder();
    text.append("key ").append(key).append(" is not linearizable. ")
        .append(found.operations().size() == 1 ? "This operation" : "These "
            + found.operations().size() + " operations")
        .append(" of its ").append(keyOperations).append(" cannot be linearized: ").append(why)
        .append(found.minimal() ? "" : " (not known to be the smallest such set: the "
            + "minimisation budget ran out)").append(":\n");
    coreWords.forEach(w -> text.append("  ").append(w).append('\n'));
    if (r.blocked() < 0 && r.longest().length == 0) {
      text.append("The key's history is too long and concurrent for the search to find its "
          + "longest linearizable prefix within budget; the zones decided it.");
      return new Verdict.Violation(key, coreWords, found.minimal(), longestWords, "", "",
          text.toString(), 1, keyOperations, from, to, coreIds);
    }
    text.append("The longest linearizable prefix found orders ").append(r.longest().length)
        .append(" of the ").append(ops.size()).append(" operations called by then");
    if (r.longest().length > 0) {
      text.append(", ending with ").append(longestWords.get(longestWords.size() - 1));
    }
    if (!blocked.isEmpty()) {
      text.append("; after it, ").append(blocked).append(" cannot take effect before it "
          + "returns (the state then: ").append(stateThen).append("), and no other order of "
          + "the operations called by then gets further.");
    } else {
      text.append('.');
    }
    return new Verdict.Violation(key, coreWords, found.minimal(), longestWords, blocked,
        stateThen, text.toString(), 1, keyOperations, from, to, coreIds);
  }

  /**
   * The operations called no later than the blocked operation returned: the search never got
   * past that return, so later calls cannot be needed for the violation (when they are, the
   * full history is kept).
   */
  private static <I, O> List<Integer> prefixUpTo(List<Operation<I, O>> ops, List<Integer> all,
      int blocked) {
    if (blocked < 0 || ops.get(blocked).isPending()) {
      return all;
    }
    long until = ops.get(blocked).returnNanos();
    List<Integer> prefix = new ArrayList<>();
    for (int i : all) {
      if (ops.get(i).callNanos() <= until) {
        prefix.add(i);
      }
    }
    return prefix;
  }

  private static <I, O> List<Integer> sortedByCall(List<Operation<I, O>> ops,
      List<Integer> indexes) {
    List<Integer> sorted = new ArrayList<>(indexes);
    sorted.sort((a, b) -> {
      int c = Long.compare(ops.get(a).callNanos(), ops.get(b).callNanos());
      return c != 0 ? c : Integer.compare(a, b);
    });
    return sorted;
  }

  /** "#3 write 2, called at 1.2s, returned at 1.25s". */
  static <S, I, O> String line(Model<S, I, O> model, Operation<I, O> op) {
    return "#" + op.id() + " " + model.describe(op.input(), op.output())
        + ", called at " + Durations.format(op.callNanos())
        + (op.isPending() ? ", never returned" : ", returned at "
            + Durations.format(op.returnNanos()));
  }
}
