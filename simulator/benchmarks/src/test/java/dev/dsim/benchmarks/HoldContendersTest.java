package dev.dsim.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The benchmark compares like with like: fed the same increments, every contender (dsim, SSJ's
 * two lists, MASON, PriorityQueue, the primitive heap) fires events at the same times, so their
 * checksums agree, and keeps N events pending so that repeated calls go on from where they were.
 * (Says nothing about speed: no test times anything.)
 */
final class HoldContendersTest {
  private static final long[] INC = HoldIncrements.exponential(1 << 12, 7);

  @Test
  void everyContender_firesTheSameEvents_andKeepsNPending() {
    for (int pending : new int[] {1, 10, 1000, 5000}) {
      Long expected = null;
      for (HoldContender c : HoldPeersBenchmark.contenders()) {
        c.setUp(pending, INC);
        long first = c.fire(20_000);
        long second = c.fire(7_000);
        c.tearDown();
        if (expected == null) {
          expected = first * 31 + second;
        }
        assertThat(first * 31 + second).as(c.name() + " at N = " + pending).isEqualTo(expected);
      }
    }
  }

  @Test
  void checksum_isTheSumOfTheFiredTimes() {
    // One pending event: it fires at INC[0], then INC[0] + INC[1], ...
    HoldContender dsim = new DsimHold();
    dsim.setUp(1, INC);
    long t = 0;
    long sum = 0;
    for (int i = 0; i < 100; i++) {
      t += INC[i];
      sum += t;
    }
    assertThat(dsim.fire(100)).isEqualTo(sum);
  }

  @Test
  void measure_stopsWhenAContenderDisagrees() {
    HoldContender heap = new PrimitiveHeapHold();
    HoldContender cheat = new HoldContender() {
      @Override
      public String id() {
        return "cheat";
      }

      @Override
      public String name() {
        return "off by one";
      }

      @Override
      public void setUp(int pending, long[] increments) {
        heap.setUp(pending, increments);
      }

      @Override
      public long fire(long firings) {
        return heap.fire(firings) + 1;
      }

      @Override
      public void tearDown() {
        heap.tearDown();
      }
    };
    assertThatThrownBy(() -> HoldPeersBenchmark.measure(List.of(new DsimHold(), cheat), 100,
        1_000, 0, 1, INC)).hasMessageContaining("contenders disagree");
  }

  @Test
  void table_reportsRatiosAndTargets() {
    List<HoldPeersBenchmark.Series> series = List.of(
        new HoldPeersBenchmark.Series("dsim engine", false, new double[] {30e6, 20e6, 25e6},
            new double[] {20e6, 20e6, 20e6}),
        new HoldPeersBenchmark.Series("SSJ 3.3 Henriksen", true, new double[] {10e6},
            new double[] {9e6}),
        new HoldPeersBenchmark.Series("primitive binary heap", false, new double[] {40e6},
            new double[] {40e6}));
    String table = HoldPeersBenchmark.table(1000, series);
    assertThat(table).contains("25.00 (20.00..30.00)").contains("2.50x")
        .contains("dsim / best peer simulator (SSJ 3.3 Henriksen): 2.50x, target >= 2.0x: met")
        .contains("dsim / primitive binary heap: 0.63x, target >= 0.8x: not met");
  }

  @Test
  void options_parseSizesWithUnderscores() {
    HoldPeersBenchmark.Options o = HoldPeersBenchmark.Options.parse(
        new String[] {"--sizes", "1_000,100_000", "--rounds", "3", "--only", "dsim,heap"});
    assertThat(o.sizes()).containsExactly(1_000, 100_000);
    assertThat(o.rounds()).isEqualTo(3);
    assertThat(o.only()).containsExactly("dsim", "heap");
    assertThatThrownBy(() -> HoldPeersBenchmark.Options.parse(new String[] {"--only", "ssj"}))
        .hasMessageContaining("no contender ssj");
    assertThatThrownBy(() -> HoldPeersBenchmark.Options.parse(new String[] {"--size", "1"}))
        .hasMessageContaining("unknown option --size");
  }
}
