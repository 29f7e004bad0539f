package dev.dsim.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The benchmark's three contenders do the same work: fed the same increments they fire the same
 * times, so their checksums agree. (Keeps the benchmark honest; says nothing about speed.)
 */
final class HoldModelTest {

  @Test
  void allContenders_fireTheSameEvents() {
    long[] inc = HoldModel.increments(1 << 12, 7);
    for (int pending : new int[] {1, 10, 1000}) {
      long engine = HoldModel.engine(pending, 20_000, inc);
      assertThat(HoldModel.priorityQueue(pending, 20_000, inc)).isEqualTo(engine);
      assertThat(HoldModel.primitiveBinaryHeap(pending, 20_000, inc)).isEqualTo(engine);
    }
  }
}
