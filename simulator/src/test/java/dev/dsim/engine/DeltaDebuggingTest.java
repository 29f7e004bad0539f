package dev.dsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;

/**
 * ddmin, for any list and any set of items the failure needs: the result still fails, keeps the
 * items' order, and is 1-minimal (dropping any one item makes the failure go away), which for
 * a failure that needs exactly a set of items means it is exactly that set.
 */
final class DeltaDebuggingTest {
  @Property(tries = 300)
  void findsExactlyTheItemsTheFailureNeeds(
      @ForAll @Size(min = 1, max = 60) @UniqueElements List<@IntRange(min = 0, max = 999) Integer>
          items,
      @ForAll @Size(max = 5) List<@IntRange(min = 0, max = 59) Integer> neededIndexes) {
    Set<Integer> needed = new TreeSet<>();
    for (int i : neededIndexes) {
      needed.add(items.get(i % items.size()));
    }
    List<List<Integer>> tried = new ArrayList<>();
    List<Integer> minimal = DeltaDebugging.minimise(items, candidate -> {
      tried.add(candidate);
      return candidate.containsAll(needed);
    }, () -> true);
    assertThat(new TreeSet<>(minimal)).isEqualTo(needed);
    assertThat(items.stream().filter(minimal::contains).toList()).as("order kept")
        .isEqualTo(minimal);
    // Far fewer tests than the 2^n subsets: ddmin is quadratic at worst.
    assertThat(tried.size()).isLessThanOrEqualTo(items.size() * items.size() + 2);
  }

  @Property(tries = 100)
  void stopsWhenTheBudgetIsSpent_withAListThatStillFails(
      @ForAll @Size(min = 2, max = 40) @UniqueElements List<Integer> items,
      @ForAll @IntRange(min = 0, max = 5) int budget) {
    int[] tests = {0};
    Integer needed = items.get(items.size() - 1);
    List<Integer> result = DeltaDebugging.minimise(items, candidate -> {
      tests[0]++;
      return candidate.contains(needed);
    }, () -> tests[0] < budget);
    assertThat(tests[0]).isLessThanOrEqualTo(Math.max(budget, 0));
    assertThat(result).contains(needed);
    assertThat(items.stream().filter(result::contains).toList()).isEqualTo(result);
  }
}
