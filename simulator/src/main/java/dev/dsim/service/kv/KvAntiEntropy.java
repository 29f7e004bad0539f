package dev.dsim.service.kv;

import dev.dsim.service.Values;
import dev.dsim.world.Context;

/**
 * Anti-entropy for a {@link KvNode}: how replicas catch up, instead of hinted handoff. A node
 * that restarts asks the peers it shares shards with for everything they hold of those shards
 * ({@link #askPeers}); a node that sees a suspected peer come back pushes it the same
 * ({@link #push}); a replica takes every entry newer than what it holds ({@link #apply}).
 *
 * <p>Whole shards at a time, no digests or Merkle trees: simple, and heavy for big shards.
 */
final class KvAntiEntropy {
  private final KvTier tier;
  private final KvConfig config;
  private final int self;
  private final Context ctx;
  private final int[] nodeIds;
  private final KvReplica replica;

  KvAntiEntropy(KvTier tier, int self, Context ctx, int[] nodeIds, KvReplica replica) {
    this.tier = tier;
    this.config = tier.config();
    this.self = self;
    this.ctx = ctx;
    this.nodeIds = nodeIds;
    this.replica = replica;
  }

  /** After a restart: asks every peer that shares a shard with this node to push it. */
  void askPeers() {
    ctx.log("recovered from disk; asking peers for what was missed");
    for (int peer = 0; peer < nodeIds.length; peer++) {
      if (peer != self && tier.placement().share(self, peer)) {
        ctx.send(nodeIds[peer], new KvMessages.SyncRequest(peer));
      }
    }
  }

  /** Sends {@code peer} every key this node holds of the shards they share. */
  void push(int peer) {
    if (!replica.isReady() || peer == self) {
      return;
    }
    Placement placement = tier.placement();
    int count = 0;
    for (int s : placement.shardsOf(self)) {
      if (holds(peer, s)) {
        for (int key : tier.keysOfShard(s)) {
          if (replica.version(key) > 0) {
            count++;
          }
        }
      }
    }
    if (count == 0) {
      return;
    }
    int[] keys = new int[count];
    long[] versions = new long[count];
    long[] values = new long[count];
    int k = 0;
    for (int s : placement.shardsOf(self)) {
      if (holds(peer, s)) {
        for (int key : tier.keysOfShard(s)) {
          if (replica.version(key) > 0) {
            keys[k] = key;
            versions[k] = replica.version(key);
            values[k] = replica.value(key);
            k++;
          }
        }
      }
    }
    ctx.send(nodeIds[peer], new KvMessages.SyncEntries(keys, versions, values,
        config.valueBytes(), false));
  }

  private boolean holds(int node, int shard) {
    for (int n : tier.placement().replicasOf(shard)) {
      if (n == node) {
        return true;
      }
    }
    return false;
  }

  /** Takes every entry of {@code e} newer than what this node's replica holds. */
  void apply(KvMessages.SyncEntries e) {
    if (!replica.isReady()) {
      return;
    }
    int applied = 0;
    for (int i = 0; i < e.keys().length; i++) {
      // Unchecked damage lands somewhere in the message: take it to be the middle entry.
      long val = e.damaged() && i == e.keys().length / 2 ? Values.garble(e.values()[i])
          : e.values()[i];
      if (replica.adopt(e.keys()[i], e.versions()[i], val)) {
        applied++;
      }
    }
    if (applied > 0) {
      tier.stats().add(KvStats.Counter.SYNCED_KEYS, self, applied);
      ctx.log("caught up " + applied + " keys");
    }
  }
}
