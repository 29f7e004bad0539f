package dev.dsim.check.linearizability;

import dev.dsim.engine.LongLongMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Linearizability of one register whose writes all write distinct values, in O(n log n): with
 * unique values every read names the write it read from, and Gibbons and Korach's zones decide
 * the history without any search (P. B. Gibbons and E. Korach, "Testing shared memories", SIAM
 * J. Computing 26(4), 1997; as stated by Golab, Li and Shah, PODC 2011).
 *
 * <p>A write and the reads of its value form a cluster. With {@code r} the earliest return and
 * {@code c} the latest call in the cluster, the cluster has a <em>forward zone</em> [r, c] when
 * r &lt; c (its write must take effect by r and its value still be there at c), and a
 * <em>backward zone</em> [c, r] otherwise. The history is linearizable exactly when every read
 * reads a write called before the read returned, no two forward zones overlap, and no backward
 * zone lies inside a forward zone. The register's initial value is a write that took effect
 * before everything.
 *
 * <p>The search ({@link Search}) decides the same histories, but a hot key of a long run under
 * faults (tens of thousands of operations, dozens in flight at once) can take it longer than any
 * budget; this answers in milliseconds, and names the two clusters that conflict.
 */
final class Zones {
  private Zones() {}

  /** What the zones say: linearizable, or the operations (indexes) of a conflict. */
  record Result(boolean linearizable, List<Integer> conflict, String why) {}

  /**
   * Whether {@code ops} qualify: reads and writes only (no compare-and-set), every written value
   * distinct and different from the initial value.
   */
  static boolean applies(List<Operation<Registers.Op, Object>> ops, long initial) {
    LongLongMap written = new LongLongMap(16);
    for (Operation<Registers.Op, Object> o : ops) {
      if (o.input() instanceof Registers.CompareAndSet) {
        return false;
      }
      if (o.input() instanceof Registers.Write w) {
        if (w.value() == initial || written.containsKey(w.value())) {
          return false;
        }
        written.put(w.value(), 1);
      }
    }
    return true;
  }

  static Result check(List<Operation<Registers.Op, Object>> ops, long initial) {
    // Cluster per written value; the initial value's cluster has a write before everything.
    LongLongMap clusterOf = new LongLongMap(16);
    List<long[]> bounds = new ArrayList<>(); // {minReturn, maxCall}
    List<List<Integer>> members = new ArrayList<>();
    clusterOf.put(initial, 0);
    bounds.add(new long[] {Long.MIN_VALUE, Long.MIN_VALUE});
    members.add(new ArrayList<>());
    for (int i = 0; i < ops.size(); i++) {
      if (ops.get(i).input() instanceof Registers.Write w) {
        clusterOf.put(w.value(), bounds.size());
        bounds.add(new long[] {ops.get(i).returnNanos(), ops.get(i).callNanos()});
        List<Integer> m = new ArrayList<>();
        m.add(i);
        members.add(m);
      }
    }
    for (int i = 0; i < ops.size(); i++) {
      Operation<Registers.Op, Object> o = ops.get(i);
      if (!(o.input() instanceof Registers.Read) || o.output() == null) {
        continue;
      }
      int c = o.output() instanceof Long v ? (int) clusterOf.get(v, -1) : -1;
      if (c < 0) {
        return new Result(false, List.of(i), "it returned a value no operation wrote");
      }
      List<Integer> m = members.get(c);
      if (c > 0 && o.returnNanos() < ops.get(m.get(0)).callNanos()) {
        return new Result(false, List.of(i, m.get(0)), "it returned the value of a write "
            + "called only after the read had returned");
      }
      long[] b = bounds.get(c);
      b[0] = Math.min(b[0], o.returnNanos());
      b[1] = Math.max(b[1], o.callNanos());
      m.add(i);
    }
    int n = bounds.size();
    List<Integer> forward = new ArrayList<>();
    List<Integer> backward = new ArrayList<>();
    for (int c = 0; c < n; c++) {
      long[] b = bounds.get(c);
      if (c == 0 && members.get(0).isEmpty()) {
        continue; // nobody read the initial value: no zone
      }
      if (b[0] < b[1]) {
        forward.add(c);
      } else {
        backward.add(c);
      }
    }
    // Forward zones sorted by start: any two overlapping are next to each other or contain one
    // another; keep the one reaching furthest.
    Integer[] f = forward.toArray(new Integer[0]);
    Arrays.sort(f, (a, b) -> {
      int s = Long.compare(bounds.get(a)[0], bounds.get(b)[0]);
      return s != 0 ? s : Integer.compare(a, b);
    });
    int reach = -1;
    for (int c : f) {
      long[] b = bounds.get(c);
      if (reach >= 0 && b[0] < bounds.get(reach)[1]) {
        return conflict(members, reach, c, "both values must be in the register over the same "
            + "stretch of time");
      }
      if (reach < 0 || b[1] > bounds.get(reach)[1]) {
        reach = c;
      }
    }
    // A backward zone inside a forward zone: the forward zones are disjoint now, so the only
    // candidate is the last one starting before the backward zone does.
    long[] starts = new long[f.length];
    for (int k = 0; k < f.length; k++) {
      starts[k] = bounds.get(f[k])[0];
    }
    for (int c : backward) {
      long[] b = bounds.get(c);
      int k = lastBelow(starts, b[1]);
      if (k >= 0 && b[0] < bounds.get(f[k])[1]) {
        return conflict(members, f[k], c, "the second value must come and go while the first "
            + "must stay");
      }
    }
    return new Result(true, List.of(), "");
  }

  /** The last index whose value is below {@code x}, or -1. */
  private static int lastBelow(long[] sorted, long x) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo - 1;
  }

  private static Result conflict(List<List<Integer>> members, int a, int b, String why) {
    List<Integer> ops = new ArrayList<>(members.get(a));
    ops.addAll(members.get(b));
    ops.sort(null);
    return new Result(false, ops, why);
  }
}
