package dev.dsim.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The tree of minimums answers as the scan it replaces: the first backend at or after a start,
 * cyclically, with the fewest outstanding requests, backends out of service never chosen.
 */
final class LeastOutstandingIndexTest {
  @Property(tries = 500)
  void firstLeastFrom_isTheCyclicScansAnswer(
      @ForAll @IntRange(min = 1, max = 70) int n,
      @ForAll @Size(max = 200) List<@IntRange(min = 0, max = 1_000_000) Integer> ops) {
    LeastOutstandingIndex index = new LeastOutstandingIndex(n);
    int[] values = new int[n];
    for (int op : ops) {
      // Each op sets one backend: a small count (ties are common), or out of service.
      int i = op % n;
      int v = (op / n) % 5 == 4 ? LeastOutstandingIndex.OUT : (op / n) % 4;
      values[i] = v;
      index.set(i, v);
      int from = (op / 7) % n;
      assertThat(index.firstLeastFrom(from)).as("from %d over %s", from,
          java.util.Arrays.toString(values)).isEqualTo(scan(values, from));
    }
  }

  /** The scan the index replaces. */
  private static int scan(int[] values, int from) {
    int n = values.length;
    int best = -1;
    for (int k = 0; k < n; k++) {
      int i = (from + k) % n;
      if (values[i] != LeastOutstandingIndex.OUT && (best < 0 || values[i] < values[best])) {
        best = i;
      }
    }
    return best;
  }
}
