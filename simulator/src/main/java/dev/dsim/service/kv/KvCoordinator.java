package dev.dsim.service.kv;

import dev.dsim.service.Request;
import dev.dsim.service.Response;
import dev.dsim.service.Values;
import dev.dsim.world.Calls;
import dev.dsim.world.Context;
import dev.dsim.world.TraceSummary;
import java.util.function.IntPredicate;

/**
 * The coordinator role of a {@link KvNode}: takes a client request, sends the operation to every
 * replica of the key's shard it believes up, answers after the quorum (the newest version among
 * the replies, for a read), and fails the request when too few replicas are up or answer within
 * the timeout, unless the tier is {@code sloppy}. Each operation is a {@link Calls call} with the
 * tier's timeout; after a read it waits for the remaining replicas (up to the timeout) and
 * repairs those that answered older (read repair) or damaged (corruption repair).
 *
 * <p>With {@code readWriteBack} (ABD's read, Attiya, Bar-Noy and Dolev 1995), a read that has
 * its quorum does not answer yet: unless a write quorum of the replicas already answered the
 * newest version, it first writes that version to every replica not known to hold it, and
 * answers once a write quorum holds it. Without this, a read can return a new value that only a
 * minority holds (a write still in flight), and a later read quorum that misses that minority
 * returns the older value: R + W > N makes a read see the latest acknowledged write, not every
 * read see what an earlier read saw.
 *
 * <p>Writes get versions from this node's local clock: last writer wins, and clock skew can
 * order writes wrongly, as it does in real stores.
 */
final class KvCoordinator {
  /** A replica's version in a pending read: it answered that its block was damaged. */
  private static final long CORRUPT = -2;
  /** A replica's version in a pending read: no answer (yet). */
  private static final long NO_REPLY = -1;

  private final KvTier tier;
  private final KvConfig config;
  private final int self;
  private final Context ctx;
  private final int[] nodeIds;
  private final KvReplica replica;
  private final IntPredicate believedUp;
  /** Coordinated operations by id, from 1: 0 is a repair write, which wants no answer. */
  private final Calls<Pending> pending;
  private long lastVersion;

  /** @param believedUp whether this node believes the tier's node (by index) is up */
  KvCoordinator(KvTier tier, int self, Context ctx, int[] nodeIds, KvReplica replica,
      IntPredicate believedUp) {
    this.tier = tier;
    this.config = tier.config();
    this.self = self;
    this.ctx = ctx;
    this.nodeIds = nodeIds;
    this.replica = replica;
    this.believedUp = believedUp;
    this.pending = new Calls<>(ctx, 1);
  }

  /** Coordinates client request {@code r} from node {@code caller}. */
  void coordinate(int caller, Request r) {
    if (!replica.isReady() || r.key() < 0 || r.key() >= config.keys()) {
      ctx.send(caller, new Response(r.id(), false));
      return;
    }
    tier.stats().count(KvStats.Counter.COORDINATED, self);
    int[] replicas = tier.placement().replicasOf(tier.placement().shardOf(r.key()));
    int up = 0;
    for (int n : replicas) {
      if (believedUp.test(n)) {
        up++;
      }
    }
    int needed = switch (r.op()) {
      case WRITE -> config.writeQuorum();
      case READ -> config.readQuorum();
      case READ_ALL -> Math.max(1, up);
    };
    if (up < needed && !config.sloppy() || up == 0) {
      tier.stats().count(KvStats.Counter.UNAVAILABLE, self);
      ctx.send(caller, new Response(r.id(), false));
      return;
    }
    Pending p = new Pending(pending.nextId(), caller, r, replicas, Math.min(needed, up));
    pending.open(p);
    if (r.op() == Request.Op.WRITE) {
      p.newestVersion = nextVersion();
      p.newestValue = r.damaged() ? Values.garble(r.value()) : r.value();
    }
    for (int i = 0; i < replicas.length; i++) {
      int n = replicas[i];
      if (!believedUp.test(n)) {
        p.versions[i] = NO_REPLY;
        continue;
      }
      p.sent++;
      if (r.op() == Request.Op.WRITE) {
        sendWrite(n, p.id, r.key(), p.newestVersion, p.newestValue);
      } else if (n == self) {
        replica.read(nodeIds[self], p.id, r.key());
      } else {
        ctx.send(nodeIds[n], new KvMessages.ReplicaRead(p.id, r.key(), false));
      }
    }
    // Still open: this node's replica answers through its CPU, never within this call.
    pending.setTimeout(p.id, config.timeoutNanos());
  }

  private void sendWrite(int node, long op, int key, long v, long val) {
    if (node == self) {
      replica.write(nodeIds[self], op, key, v, val);
    } else {
      ctx.send(nodeIds[node], new KvMessages.ReplicaWrite(op, key, v, val, config.valueBytes(),
          false));
    }
  }

  /** A version newer than any this node issued, from its local clock: last writer wins. */
  private long nextVersion() {
    long micros = Math.max(0, ctx.now() / 1000);
    long v = (micros << 12) | (self & 0xFFF);
    if (v <= lastVersion) {
      v = lastVersion + 4096;
    }
    lastVersion = v;
    return v;
  }

  /** Replica {@code from} (an index in the tier) answered; a late answer is ignored. */
  void onReply(int from, KvMessages.ReplicaReply reply) {
    Pending p = pending.get(reply.op());
    if (p == null) {
      return; // late, after the operation finished
    }
    int i = p.indexOf(from);
    if (i < 0 || p.replied[i]) {
      return;
    }
    p.replied[i] = true;
    p.received++;
    if (reply.ok()) {
      p.acks++;
      if (p.request.op() != Request.Op.WRITE && p.writeBackOf == null) {
        p.versions[i] = reply.version();
        long v = reply.damaged() ? Values.garble(reply.value()) : reply.value();
        if (reply.version() > p.newestVersion) {
          p.newestVersion = reply.version();
          p.newestValue = v;
          p.newestDamaged = reply.damaged() || reply.garbage();
        }
      }
    } else if (reply.corrupt()) {
      p.versions[i] = CORRUPT;
    }
    if (!p.answered && p.acks >= p.needed) {
      if (p.writeBackOf == null && config.readWriteBack()
          && p.request.op() == Request.Op.READ) {
        writeBack(p);
      } else {
        answer(p, true);
      }
    }
    if (p.received == p.sent) {
      finish(p);
    }
  }

  /**
   * A read has its quorum: answer only once a write quorum holds the newest version read. The
   * replicas that answered it count already; the others are written, as a new operation with its
   * own timeout.
   */
  private void writeBack(Pending read) {
    read.answered = true; // the write-back answers for it
    Pending back = new Pending(pending.nextId(), read.caller, read.request, read.replicas,
        config.writeQuorum());
    back.writeBackOf = read;
    back.newestVersion = read.newestVersion;
    back.newestValue = read.newestValue;
    back.newestDamaged = read.newestDamaged;
    for (int i = 0; i < read.replicas.length; i++) {
      if (read.replied[i] && read.versions[i] == read.newestVersion) {
        back.replied[i] = true;
        back.acks++;
      }
    }
    if (back.acks >= back.needed) {
      answer(back, true); // a write quorum already holds it: nothing to write
      return;
    }
    read.wroteBack = true; // its repairs are the write-back's writes
    int reachable = back.acks;
    for (int i = 0; i < read.replicas.length; i++) {
      if (!back.replied[i] && believedUp.test(read.replicas[i])) {
        reachable++;
      }
    }
    if (reachable < back.needed) {
      answer(back, false); // a write quorum cannot be had: the read fails, as a write would
      return;
    }
    tier.stats().count(KvStats.Counter.READ_WRITE_BACKS, self);
    pending.open(back);
    for (int i = 0; i < read.replicas.length; i++) {
      if (!back.replied[i] && believedUp.test(read.replicas[i])) {
        back.sent++;
        sendWrite(read.replicas[i], back.id, read.request.key(), back.newestVersion,
            back.newestValue);
      }
    }
    pending.setTimeout(back.id, config.timeoutNanos());
  }

  /** Handles an operation's timeout; returns false for any other timer. */
  boolean onTimer(Object tag) {
    long id = pending.timedOut(tag);
    if (id == Calls.NONE) {
      return false;
    }
    finish(pending.get(id));
    return true;
  }

  private void answer(Pending p, boolean ok) {
    p.answered = true;
    if (!ok) {
      tier.stats().count(KvStats.Counter.UNAVAILABLE, self);
      ctx.send(p.caller, new Response(p.request.id(), false));
      return;
    }
    boolean write = p.request.op() == Request.Op.WRITE;
    ctx.send(p.caller, new Response(p.request.id(), true, write ? 0 : p.newestValue,
        !write && p.newestDamaged));
  }

  /** Every replica answered, or the timeout struck: answer if not yet, then repair. */
  private void finish(Pending p) {
    pending.close(p.id);
    if (p.writeBackOf != null) {
      if (!p.answered) {
        answer(p, false); // no write quorum holds what the read saw: the read fails
      }
      return;
    }
    if (!p.answered) {
      boolean settle = (config.sloppy() || p.request.op() == Request.Op.READ_ALL) && p.acks > 0;
      answer(p, settle);
    }
    if (p.request.op() == Request.Op.WRITE || p.newestVersion <= 0 || p.wroteBack) {
      return;
    }
    for (int i = 0; i < p.replicas.length; i++) {
      long v = p.versions[i];
      if (v == CORRUPT) {
        tier.stats().count(KvStats.Counter.CORRUPTION_REPAIRS, self);
      } else if (config.readRepair() && p.replied[i] && v < p.newestVersion) {
        tier.stats().count(KvStats.Counter.READ_REPAIRS, self);
      } else {
        continue;
      }
      ctx.log("repairing key " + p.request.key() + " on " + config.nodes().get(p.replicas[i])
          + (v == CORRUPT ? " (damaged block)" : " (stale)"));
      sendWrite(p.replicas[i], 0, p.request.key(), p.newestVersion, p.newestValue);
    }
  }

  /** One coordinated operation; what its timeout stands for. */
  private static final class Pending implements TraceSummary {
    final long id;
    final int caller;
    final Request request;
    final int[] replicas;
    final boolean[] replied;
    final long[] versions;
    final int needed;
    int sent;
    int received;
    int acks;
    boolean answered;
    long newestVersion;
    long newestValue;
    boolean newestDamaged;
    /** For a read's write-back phase, the read; null otherwise. */
    Pending writeBackOf;
    /** A read whose write-back wrote its stale replicas (no read repair after it). */
    boolean wroteBack;

    Pending(long id, int caller, Request request, int[] replicas, int needed) {
      this.id = id;
      this.caller = caller;
      this.request = request;
      this.replicas = replicas;
      this.replied = new boolean[replicas.length];
      this.versions = new long[replicas.length];
      this.needed = needed;
      java.util.Arrays.fill(versions, NO_REPLY);
    }

    int indexOf(int node) {
      for (int i = 0; i < replicas.length; i++) {
        if (replicas[i] == node) {
          return i;
        }
      }
      return -1;
    }

    @Override
    public long traceSummary() {
      return id;
    }

    @Override
    public String toString() {
      return (writeBackOf != null ? "WRITE_BACK " : request.op() + " ") + id;
    }
  }
}
