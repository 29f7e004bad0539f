package dev.dsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

final class DidYouMeanTest {
  private static final List<String> KEYS = List.of("kind", "nodes", "cores", "speed", "work");

  @Test
  void typosAndSwaps_findTheIntendedKey() {
    assertThat(DidYouMean.closest("coers", KEYS)).isEqualTo("cores");
    assertThat(DidYouMean.closest("node", KEYS)).isEqualTo("nodes");
    assertThat(DidYouMean.closest("Speed", KEYS)).isEqualTo("speed");
    assertThat(DidYouMean.closest("wrok", KEYS)).isEqualTo("work");
  }

  @Test
  void unrelatedWords_getNoSuggestion() {
    assertThat(DidYouMean.closest("replication", KEYS)).isNull();
    assertThat(DidYouMean.closest("x", KEYS)).isNull();
  }

  @Test
  void distance_countsAdjacentSwapAsOne() {
    assertThat(DidYouMean.distance("ab", "ba")).isEqualTo(1);
    assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
  }
}
