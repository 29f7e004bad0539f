package dev.dsim.service.kv;

import dev.dsim.engine.Rng;
import dev.dsim.engine.TraceFields;
import dev.dsim.world.Corruptible;
import dev.dsim.world.Sized;
import dev.dsim.world.TraceContent;
import dev.dsim.world.TraceSummary;

/**
 * The messages between the nodes of a key-value tier. Each can be damaged in flight
 * ({@code damaged}); with the tier's checksums on, a damaged message is dropped by its receiver,
 * without them its content is taken as garbage.
 */
final class KvMessages {
  private KvMessages() {}

  /** Only a damaged message says so: the common case stays short. */
  private static void markDamaged(TraceFields out, boolean damaged) {
    if (damaged) {
      out.field("damaged", true);
    }
  }

  /** Store ({@code version}, {@code value}) under {@code key} if newer than what is there. */
  record ReplicaWrite(long op, int key, long version, long value, int bytes, boolean damaged)
      implements TraceSummary, TraceContent, Corruptible, Sized {
    @Override
    public long traceSummary() {
      return op;
    }

    @Override
    public void traceFields(TraceFields out) {
      out.field("kvOp", op).field("key", key).field("version", version).field("value", value);
      markDamaged(out, damaged);
    }

    @Override
    public Object corrupted(Rng rng) {
      return new ReplicaWrite(op, key, version, value, bytes, true);
    }

    @Override
    public int sizeBytes() {
      return bytes + 32;
    }
  }

  /** Read {@code key}. */
  record ReplicaRead(long op, int key, boolean damaged)
      implements TraceSummary, TraceContent, Corruptible {
    @Override
    public long traceSummary() {
      return op;
    }

    @Override
    public void traceFields(TraceFields out) {
      out.field("kvOp", op).field("key", key);
      markDamaged(out, damaged);
    }

    @Override
    public Object corrupted(Rng rng) {
      return new ReplicaRead(op, key, true);
    }
  }

  /**
   * A replica's answer. {@code ok} false: it could not serve (not ready, disk full, or a damaged
   * block it caught, then {@code corrupt}). For a read, the version and value it holds
   * (version 0: nothing); {@code garbage} when its block was damaged unnoticed, so the value is
   * one nobody wrote (the simulator's knowledge, not the replica's).
   */
  record ReplicaReply(long op, boolean ok, boolean corrupt, long version, long value,
      boolean garbage, int bytes, boolean damaged)
      implements TraceSummary, TraceContent, Corruptible, Sized {
    @Override
    public long traceSummary() {
      return ok ? op : ~op;
    }

    @Override
    public void traceFields(TraceFields out) {
      out.field("kvOp", op).field("ok", ok).field("version", version).field("value", value);
      if (corrupt) {
        out.field("corruptBlock", true);
      }
      if (garbage) {
        out.field("garbage", true);
      }
      markDamaged(out, damaged);
    }

    @Override
    public Object corrupted(Rng rng) {
      return new ReplicaReply(op, ok, corrupt, version, value, garbage, bytes, true);
    }

    @Override
    public int sizeBytes() {
      return bytes + 32;
    }
  }

  /** "I am alive", sent to every peer each heartbeat interval. */
  record Heartbeat(long seq) implements TraceSummary, TraceContent {
    @Override
    public long traceSummary() {
      return seq;
    }

    @Override
    public void traceFields(TraceFields out) {
      out.field("seq", seq);
    }
  }

  /** "Send me what you hold of the shards we share": a replica catching up after a restart. */
  record SyncRequest(long seq) implements TraceSummary, TraceContent {
    @Override
    public long traceSummary() {
      return seq;
    }

    @Override
    public void traceFields(TraceFields out) {
      out.field("seq", seq);
    }
  }

  /** Anti-entropy: every key the sender holds of the shards it shares with the receiver. */
  record SyncEntries(int[] keys, long[] versions, long[] values, int bytesEach, boolean damaged)
      implements TraceSummary, TraceContent, Corruptible, Sized {
    @Override
    public long traceSummary() {
      return keys.length;
    }

    @Override
    public void traceFields(TraceFields out) {
      out.field("entries", keys.length);
      markDamaged(out, damaged);
    }

    @Override
    public Object corrupted(Rng rng) {
      return new SyncEntries(keys, versions, values, bytesEach, true);
    }

    @Override
    public int sizeBytes() {
      return (int) Math.min(Integer.MAX_VALUE, 32L + (long) keys.length * (bytesEach + 16));
    }
  }
}
