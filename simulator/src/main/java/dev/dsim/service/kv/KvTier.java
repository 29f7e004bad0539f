package dev.dsim.service.kv;

import dev.dsim.world.Context;
import java.util.Arrays;
import java.util.Objects;

/**
 * What the nodes of one key-value tier share: its configuration, the placement of its shards,
 * the keys of each shard (computed once), and its statistics, which outlive node crashes.
 */
public final class KvTier {
  private final KvConfig config;
  private final int[][] keysOfShard;
  private final KvStats stats;
  private final BlockNames blockNames = new BlockNames();
  /** The world's node id of each tier index, and the reverse (-1 outside the tier): shared. */
  private int[] nodeIds;
  private int[] indexOfNode;

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

  /** The disk block name of each key, shared by the tier's replicas. */
  BlockNames blockNames() {
    return blockNames;
  }

  /**
   * The world's node id of each node of the tier, by tier index; worked out once, by the first
   * node to start, and shared (read-only) by all, so a node's memory does not grow with the
   * size of its tier.
   */
  int[] nodeIds(Context ctx) {
    if (nodeIds == null) {
      int[] ids = new int[config.nodes().size()];
      int maxId = 0;
      for (int i = 0; i < ids.length; i++) {
        ids[i] = ctx.nodeId(config.nodes().get(i));
        maxId = Math.max(maxId, ids[i]);
      }
      int[] index = new int[maxId + 1];
      Arrays.fill(index, -1);
      for (int i = 0; i < ids.length; i++) {
        index[ids[i]] = i;
      }
      nodeIds = ids;
      indexOfNode = index;
    }
    return nodeIds;
  }

  /** The tier index of node id {@code id}, -1 when not in the tier; after {@link #nodeIds}. */
  int indexOfNode(int id) {
    return id >= 0 && id < indexOfNode.length ? indexOfNode[id] : -1;
  }
}
