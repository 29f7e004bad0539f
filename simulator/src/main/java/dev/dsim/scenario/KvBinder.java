package dev.dsim.scenario;

import dev.dsim.engine.Durations;
import dev.dsim.service.HealthCheck;
import dev.dsim.service.kv.FsyncPolicy;
import dev.dsim.service.kv.Placement;
import dev.dsim.service.swim.SwimConfig;
import dev.dsim.scenario.format.Fsync;
import dev.dsim.scenario.format.PositiveDuration;
import dev.dsim.scenario.format.Tier.KvTier;

/**
 * Binds the keys of a tier of kind {@code kv} (replication, shards, placement, vnodes, quorums,
 * sloppy, readRepair, readWriteBack, fsync, heartbeat, swim, checksums, timeout), and the health-check objects that
 * load balancers share with it. Checks the rules that make a store meaningful: replication no
 * more than the nodes, quorums no more than the replication.
 */
final class KvBinder {
  static final long DEFAULT_TIMEOUT = 500_000_000L;
  static final int DEFAULT_VNODES = 64;
  static final int DEFAULT_SHARDS_PER_NODE = 8;
  static final int DEFAULT_INDIRECT_PROBES = 3;

  private final Problems problems;

  KvBinder(Problems problems) {
    this.problems = problems;
  }

  /** The store of a kv tier of {@code nodes} nodes at {@code path}. */
  KvSpec bind(KvTier t, String path, int nodes) {
    long replication = TierBinder.or(t.replication(), (long) Math.min(3, nodes));
    if (replication > Limits.REPLICATION) {
      error(path, "replication", "at most " + Limits.REPLICATION + " replicas, got "
          + Limits.count(replication), "real stores keep 3 to 5 copies; every operation talks "
          + "to each replica");
      replication = Math.min(3, nodes);
    } else if (replication > nodes) {
      error(path, "replication", "replication " + replication + " needs at least "
          + replication + " nodes, the tier has " + nodes, "each replica of a shard lives on a "
          + "distinct node: add nodes or lower the replication");
      replication = Math.min(replication, nodes);
    }
    // Many more shards than nodes, as real stores use, so each node's share is even.
    long shards = TierBinder.or(t.shards(), (long) nodes * DEFAULT_SHARDS_PER_NODE);
    if (shards > Limits.SHARDS) {
      error(path, "shards", "at most " + Limits.count(Limits.SHARDS) + " shards, got "
          + Limits.count(shards), "a few per node evens out their load");
      shards = (long) nodes * DEFAULT_SHARDS_PER_NODE;
    } else if (shards * replication > Limits.SHARD_REPLICAS) {
      error(path, "shards", "at most " + Limits.count(Limits.SHARD_REPLICAS) + " shard "
          + "replicas (shards × replication), got " + Limits.count(shards * replication),
          "lower \"shards\" or \"replication\"");
      shards = (long) nodes * DEFAULT_SHARDS_PER_NODE;
    }
    Placement.Strategy placement = t.placement() == dev.dsim.scenario.format.Placement.HASH
        ? Placement.Strategy.HASH : Placement.Strategy.CONSISTENT;
    if (t.vnodes() != null && placement != Placement.Strategy.CONSISTENT) {
      error(path, "vnodes", "virtual nodes are for \"placement\": \"consistent\"", "drop it");
    }
    long vnodes = TierBinder.or(t.vnodes(), (long) DEFAULT_VNODES);
    if (vnodes > Limits.VNODES) {
      error(path, "vnodes", "at most " + Limits.count(Limits.VNODES) + " virtual nodes per "
          + "node, got " + Limits.count(vnodes), "the default, 64, already evens out the ring");
      vnodes = DEFAULT_VNODES;
    } else if (placement == Placement.Strategy.CONSISTENT
        && vnodes * nodes > Limits.RING_POINTS) {
      error(path, t.vnodes() != null ? "vnodes" : "nodes", "at most "
          + Limits.count(Limits.RING_POINTS) + " points on the ring (nodes × vnodes), got "
          + Limits.count(vnodes * nodes), "lower \"vnodes\": with many nodes, a few per node "
          + "even out the ring");
      vnodes = 1;
    }
    long majority = replication / 2 + 1;
    long r = quorum(path, "readQuorum", t.readQuorum(), majority, replication);
    long w = quorum(path, "writeQuorum", t.writeQuorum(), majority, replication);
    HealthCheck heartbeat = t.heartbeat() == null ? null
        : healthCheck(t.heartbeat(), Paths.child(path, "heartbeat"), problems);
    SwimConfig swim = null;
    if (t.swim() != null) {
      if (heartbeat != null) {
        error(path, "swim", "one failure detector per tier: \"heartbeat\" or \"swim\", not both",
            "drop \"heartbeat\" (every node to every peer) or \"swim\" (a constant cost per node)");
      } else {
        swim = swim(t.swim(), Paths.child(path, "swim"));
      }
    }
    long timeout = t.timeout() == null ? DEFAULT_TIMEOUT : Durations.parse(t.timeout().text());
    return new KvSpec((int) replication, (int) shards, placement, (int) vnodes, (int) r, (int) w,
        TierBinder.or(t.sloppy(), false), TierBinder.or(t.readRepair(), true),
        TierBinder.or(t.readWriteBack(), false), fsync(t.fsync()), heartbeat, swim,
        TierBinder.or(t.checksums(), true), timeout);
  }

  /** SWIM's settings read at {@code path}: a probe timeout shorter than the period. */
  private SwimConfig swim(dev.dsim.scenario.format.Swim s, String path) {
    long period = Durations.parse(s.period().text());
    long probeTimeout = s.probeTimeout() == null ? defaultProbeTimeout(period)
        : Durations.parse(s.probeTimeout().text());
    boolean ok = true;
    if (probeTimeout >= period) {
      error(path, "probeTimeout", "a probe timeout of " + Durations.format(probeTimeout)
          + " leaves no time in a period of " + Durations.format(period) + " for the indirect "
          + "probes", "make it a fraction of the period, e.g. a fifth; the default");
      ok = false;
    }
    long indirect = TierBinder.or(s.indirectProbes(), (long) DEFAULT_INDIRECT_PROBES);
    if (indirect > SwimConfig.MAX_INDIRECT_PROBES) {
      error(path, "indirectProbes", "at most " + SwimConfig.MAX_INDIRECT_PROBES
          + " indirect probes, got " + Limits.count(indirect), "a few (the default, 3) already "
          + "get around a bad link; more only add messages");
      ok = false;
    }
    return ok ? new SwimConfig(period, probeTimeout, (int) indirect) : null;
  }

  /** A fifth of the period: time for a round trip, and for the indirect probes after it. */
  static long defaultProbeTimeout(long periodNanos) {
    return Math.max(1, periodNanos / 5);
  }

  private long quorum(String path, String key, Long given, long fallback, long replication) {
    long q = TierBinder.or(given, fallback);
    if (q > replication) {
      error(path, key, key + " " + q + " is more than the " + replication + " replicas",
          "a quorum counts replies from the replicas of a shard: at most " + replication);
      return Math.min(q, replication);
    }
    return q;
  }

  private static FsyncPolicy fsync(Fsync f) {
    if (f == null || f == Fsync.FsyncMode.ALWAYS) {
      return FsyncPolicy.ALWAYS;
    }
    return f == Fsync.FsyncMode.NEVER ? FsyncPolicy.NEVER
        : FsyncPolicy.every(Durations.parse(((PositiveDuration) f).text()));
  }

  private void error(String path, String key, String message, String hint) {
    problems.atValue(Paths.child(path, key), message, hint);
  }

  /** A health check read at {@code path}: a timeout of at least the interval. */
  static HealthCheck healthCheck(dev.dsim.scenario.format.HealthCheck h, String path,
      Problems problems) {
    long interval = dev.dsim.engine.Durations.parse(h.interval().text());
    long timeout = dev.dsim.engine.Durations.parse(h.timeout().text());
    if (timeout < interval) {
      problems.atValue(Paths.child(path, "timeout"), "a timeout shorter than the interval "
          + "suspects every node between two checks", "make the timeout a few intervals, e.g. "
          + "3 × interval");
      return null;
    }
    return new HealthCheck(interval, timeout);
  }
}
