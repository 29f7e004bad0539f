package dev.dsim.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Zeller and Hildebrandt's ddmin, the complement-removal form: split the items into chunks, try
 * the list without each chunk, keep the first removal that still fails (and go on with one
 * chunk fewer), else double the chunks, until single items cannot be removed. The result is
 * 1-minimal: removing any one item makes the failure go away (unless the budget ran out).
 * One algorithm for every shrinker: a run's faults ({@code dsim shrink}, {@code
 * Simulations.shrink}) and a non-linearizable history's core.
 */
public final class DeltaDebugging {
  private DeltaDebugging() {}

  /**
   * The smallest sublist (order kept) that {@code stillFails} accepts, starting from
   * {@code items}, which is taken to fail. {@code budgetLeft} is asked before each test.
   */
  public static <T> List<T> minimise(List<T> items, Predicate<List<T>> stillFails,
      BooleanSupplier budgetLeft) {
    List<T> current = new ArrayList<>(items);
    int chunks = 2;
    while (!current.isEmpty() && budgetLeft.getAsBoolean()) {
      int size = current.size();
      chunks = Math.min(chunks, size);
      boolean removed = false;
      for (int c = 0; c < chunks && budgetLeft.getAsBoolean(); c++) {
        int from = c * size / chunks;
        int to = (c + 1) * size / chunks;
        List<T> without = new ArrayList<>(current.subList(0, from));
        without.addAll(current.subList(to, size));
        if (stillFails.test(without)) {
          current = without;
          chunks = Math.max(chunks - 1, 2);
          removed = true;
          break;
        }
      }
      if (!removed) {
        if (chunks >= size) {
          break;
        }
        chunks = Math.min(2 * chunks, size);
      }
    }
    return current;
  }
}
