package dev.dsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The cost and availability front of a parameter grid: a point is on it exactly when no other
 * point costs no more, is no less available, and is better in one of the two.
 */
final class ParetoFrontTest {
  @Property(tries = 300)
  void theFront_isExactlyThePointsNoOtherBeats(
      @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 8) Integer> costs,
      @ForAll @Size(min = 30, max = 30) List<@IntRange(min = 0, max = 8) Integer> avails) {
    // Few distinct values, so ties (equal cost, equal availability, equal points) are common.
    List<double[]> plane = new ArrayList<>();
    for (int i = 0; i < costs.size(); i++) {
      plane.add(new double[] {costs.get(i), avails.get(i) / 8.0});
    }
    List<Integer> front = new ArrayList<>();
    for (int i = 0; i < plane.size(); i++) {
      if (ParameterGrid.onFront(plane, i)) {
        front.add(i);
      }
    }
    // No point of the front beats another point of the front.
    for (int i : front) {
      for (int j : front) {
        assertThat(beats(plane.get(j), plane.get(i))).as("%s beats %s", j, i).isFalse();
      }
    }
    // Every point off the front is beaten by a point on it (not merely by another point).
    for (int i = 0; i < plane.size(); i++) {
      if (!front.contains(i)) {
        int k = i;
        assertThat(front).as("a front point beating %s", i)
            .anyMatch(j -> beats(plane.get(j), plane.get(k)));
      }
    }
    // The cheapest of the most available points is never beaten, so a front is never empty.
    int best = 0;
    for (int i = 1; i < plane.size(); i++) {
      double[] p = plane.get(i);
      double[] b = plane.get(best);
      if (p[1] > b[1] || (p[1] == b[1] && p[0] < b[0])) {
        best = i;
      }
    }
    assertThat(front).contains(best);
  }

  /** Whether {@code q} costs no more, is no less available, and is better in one. */
  private static boolean beats(double[] q, double[] p) {
    return q[0] <= p[0] && q[1] >= p[1] && (q[0] < p[0] || q[1] > p[1]);
  }
}
