package dev.dsim.service.kv;

import dev.dsim.metrics.History;
import dev.dsim.service.DetectionObserver;
import dev.dsim.service.FailureDetector;
import dev.dsim.service.HealthCheck;
import dev.dsim.service.Request;
import dev.dsim.service.Response;
import dev.dsim.service.Values;
import dev.dsim.world.Context;
import dev.dsim.world.DiskRead;
import dev.dsim.world.DiskStatus;
import dev.dsim.world.Message;
import dev.dsim.world.Process;
import dev.dsim.world.Timer;
import dev.dsim.world.TraceSummary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * A node of a replicated, sharded key-value store (Dynamo-style, last writer wins).
 *
 * <p><b>Coordinator.</b> Any node takes a client request. It finds the key's shard and the
 * shard's replicas, sends the operation to every replica it believes up, and answers after
 * {@code writeQuorum} acknowledgements (a write) or {@code readQuorum} replies (a read, with the
 * newest version among them). With R + W > N every read quorum overlaps the last write quorum,
 * so a read sees the latest acknowledged write. When fewer replicas than the quorum are up or
 * answer within the timeout, the request fails (unavailable) rather than guess; with
 * {@code sloppy} the coordinator settles for any replica that answers instead, trading
 * consistency (stale reads) for availability. Writes carry a version from the coordinator's
 * local clock, so clock skew can order writes wrongly, as it does in real last-writer-wins
 * stores.
 *
 * <p><b>Repair.</b> After a read the coordinator waits for the remaining replicas (up to the
 * timeout) and writes the newest value back to any that answered older (read repair), and to any
 * whose block failed its checksum (corruption repair, whatever {@code readRepair} says).
 *
 * <p><b>Replica.</b> Each replica operation costs CPU work, then goes to disk: a write stores a
 * block (version, value) if it is newer than what the replica holds, and is acknowledged when
 * durable by the {@link FsyncPolicy}; a read reads the block. Without checksums a damaged block
 * is served as if fine; with them it is reported, forgotten and repaired. The node keeps an index
 * of (version, value) per key in memory, rebuilt from disk on restart (it serves nothing until
 * then).
 *
 * <p><b>Heartbeats and anti-entropy.</b> With {@code heartbeat} set, every node sends a heartbeat
 * to every peer each interval (through its CPU queue, so an overloaded node is late) and skips
 * peers it has not heard from within the timeout. Catching up uses anti-entropy, not hinted
 * handoff: a node that restarts asks the peers it shares shards with for everything they hold of
 * those shards, and a node that sees a suspected peer come back pushes it the same. Without
 * heartbeats nobody notices a peer come back from a partition, and only read repair mends it.
 */
public final class KvNode implements Process {
  private static final Object HEARTBEAT = new Object() {
    @Override
    public String toString() {
      return "heartbeat";
    }
  };
  private static final Object FSYNC = new Object() {
    @Override
    public String toString() {
      return "periodic fsync";
    }
  };
  /** A replica's version in a pending read: it answered that its block was damaged. */
  private static final long CORRUPT = -2;
  /** A replica's version in a pending read: no answer (yet). */
  private static final long NO_REPLY = -1;

  private final KvTier tier;
  private final KvConfig config;
  private final int self;
  private final DetectionObserver observer;
  /** Pending coordinated operations by id; looked up only. */
  private final Map<Long, Pending> pending = new HashMap<>();
  private final Map<Integer, Integer> indexOfNode = new HashMap<>();
  private Context ctx;
  private int[] nodeIds;
  private long[] version;
  private long[] value;
  private boolean ready;
  private int recoveryReadsLeft;
  private FailureDetector detector;
  private ContinuousSampler work;
  private long nextOp = 1;
  private long lastVersion;
  private long heartbeatSeq;

  /**
   * @param index this node's index in the tier
   * @param observer where this node's verdicts on its peers go, for the experiment
   */
  public KvNode(KvTier tier, int index, DetectionObserver observer) {
    this.tier = Objects.requireNonNull(tier, "tier");
    this.config = tier.config();
    this.self = index;
    this.observer = Objects.requireNonNull(observer, "observer");
  }

  // ---------------------------------------------------------------- start and recovery

  @Override
  public void onStart(Context context) {
    ctx = context;
    work = config.workNanos().sampler(ctx.rng().fork("work"));
    nodeIds = new int[config.nodes().size()];
    for (int i = 0; i < nodeIds.length; i++) {
      nodeIds[i] = ctx.nodeId(config.nodes().get(i));
      indexOfNode.put(nodeIds[i], i);
    }
    version = new long[config.keys()];
    value = new long[config.keys()];
    if (config.heartbeat() != null) {
      detector = new FailureDetector(nodeIds.length, config.heartbeat().timeoutNanos(),
          ctx.now(), new FailureDetector.Listener() {
            @Override
            public void suspected(int peer) {
              ctx.log("suspecting " + config.nodes().get(peer));
              observer.suspected(nodeIds[peer]);
            }

            @Override
            public void trusted(int peer) {
              ctx.log("trusting " + config.nodes().get(peer) + " again; syncing it");
              observer.trusted(nodeIds[peer]);
              pushSync(peer);
            }
          });
      ctx.setTimer(config.heartbeat().intervalNanos(), HEARTBEAT);
    }
    if (config.fsync().mode() == FsyncPolicy.Mode.PERIODIC) {
      ctx.setTimer(config.fsync().periodNanos(), FSYNC);
    }
    recover();
  }

  /** Rebuilds the in-memory index from disk, then (after a restart) asks peers to catch up. */
  private void recover() {
    List<String> blocks = ctx.disk().keys();
    recoveryReadsLeft = blocks.size();
    if (recoveryReadsLeft == 0) {
      recovered();
      return;
    }
    for (String block : blocks) {
      int key = keyOf(block);
      ctx.disk().read(block, read -> {
        if (key >= 0 && key < version.length && read.ok()) {
          version[key] = StoredValue.version(read.value());
          value[key] = StoredValue.valueSeen(read.value());
        }
        if (--recoveryReadsLeft == 0) {
          recovered();
        }
      });
    }
  }

  private void recovered() {
    ready = true;
    if (ctx.recovering()) {
      ctx.log("recovered from disk; asking peers for what was missed");
      for (int peer = 0; peer < nodeIds.length; peer++) {
        if (peer != self && tier.placement().share(self, peer)) {
          ctx.send(nodeIds[peer], new KvMessages.SyncRequest(peer));
        }
      }
    }
  }

  // ---------------------------------------------------------------- messages

  @Override
  public void onMessage(Context context, Message m) {
    if (HealthCheck.answerPing(ctx, m)) {
      return;
    }
    Object p = m.payload();
    if (p instanceof Request r) {
      coordinate(m.from(), r);
      return;
    }
    Integer from = indexOfNode.get(m.from());
    if (from == null) {
      return; // not from this tier
    }
    if (detector != null) {
      detector.heard(from, ctx.now()); // any message is a sign of life
    }
    if (p instanceof KvMessages.Heartbeat) {
      return;
    }
    if (isDamaged(p) && config.checksums()) {
      tier.stats().count(KvStats.Counter.CORRUPT_MESSAGES_DISCARDED, self);
      return;
    }
    if (p instanceof KvMessages.ReplicaWrite w) {
      long v = w.damaged() ? Values.garble(w.value()) : w.value();
      replicaWrite(m.from(), w.op(), w.key(), w.version(), v);
    } else if (p instanceof KvMessages.ReplicaRead rr) {
      replicaRead(m.from(), rr.op(), rr.key());
    } else if (p instanceof KvMessages.ReplicaReply reply) {
      onReply(from, reply);
    } else if (p instanceof KvMessages.SyncRequest) {
      pushSync(from);
    } else if (p instanceof KvMessages.SyncEntries e) {
      applySync(e);
    }
  }

  private static boolean isDamaged(Object p) {
    return p instanceof KvMessages.ReplicaWrite w && w.damaged()
        || p instanceof KvMessages.ReplicaRead r && r.damaged()
        || p instanceof KvMessages.ReplicaReply y && y.damaged()
        || p instanceof KvMessages.SyncEntries e && e.damaged();
  }

  @Override
  public void onTimer(Context context, Object tag) {
    if (tag == HEARTBEAT) {
      heartbeat();
    } else if (tag == FSYNC) {
      ctx.disk().fsync(null);
      ctx.setTimer(config.fsync().periodNanos(), FSYNC);
    } else if (tag instanceof Pending p && pending.containsKey(p.id)) {
      finish(p);
    }
  }

  private void heartbeat() {
    long seq = heartbeatSeq++;
    // Sent from the CPU queue: a node too busy to work is too busy to say it is alive.
    ctx.compute(0, () -> {
      for (int peer = 0; peer < nodeIds.length; peer++) {
        if (peer != self) {
          ctx.send(nodeIds[peer], new KvMessages.Heartbeat(seq));
        }
      }
    });
    detector.heard(self, ctx.now()); // a node never suspects itself
    detector.sweep(ctx.now());
    ctx.setTimer(config.heartbeat().intervalNanos(), HEARTBEAT);
  }

  // ---------------------------------------------------------------- coordinator

  private void coordinate(int caller, Request r) {
    if (!ready || r.key() < 0 || r.key() >= config.keys()) {
      ctx.send(caller, new Response(r.id(), false));
      return;
    }
    tier.stats().count(KvStats.Counter.COORDINATED, self);
    int[] replicas = tier.placement().replicasOf(tier.placement().shardOf(r.key()));
    int up = 0;
    for (int n : replicas) {
      if (believedUp(n)) {
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
    Pending p = new Pending(nextOp++, caller, r, replicas, Math.min(needed, up));
    pending.put(p.id, p);
    if (r.op() == Request.Op.WRITE) {
      p.newestVersion = nextVersion();
      p.newestValue = r.damaged() ? Values.garble(r.value()) : r.value();
    }
    for (int i = 0; i < replicas.length; i++) {
      int n = replicas[i];
      if (!believedUp(n)) {
        p.versions[i] = NO_REPLY;
        continue;
      }
      p.sent++;
      if (r.op() == Request.Op.WRITE) {
        sendWrite(n, p.id, r.key(), p.newestVersion, p.newestValue);
      } else if (n == self) {
        replicaRead(nodeIds[self], p.id, r.key());
      } else {
        ctx.send(nodeIds[n], new KvMessages.ReplicaRead(p.id, r.key(), false));
      }
    }
    p.timeout = ctx.setTimer(config.timeoutNanos(), p);
  }

  private boolean believedUp(int node) {
    return node == self || detector == null || !detector.isSuspected(node);
  }

  private void sendWrite(int node, long op, int key, long v, long val) {
    if (node == self) {
      replicaWrite(nodeIds[self], op, key, v, val);
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

  private void onReply(int from, KvMessages.ReplicaReply reply) {
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
      if (p.request.op() != Request.Op.WRITE) {
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
      answer(p, true);
    }
    if (p.received == p.sent) {
      finish(p);
    }
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
    pending.remove(p.id);
    if (p.timeout != null) {
      ctx.cancel(p.timeout);
    }
    if (!p.answered) {
      boolean settle = (config.sloppy() || p.request.op() == Request.Op.READ_ALL) && p.acks > 0;
      answer(p, settle);
    }
    if (p.request.op() == Request.Op.WRITE || p.newestVersion <= 0) {
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

  // ---------------------------------------------------------------- replica

  private void replicaWrite(int coordinator, long op, int key, long v, long val) {
    tier.stats().count(KvStats.Counter.REPLICA_WRITES, self);
    if (!ready || key < 0 || key >= version.length) {
      reply(coordinator, failure(op));
      return;
    }
    ctx.compute(Math.round(work.sample()), () -> {
      if (v <= version[key]) {
        reply(coordinator, ack(op));
        return;
      }
      version[key] = v;
      value[key] = val;
      store(key, v, val, status -> {
        boolean ok = status == DiskStatus.OK;
        reply(coordinator, ok ? ack(op)
            : failure(op));
      });
    });
  }

  /** Writes a block and calls {@code then} once it is as durable as the policy makes it. */
  private void store(int key, long v, long val, java.util.function.Consumer<DiskStatus> then) {
    ctx.disk().write(block(key), StoredValue.encode(v, val, config.valueBytes()), status -> {
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

  private void replicaRead(int coordinator, long op, int key) {
    tier.stats().count(KvStats.Counter.REPLICA_READS, self);
    if (!ready) {
      reply(coordinator, failure(op));
      return;
    }
    ctx.compute(Math.round(work.sample()), () -> ctx.disk().read(block(key),
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
      version[key] = 0;
      value[key] = History.NONE;
      return new KvMessages.ReplicaReply(op, false, true, 0, 0, false, 0, false);
    }
    return failure(op);
  }

  private void reply(int coordinator, KvMessages.ReplicaReply reply) {
    if (coordinator == nodeIds[self]) {
      if (reply.op() != 0) {
        onReply(self, reply);
      }
    } else if (reply.op() != 0) {
      ctx.send(coordinator, reply);
    }
  }

  // ---------------------------------------------------------------- anti-entropy

  /** Sends {@code peer} every key this node holds of the shards they share. */
  private void pushSync(int peer) {
    if (!ready || peer == self) {
      return;
    }
    Placement placement = tier.placement();
    int count = 0;
    for (int s : placement.shardsOf(self)) {
      if (holds(peer, s)) {
        for (int key : tier.keysOfShard(s)) {
          if (version[key] > 0) {
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
          if (version[key] > 0) {
            keys[k] = key;
            versions[k] = version[key];
            values[k] = value[key];
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

  private void applySync(KvMessages.SyncEntries e) {
    if (!ready) {
      return;
    }
    int applied = 0;
    for (int i = 0; i < e.keys().length; i++) {
      int key = e.keys()[i];
      long v = e.versions()[i];
      if (key < 0 || key >= version.length || v <= version[key]) {
        continue;
      }
      // Unchecked damage lands somewhere in the message: take it to be the middle entry.
      long val = e.damaged() && i == e.keys().length / 2 ? Values.garble(e.values()[i])
          : e.values()[i];
      version[key] = v;
      value[key] = val;
      store(key, v, val, null);
      applied++;
    }
    if (applied > 0) {
      tier.stats().add(KvStats.Counter.SYNCED_KEYS, self, applied);
      ctx.log("caught up " + applied + " keys");
    }
  }

  // ---------------------------------------------------------------- helpers

  private static String block(int key) {
    return "k" + key;
  }

  private static int keyOf(String block) {
    try {
      return block.startsWith("k") ? Integer.parseInt(block.substring(1)) : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** One coordinated operation; the tag of its timeout. */
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
    Timer timeout;

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
      return "timeout of " + request.op() + " " + id;
    }
  }
}
