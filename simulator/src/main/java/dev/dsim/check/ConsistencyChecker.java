package dev.dsim.check;

import dev.dsim.engine.LongLongMap;
import dev.dsim.metrics.History;
import dev.dsim.metrics.Outcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Judges a key-value history (Jepsen-style, from the clients' view only) for the three
 * violations the building blocks exist to prevent.
 *
 * <p>Definitions. Operation A <em>precedes</em> B when A completed ok before B was invoked
 * (real-time order); operations that overlap are concurrent, and a concurrent pair is never a
 * violation: a store may order them either way. A write that failed, timed out or never
 * completed may or may not have taken effect, so it precedes nothing.
 *
 * <ul>
 *   <li><b>corruptReads</b>: ok reads that returned a value no write in the history ever wrote.
 *   <li><b>staleReads</b>: ok workload reads R of key k such that an ok write W' of k precedes
 *       R, yet R returned either nothing or the value of a write that precedes W': a value
 *       already overwritten before the read began. (A corrupt value counts as corrupt, not
 *       stale.)
 *   <li><b>lostWrites</b>: judged per key by its final read-back (after the run, faults healed,
 *       all replicas asked). The <em>maximal</em> ok writes of a key are those no other ok write
 *       of the key succeeds: usually only the newest, several when the last writes overlapped.
 *       A maximal write W is lost when the final read returned something else and that
 *       something cannot have replaced W: nothing, a corrupt value, or the value of a write that
 *       precedes W. So a key counts at most as many lost writes as it has maximal writes, however
 *       many acknowledged writes it had. Keys with ok writes whose read-back failed are counted
 *       as {@code unverifiedKeys} and not judged.
 *   <li><b>vanishedWrites</b>: every ok write W, maximal or not, whose effect is gone by the same
 *       rule (the final read returned nothing, a corrupt value, or the value of a write that
 *       precedes W): its value is gone and no write that could have replaced it survived. A key
 *       whose writes W1 then W2 both vanish counts one lost write (W2) and two vanished ones.
 *   <li><b>lostWritesCorrupt</b>: of the lost writes, those whose key read back a corrupt value.
 *       That final read is also one of the {@code corruptReads}: the same read-back is counted in
 *       both, and this says how often.
 * </ul>
 *
 * <p>Cost: O(n log n) in the history's length, with primitive arrays per key.
 */
public final class ConsistencyChecker {
  private ConsistencyChecker() {}

  /** Judges {@code h}, keeping up to {@code maxExamples} examples of each violation. */
  public static ConsistencyReport check(History h, int maxExamples) {
    int n = h.size();
    // The write of each value: values are unique per write.
    LongLongMap writeOf = new LongLongMap(16);
    for (int i = 0; i < n; i++) {
      if (h.kind(i) == History.Kind.WRITE) {
        writeOf.put(h.value(i), i);
      }
    }
    // Operations grouped by key, in history (invocation) order: sort indexes by key, stably.
    int[] byKey = sortedByKey(h);
    Counts counts = new Counts(maxExamples);
    int start = 0;
    while (start < n) {
      int end = start;
      int key = h.key(byKey[start]);
      while (end < n && h.key(byKey[end]) == key) {
        end++;
      }
      checkKey(h, byKey, start, end, writeOf, counts);
      start = end;
    }
    counts.corruptExamples.sort(null);
    counts.staleExamples.sort(null);
    counts.lostExamples.sort(null);
    return new ConsistencyReport(counts.lost, counts.vanished, counts.lostCorrupt, counts.stale,
        counts.corrupt, counts.unverified,
        counts.readsChecked, counts.writesAcknowledged, counts.keysVerified,
        examples(counts.lostExamples, maxExamples), examples(counts.staleExamples, maxExamples),
        examples(counts.corruptExamples, maxExamples));
  }

  private static List<Violation> examples(List<Ranked> ranked, int max) {
    List<Violation> out = new ArrayList<>();
    for (int i = 0; i < ranked.size() && i < max; i++) {
      out.add(ranked.get(i).violation);
    }
    return out;
  }

  private static int[] sortedByKey(History h) {
    int n = h.size();
    long[] packed = new long[n];
    for (int i = 0; i < n; i++) {
      // Key in the high half (offset to keep the order of negative keys), index in the low.
      packed[i] = ((long) h.key(i) + Integer.MIN_VALUE * -1L) << 32 | i;
    }
    Arrays.sort(packed);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = (int) packed[i];
    }
    return order;
  }

  private static boolean ok(History h, int i) {
    return h.outcome(i) == Outcome.OK;
  }

  /** A precedes B: A completed ok before B was invoked. */
  /** The write of value {@code v}, or -1 for no value or a value no client wrote. */
  private static int writeOf(LongLongMap writeOf, long v) {
    return v == History.NONE ? -1 : (int) writeOf.get(v, -1);
  }

  private static boolean precedes(History h, int a, int b) {
    return ok(h, a) && h.completedAtNanos(a) < h.invokedAtNanos(b);
  }

  private static void checkKey(History h, int[] byKey, int from, int to,
      LongLongMap writeOf, Counts counts) {
    // Ok writes of this key sorted by completion, with the running latest invocation among them.
    int okWrites = 0;
    for (int p = from; p < to; p++) {
      int i = byKey[p];
      if (h.kind(i) == History.Kind.WRITE && ok(h, i)) {
        okWrites++;
      }
    }
    long[] byCompletion = new long[okWrites];
    int w = 0;
    for (int p = from; p < to; p++) {
      int i = byKey[p];
      if (h.kind(i) == History.Kind.WRITE && ok(h, i)) {
        byCompletion[w++] = i;
      }
    }
    counts.writesAcknowledged += okWrites;
    // Sort write indexes by completion time (ties by index).
    Integer[] boxed = new Integer[okWrites];
    for (int k = 0; k < okWrites; k++) {
      boxed[k] = (int) byCompletion[k];
    }
    Arrays.sort(boxed, (a, b) -> {
      int c = Long.compare(h.completedAtNanos(a), h.completedAtNanos(b));
      return c != 0 ? c : Integer.compare(a, b);
    });
    int[] writes = new int[okWrites];
    long[] completed = new long[okWrites];
    int[] latestInvoked = new int[okWrites]; // the write invoked latest among the first k + 1
    for (int k = 0; k < okWrites; k++) {
      writes[k] = boxed[k];
      completed[k] = h.completedAtNanos(writes[k]);
      int best = k == 0 ? writes[k] : latestInvoked[k - 1];
      if (h.invokedAtNanos(writes[k]) > h.invokedAtNanos(best)) {
        best = writes[k];
      }
      latestInvoked[k] = best;
    }

    int finalRead = -1;
    for (int p = from; p < to; p++) {
      int i = byKey[p];
      if (h.kind(i) != History.Kind.READ) {
        continue;
      }
      if (h.phase(i) == History.Phase.FINAL) {
        finalRead = i; // the last read-back of the key is the one that counts
      }
      if (!ok(h, i)) {
        continue;
      }
      long v = h.value(i);
      int wv = writeOf(writeOf, v);
      if (v != History.NONE && wv < 0) {
        counts.corrupt++;
        counts.keep(counts.corruptExamples, new Ranked(h.invokedAtNanos(i), i, new Violation(
            Violation.Kind.CORRUPT_READ, String.format(Locale.ROOT,
                "read of key %d at %.3fs returned a value no client ever wrote", h.key(i),
                seconds(h.invokedAtNanos(i))), List.of(h.get(i)))));
        continue;
      }
      if (h.phase(i) != History.Phase.WORKLOAD) {
        continue;
      }
      counts.readsChecked++;
      // The ok writes that precede the read: those completed before it was invoked.
      int preceding = upperBound(completed, h.invokedAtNanos(i) - 1);
      if (preceding == 0) {
        continue;
      }
      int newest = latestInvoked[preceding - 1];
      boolean stale = wv < 0 || precedes(h, wv, newest);
      if (stale) {
        counts.stale++;
        List<History.Operation> ops = new ArrayList<>();
        ops.add(h.get(i));
        ops.add(h.get(newest));
        String saw;
        if (wv < 0) {
          saw = "nothing";
        } else {
          ops.add(h.get(wv));
          saw = String.format(Locale.ROOT, "the value of a write acknowledged at %.3fs",
              seconds(h.completedAtNanos(wv)));
        }
        counts.keep(counts.staleExamples, new Ranked(h.invokedAtNanos(i), i, new Violation(
            Violation.Kind.STALE_READ, String.format(Locale.ROOT,
                "read of key %d at %.3fs returned %s, but a write acknowledged at %.3fs (before "
                    + "the read began) had replaced it", h.key(i), seconds(h.invokedAtNanos(i)),
                saw, seconds(h.completedAtNanos(newest))), ops)));
      }
    }
    if (okWrites == 0) {
      return;
    }
    if (finalRead < 0 || !ok(h, finalRead)) {
      counts.unverified++;
      return;
    }
    counts.keysVerified++;
    long v = h.value(finalRead);
    int wv = writeOf(writeOf, v);
    // Maximal ok writes: no ok write of the key was invoked after they completed. With writes
    // sorted by completion, W is maximal iff no write invoked later than W completed exists.
    long latestInvocation = Long.MIN_VALUE;
    for (int k = 0; k < okWrites; k++) {
      latestInvocation = Math.max(latestInvocation, h.invokedAtNanos(writes[k]));
    }
    for (int k = 0; k < okWrites; k++) {
      int write = writes[k];
      if (h.value(write) == v) {
        continue;
      }
      boolean gone = v == History.NONE || wv < 0 || precedes(h, wv, write);
      if (gone) {
        counts.vanished++;
      }
      if (latestInvocation > h.completedAtNanos(write)) {
        continue; // an acknowledged write invoked after it completed: overwritten, not lost
      }
      if (gone) {
        counts.lost++;
        if (wv < 0 && v != History.NONE) {
          counts.lostCorrupt++;
        }
        String found = v == History.NONE ? "nothing" : wv < 0 ? "a corrupt value"
            : String.format(Locale.ROOT, "the older value of a write acknowledged at %.3fs",
                seconds(h.completedAtNanos(wv)));
        List<History.Operation> ops = new ArrayList<>(List.of(h.get(write), h.get(finalRead)));
        if (wv >= 0) {
          ops.add(h.get(wv));
        }
        counts.keep(counts.lostExamples, new Ranked(h.invokedAtNanos(write), write, new Violation(
            Violation.Kind.LOST_WRITE, String.format(Locale.ROOT,
                "write of key %d acknowledged at %.3fs is gone: after the run the key holds %s",
                h.key(write), seconds(h.completedAtNanos(write)), found), ops)));
      }
    }
  }

  /** Number of entries of the ascending {@code a} that are <= {@code x}. */
  private static int upperBound(long[] a, long x) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static final class Counts {
    long lost;
    long vanished;
    long lostCorrupt;
    long stale;
    long corrupt;
    long unverified;
    long readsChecked;
    long writesAcknowledged;
    long keysVerified;
    final List<Ranked> lostExamples = new ArrayList<>();
    final List<Ranked> staleExamples = new ArrayList<>();
    final List<Ranked> corruptExamples = new ArrayList<>();

    final int maxExamples;

    Counts(int maxExamples) {
      if (maxExamples < 0) {
        throw new IllegalArgumentException("maxExamples must be >= 0");
      }
      this.maxExamples = maxExamples;
    }

    /** Adds an example, trimming now and then to the earliest ones so memory stays bounded. */
    void keep(List<Ranked> list, Ranked r) {
      list.add(r);
      if (list.size() > 4 * maxExamples + 16) {
        list.sort(null);
        list.subList(maxExamples, list.size()).clear();
      }
    }
  }

  /** An example with its sort key: when the violating operation was invoked, then its index. */
  private record Ranked(long at, int index, Violation violation) implements Comparable<Ranked> {
    @Override
    public int compareTo(Ranked o) {
      int c = Long.compare(at, o.at);
      return c != 0 ? c : Integer.compare(index, o.index);
    }
  }
}
