package dev.dsim.service.kv;

import dev.dsim.metrics.History;
import dev.dsim.world.Context;
import dev.dsim.world.DiskRead;
import dev.dsim.world.DiskStatus;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * The replica role of a {@link KvNode}: the node's share of the data. Each replica operation
 * costs CPU work, then goes to disk: a write stores a block (version, value) if it is newer than
 * what the replica holds, and is acknowledged when durable by the {@link FsyncPolicy}; a read
 * reads the block. Without checksums a damaged block is served as if fine; with them it is
 * reported and forgotten, for the coordinator to repair. An in-memory index of (version, value)
 * per key is rebuilt from disk on start; until then the replica serves nothing.
 *
 * <p>It answers whoever coordinated the operation; an operation this same node coordinates is
 * answered in memory, not over the network. It knows nothing of quorums or of peers.
 */
final class KvReplica {
  private final KvTier tier;
  private final KvConfig config;
  private final int self;
  private final int selfNodeId;
  private final Context ctx;
  private final ContinuousSampler work;
  /** (version, value) per key held: memory follows the data, not the key space. */
  private final KeyTable held = new KeyTable();
  private KvCoordinator localCoordinator;
  private boolean ready;
  private int recoveryReadsLeft;

  KvReplica(KvTier tier, int self, int selfNodeId, Context ctx, ContinuousSampler work) {
    this.tier = tier;
    this.config = tier.config();
    this.self = self;
    this.selfNodeId = selfNodeId;
    this.ctx = ctx;
    this.work = work;
  }

  /** Where answers to operations coordinated by this same node go. */
  void answerLocallyTo(KvCoordinator coordinator) {
    this.localCoordinator = coordinator;
  }

  /** True once the index has been rebuilt from disk. */
  boolean isReady() {
    return ready;
  }

  /** The version held of {@code key} (0: nothing). */
  long version(int key) {
    return held.version(key);
  }

  /** The value held of {@code key}. */
  long value(int key) {
    return held.value(key);
  }

  // ---------------------------------------------------------------- recovery

  /** Rebuilds the in-memory index from disk, then becomes ready and runs {@code then}. */
  void recover(Runnable then) {
    List<String> blocks = ctx.disk().keys();
    recoveryReadsLeft = blocks.size();
    if (recoveryReadsLeft == 0) {
      ready = true;
      then.run();
      return;
    }
    for (String block : blocks) {
      int key = BlockNames.keyOf(block);
      // Decoded at once, so the block's bytes are borrowed, not copied.
      ctx.disk().readBorrowed(block, read -> {
        if (key >= 0 && key < config.keys() && read.ok()) {
          held.put(key, StoredValue.version(read.value()), StoredValue.valueSeen(read.value()));
        }
        if (--recoveryReadsLeft == 0) {
          ready = true;
          then.run();
        }
      });
    }
  }

  // ---------------------------------------------------------------- writes

  /** Writes {@code (v, val)} of {@code key}: operation {@code op} of node {@code coordinator}. */
  void write(int coordinator, long op, int key, long v, long val) {
    tier.stats().count(KvStats.Counter.REPLICA_WRITES, self);
    if (!ready || key < 0 || key >= config.keys()) {
      reply(coordinator, failure(op));
      return;
    }
    ctx.compute(Math.round(work.sample()), () -> {
      if (v <= held.version(key)) {
        reply(coordinator, ack(op));
        return;
      }
      held.put(key, v, val);
      store(key, v, val, status -> {
        boolean ok = status == DiskStatus.OK;
        reply(coordinator, ok ? ack(op)
            : failure(op));
      });
    });
  }

  /**
   * Takes ({@code v}, {@code val}) of {@code key} from a peer (anti-entropy) if it is newer than
   * what this replica holds, storing it without waiting; returns whether it did.
   */
  boolean adopt(int key, long v, long val) {
    if (key < 0 || key >= config.keys() || v <= held.version(key)) {
      return false;
    }
    held.put(key, v, val);
    store(key, v, val, null);
    return true;
  }

  /** Writes a block and calls {@code then} once it is as durable as the policy makes it. */
  private void store(int key, long v, long val, Consumer<DiskStatus> then) {
    // A freshly encoded block, never touched again: handed over, not copied.
    byte[] encoded = StoredValue.encode(v, val, config.valueBytes());
    ctx.disk().writeHandedOver(block(key), encoded, status -> {
      if (status == DiskStatus.OK && config.fsync().mode() == FsyncPolicy.Mode.ALWAYS) {
        ctx.disk().fsync(then == null ? null : () -> then.accept(status));
      } else if (then != null) {
        then.accept(status);
      }
    });
  }

  private static KvMessages.ReplicaReply failure(long op) {
    return new KvMessages.ReplicaReply(op, false, false, 0, 0, false, 0, false);
  }

  private static KvMessages.ReplicaReply ack(long op) {
    return new KvMessages.ReplicaReply(op, true, false, 0, 0, false, 0, false);
  }

  // ---------------------------------------------------------------- reads

  /** Reads {@code key}: operation {@code op} of node {@code coordinator}. */
  void read(int coordinator, long op, int key) {
    tier.stats().count(KvStats.Counter.REPLICA_READS, self);
    if (!ready) {
      reply(coordinator, failure(op));
      return;
    }
    // readReply decodes the block at once: borrowed, not copied.
    ctx.compute(Math.round(work.sample()), () -> ctx.disk().readBorrowed(block(key),
        read -> reply(coordinator, readReply(op, key, read))));
  }

  private KvMessages.ReplicaReply readReply(long op, int key, DiskRead read) {
    int bytes = config.valueBytes();
    if (read.ok()) {
      byte[] b = read.value();
      boolean intact = StoredValue.intact(b);
      return new KvMessages.ReplicaReply(op, true, false, StoredValue.version(b),
          StoredValue.valueSeen(b, intact), !intact, bytes, false);
    }
    if (read.status() == DiskStatus.NOT_FOUND) {
      return new KvMessages.ReplicaReply(op, true, false, 0, History.NONE, false, 0, false);
    }
    if (read.status() == DiskStatus.CORRUPT || read.status() == DiskStatus.IO_ERROR) {
      // Caught: forget the block, so the coordinator's repair (any version) is taken.
      ctx.log("block of key " + key + " failed: " + read.status());
      held.put(key, 0, History.NONE);
      return new KvMessages.ReplicaReply(op, false, true, 0, 0, false, 0, false);
    }
    return failure(op);
  }

  /** Answers the coordinator; operation 0 (a repair) wants no answer. */
  private void reply(int coordinator, KvMessages.ReplicaReply reply) {
    if (coordinator == selfNodeId) {
      if (reply.op() != 0) {
        localCoordinator.onReply(self, reply);
      }
    } else if (reply.op() != 0) {
      ctx.send(coordinator, reply);
    }
  }

  // ---------------------------------------------------------------- blocks

  /** The block of {@code key}: its name, one string per key shared by the tier's replicas. */
  private String block(int key) {
    return tier.blockNames().of(key);
  }
}
