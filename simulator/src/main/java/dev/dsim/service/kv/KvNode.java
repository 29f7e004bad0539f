package dev.dsim.service.kv;

import dev.dsim.service.DetectionObserver;
import dev.dsim.service.FailureDetector;
import dev.dsim.service.HealthCheck;
import dev.dsim.service.Request;
import dev.dsim.service.Values;
import dev.dsim.service.swim.SwimDetector;
import dev.dsim.world.Context;
import dev.dsim.world.Message;
import dev.dsim.world.Process;
import java.util.Objects;

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
 * With {@code swim} instead, failures are detected by the SWIM protocol ({@link SwimDetector}):
 * each node probes one peer per period, so the detector's cost per node does not grow with the
 * tier; its verdicts are used the same way.
 *
 * <p>This class is the process: it starts the node, runs the heartbeats and dispatches what
 * arrives to the three roles, {@link KvCoordinator}, {@link KvReplica} and
 * {@link KvAntiEntropy}.
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

  private final KvTier tier;
  private final KvConfig config;
  private final int self;
  private final DetectionObserver observer;
  private Context ctx;
  /** The world's node id of each tier index (the tier's shared array). */
  private int[] nodeIds;
  private FailureDetector detector;
  private SwimDetector swim;
  private KvReplica replica;
  private KvCoordinator coordinator;
  private KvAntiEntropy antiEntropy;
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

  // ---------------------------------------------------------------- start

  @Override
  public void onStart(Context context) {
    ctx = context;
    replica = new KvReplica(tier, self, ctx.self().id(), ctx,
        config.workNanos().sampler(ctx.rng().fork("work")));
    nodeIds = tier.nodeIds(ctx);
    coordinator = new KvCoordinator(tier, self, ctx, nodeIds, replica, this::believedUp);
    replica.answerLocallyTo(coordinator);
    antiEntropy = new KvAntiEntropy(tier, self, ctx, nodeIds, replica);
    if (config.heartbeat() != null) {
      detector = new FailureDetector(nodeIds.length, config.heartbeat().timeoutNanos(),
          ctx.now(), verdicts());
      ctx.setTimer(config.heartbeat().intervalNanos(), HEARTBEAT);
    } else if (config.swim() != null) {
      swim = new SwimDetector(ctx, self, nodeIds, tier::indexOfNode, config.swim(),
          ctx.rng().fork("swim"), verdicts());
      swim.start();
    }
    if (config.fsync().mode() == FsyncPolicy.Mode.PERIODIC) {
      ctx.setTimer(config.fsync().periodNanos(), FSYNC);
    }
    // Rebuilds the index from disk; after a restart, then asks the peers to catch it up.
    replica.recover(() -> {
      if (ctx.recovering()) {
        antiEntropy.askPeers();
      }
    });
  }

  /** What the node does when its detector changes its mind about a peer. */
  private FailureDetector.Listener verdicts() {
    return new FailureDetector.Listener() {
      @Override
      public void suspected(int peer) {
        ctx.log("suspecting " + config.nodes().get(peer));
        observer.suspected(nodeIds[peer]);
      }

      @Override
      public void trusted(int peer) {
        ctx.log("trusting " + config.nodes().get(peer) + " again; syncing it");
        observer.trusted(nodeIds[peer]);
        antiEntropy.push(peer);
      }
    };
  }

  private boolean believedUp(int node) {
    if (node == self) {
      return true;
    }
    return detector != null ? !detector.isSuspected(node)
        : swim == null || !swim.isSuspected(node);
  }

  // ---------------------------------------------------------------- messages and timers

  @Override
  public void onMessage(Context context, Message m) {
    if (HealthCheck.answerPing(ctx, m) || swim != null && swim.onMessage(m)) {
      return;
    }
    Object p = m.payload();
    if (p instanceof Request r) {
      coordinator.coordinate(m.from(), r);
      return;
    }
    int from = tier.indexOfNode(m.from());
    if (from < 0) {
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
      replica.write(m.from(), w.op(), w.key(), w.version(), v);
    } else if (p instanceof KvMessages.ReplicaRead rr) {
      replica.read(m.from(), rr.op(), rr.key());
    } else if (p instanceof KvMessages.ReplicaReply reply) {
      coordinator.onReply(from, reply);
    } else if (p instanceof KvMessages.SyncRequest) {
      antiEntropy.push(from);
    } else if (p instanceof KvMessages.SyncEntries e) {
      antiEntropy.apply(e);
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
    if (swim != null && swim.onTimer(tag)) {
      return;
    }
    if (tag == HEARTBEAT) {
      heartbeat();
    } else if (tag == FSYNC) {
      ctx.disk().fsync(null);
      ctx.setTimer(config.fsync().periodNanos(), FSYNC);
    } else {
      coordinator.onTimer(tag);
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
}
