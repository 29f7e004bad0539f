package dev.dsim.service.kv;

import java.util.Objects;

/**
 * What the nodes of one key-value tier share: its configuration, the placement of its shards,
 * the keys of each shard (computed once), and its statistics, which outlive node crashes.
 */
public final class KvTier {
  private final KvConfig config;
  private final int[][] keysOfShard;
  private final KvStats stats;

  public KvTier(KvConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    Placement placement = config.placement();
    int[] count = new int[placement.shards()];
    for (int k = 0; k < config.keys(); k++) {
      count[placement.shardOf(k)]++;
    }
    keysOfShard = new int[placement.shards()][];
    for (int s = 0; s < count.length; s++) {
      keysOfShard[s] = new int[count[s]];
    }
    int[] fill = new int[placement.shards()];
    for (int k = 0; k < config.keys(); k++) {
      int s = placement.shardOf(k);
      keysOfShard[s][fill[s]++] = k;
    }
    stats = new KvStats(config.nodes().size());
  }

  public KvConfig config() {
    return config;
  }

  public Placement placement() {
    return config.placement();
  }

  /** The keys of shard {@code s}, ascending. */
  int[] keysOfShard(int s) {
    return keysOfShard[s];
  }

  public KvStats stats() {
    return stats;
  }
}
