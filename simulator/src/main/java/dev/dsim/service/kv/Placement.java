package dev.dsim.service.kv;

import java.util.Arrays;

/**
 * Where data lives: keys hash to one of {@code shards} shards, and each shard is held by
 * {@code replication} distinct nodes.
 *
 * <ul>
 *   <li>{@link Strategy#HASH}: shard s is held by nodes s, s+1, … (mod n), a simple striping
 *       that moves almost everything when n changes;
 *   <li>{@link Strategy#CONSISTENT}: consistent hashing. Each node owns {@code vnodes} points on a
 *       ring; a shard is held by the first distinct nodes clockwise from the shard's point, so
 *       adding a node moves only the shards it takes over, and virtual nodes even out the share.
 * </ul>
 *
 * <p>Pure and deterministic: a function of (strategy, nodes, shards, replication, vnodes).
 */
public final class Placement {
  /** How shards are assigned to nodes. */
  public enum Strategy {
    HASH,
    CONSISTENT
  }

  private final int shards;
  private final int[][] replicas;
  private final int[][] shardsOfNode;

  public Placement(Strategy strategy, int nodes, int shards, int replication, int vnodes) {
    if (nodes < 1 || shards < 1 || replication < 1 || replication > nodes || vnodes < 1) {
      throw new IllegalArgumentException("need nodes >= 1, shards >= 1, 1 <= replication <= "
          + "nodes, vnodes >= 1");
    }
    this.shards = shards;
    this.replicas = new int[shards][];
    if (strategy == Strategy.HASH) {
      for (int s = 0; s < shards; s++) {
        replicas[s] = new int[replication];
        for (int i = 0; i < replication; i++) {
          replicas[s][i] = (s + i) % nodes;
        }
      }
    } else {
      ring(nodes, replication, vnodes);
    }
    int[] count = new int[nodes];
    for (int[] r : replicas) {
      for (int n : r) {
        count[n]++;
      }
    }
    shardsOfNode = new int[nodes][];
    for (int n = 0; n < nodes; n++) {
      shardsOfNode[n] = new int[count[n]];
    }
    int[] fill = new int[nodes];
    for (int s = 0; s < shards; s++) {
      for (int n : replicas[s]) {
        shardsOfNode[n][fill[n]++] = s;
      }
    }
  }

  private void ring(int nodes, int replication, int vnodes) {
    int points = nodes * vnodes;
    long[] position = new long[points];
    for (int n = 0; n < nodes; n++) {
      for (int v = 0; v < vnodes; v++) {
        // Low bits carry the node, so sorting orders points and ties break the same way always.
        position[n * vnodes + v] = (mix(((long) n << 32) | v) & ~0xFFFFFL) | n;
      }
    }
    Arrays.sort(position);
    for (int s = 0; s < shards; s++) {
      long p = mix(0x5A17L * (s + 1));
      int start = Arrays.binarySearch(position, p);
      start = start >= 0 ? start : -start - 1;
      int[] chosen = new int[replication];
      int found = 0;
      for (int k = 0; k < points && found < replication; k++) {
        int node = (int) (position[(start + k) % points] & 0xFFFFF);
        boolean seen = false;
        for (int j = 0; j < found; j++) {
          seen |= chosen[j] == node;
        }
        if (!seen) {
          chosen[found++] = node;
        }
      }
      replicas[s] = chosen;
    }
  }

  /** The shard of {@code key}. */
  public int shardOf(int key) {
    return (int) Long.remainderUnsigned(mix(key + 0x9E3779B97F4A7C15L), shards);
  }

  /** The nodes (indexes in the tier) holding {@code shard}, the first one its preferred. */
  public int[] replicasOf(int shard) {
    return replicas[shard];
  }

  /** The shards node {@code node} holds. */
  public int[] shardsOf(int node) {
    return shardsOfNode[node];
  }

  public int shards() {
    return shards;
  }

  /** True when nodes {@code a} and {@code b} hold at least one shard in common. */
  public boolean share(int a, int b) {
    for (int s : shardsOfNode[a]) {
      for (int n : replicas[s]) {
        if (n == b) {
          return true;
        }
      }
    }
    return false;
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
