package dev.dsim.service.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Where shards live: distinct replicas, every shard placed, and consistent hashing's promise. */
final class PlacementTest {

  @Test
  void everyShardHasDistinctReplicas_andNodesKnowTheirShards() {
    for (Placement.Strategy s : Placement.Strategy.values()) {
      Placement p = new Placement(s, 7, 50, 3, 32);
      for (int shard = 0; shard < 50; shard++) {
        int[] r = p.replicasOf(shard);
        assertThat(r).hasSize(3).doesNotHaveDuplicates();
        for (int node : r) {
          assertThat(p.shardsOf(node)).contains(shard);
        }
      }
      int held = 0;
      for (int n = 0; n < 7; n++) {
        held += p.shardsOf(n).length;
      }
      assertThat(held).isEqualTo(150);
    }
  }

  @Test
  void hashPlacement_stripesShardsOverConsecutiveNodes() {
    Placement p = new Placement(Placement.Strategy.HASH, 5, 5, 2, 1);
    assertThat(p.replicasOf(4)).containsExactly(4, 0);
    assertThat(p.share(4, 0)).isTrue();
    assertThat(p.share(0, 2)).isFalse();
  }

  @Test
  void consistentHashing_addingANodeMovesOnlyTheShardsItTakes() {
    Placement before = new Placement(Placement.Strategy.CONSISTENT, 10, 1000, 1, 64);
    Placement after = new Placement(Placement.Strategy.CONSISTENT, 11, 1000, 1, 64);
    int moved = 0;
    for (int s = 0; s < 1000; s++) {
      if (before.replicasOf(s)[0] != after.replicasOf(s)[0]) {
        moved++;
        assertThat(after.replicasOf(s)[0]).as("a moved shard goes to the new node").isEqualTo(10);
      }
    }
    // About 1/11 of the shards move; striping by hash would move about 10/11 of them.
    assertThat(moved).isBetween(40, 150);
    Placement hashBefore = new Placement(Placement.Strategy.HASH, 10, 1000, 1, 1);
    Placement hashAfter = new Placement(Placement.Strategy.HASH, 11, 1000, 1, 1);
    int hashMoved = 0;
    for (int s = 0; s < 1000; s++) {
      hashMoved += hashBefore.replicasOf(s)[0] != hashAfter.replicasOf(s)[0] ? 1 : 0;
    }
    assertThat(hashMoved).isGreaterThan(800);
  }

  @Test
  void keysSpreadOverShards() {
    Placement p = new Placement(Placement.Strategy.CONSISTENT, 3, 16, 3, 8);
    int[] count = new int[16];
    for (int k = 0; k < 16_000; k++) {
      count[p.shardOf(k)]++;
    }
    assertThat(Arrays.stream(count).min().getAsInt()).isGreaterThan(800);
    assertThat(Arrays.stream(count).max().getAsInt()).isLessThan(1200);
  }
}
