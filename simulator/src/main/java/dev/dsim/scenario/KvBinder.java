package dev.dsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsim.engine.Durations;
import dev.dsim.service.HealthCheck;
import dev.dsim.service.kv.FsyncPolicy;
import dev.dsim.service.kv.Placement;
import java.util.List;

/**
 * Binds the keys of a tier of kind {@code kv} (replication, shards, placement, vnodes, quorums,
 * sloppy, readRepair, readWriteBack, fsync, heartbeat, checksums, timeout), and the health-check objects that
 * load balancers share with it. Checks the rules that make a store meaningful: replication no
 * more than the nodes, quorums no more than the replication.
 */
final class KvBinder {
  static final List<String> KEYS = List.of("replication", "shards", "placement", "vnodes",
      "readQuorum", "writeQuorum", "sloppy", "readRepair", "readWriteBack", "fsync", "heartbeat",
      "checksums", "timeout");
  static final long DEFAULT_TIMEOUT = 500_000_000L;
  static final int DEFAULT_VNODES = 64;
  static final int DEFAULT_SHARDS_PER_NODE = 8;

  private final Problems problems;

  KvBinder(Problems problems) {
    this.problems = problems;
  }

  /** Reports kv keys on a tier of another kind. */
  void rejectOn(Fields tier, TierKind kind) {
    for (String key : KEYS) {
      if (tier.has(key)) {
        tier.error(key, "'" + key + "' is for tiers of kind \"kv\", this one is \""
            + kind.jsonName() + "\"", "drop it, or set \"kind\": \"kv\"");
      }
    }
  }

  KvSpec bind(Fields f, int nodes) {
    long replication = f.integer("replication", Math.min(3, nodes), 1);
    if (replication > Limits.REPLICATION) {
      f.error("replication", "at most " + Limits.REPLICATION + " replicas, got "
          + Limits.count(replication), "real stores keep 3 to 5 copies; every operation talks "
          + "to each replica");
      replication = Math.min(3, nodes);
    } else if (replication > nodes) {
      f.error("replication", "replication " + replication + " needs at least " + replication
          + " nodes, the tier has " + nodes, "each replica of a shard lives on a distinct node: "
          + "add nodes or lower the replication");
      replication = Math.min(replication, nodes);
    }
    // Many more shards than nodes, as real stores use, so each node's share is even.
    long shards = f.integer("shards", (long) nodes * DEFAULT_SHARDS_PER_NODE, 1);
    if (shards > Limits.SHARDS) {
      f.error("shards", "at most " + Limits.count(Limits.SHARDS) + " shards, got "
          + Limits.count(shards), "a few per node evens out their load");
      shards = (long) nodes * DEFAULT_SHARDS_PER_NODE;
    } else if (shards * replication > Limits.SHARD_REPLICAS) {
      f.error("shards", "at most " + Limits.count(Limits.SHARD_REPLICAS) + " shard replicas "
          + "(shards × replication), got " + Limits.count(shards * replication),
          "lower \"shards\" or \"replication\"");
      shards = (long) nodes * DEFAULT_SHARDS_PER_NODE;
    }
    Placement.Strategy placement = Placement.Strategy.CONSISTENT;
    String p = f.string("placement", "consistent");
    switch (p) {
      case "consistent" -> placement = Placement.Strategy.CONSISTENT;
      case "hash" -> placement = Placement.Strategy.HASH;
      default -> f.error("placement", "expected \"hash\" or \"consistent\", got \"" + p + "\"",
          "\"consistent\": consistent hashing with virtual nodes; \"hash\": shard s on nodes "
              + "s, s+1, …");
    }
    if (f.has("vnodes") && placement != Placement.Strategy.CONSISTENT) {
      f.error("vnodes", "virtual nodes are for \"placement\": \"consistent\"", "drop it");
    }
    long vnodes = f.integer("vnodes", DEFAULT_VNODES, 1);
    if (vnodes > Limits.VNODES) {
      f.error("vnodes", "at most " + Limits.count(Limits.VNODES) + " virtual nodes per node, got "
          + Limits.count(vnodes), "the default, 64, already evens out the ring");
      vnodes = DEFAULT_VNODES;
    } else if (placement == Placement.Strategy.CONSISTENT && vnodes * nodes > Limits.RING_POINTS) {
      f.error(f.has("vnodes") ? "vnodes" : "nodes", "at most " + Limits.count(Limits.RING_POINTS)
          + " points on the ring (nodes × vnodes), got " + Limits.count(vnodes * nodes),
          "lower \"vnodes\": with many nodes, a few per node even out the ring");
      vnodes = 1;
    }
    long majority = replication / 2 + 1;
    long r = quorum(f, "readQuorum", majority, replication);
    long w = quorum(f, "writeQuorum", majority, replication);
    boolean sloppy = f.bool("sloppy", false);
    boolean readRepair = f.bool("readRepair", true);
    boolean readWriteBack = f.bool("readWriteBack", false);
    FsyncPolicy fsync = fsync(f);
    HealthCheck heartbeat = f.has("heartbeat") ? healthCheck(f, "heartbeat") : null;
    boolean checksums = f.bool("checksums", true);
    long timeout = f.duration("timeout", DEFAULT_TIMEOUT, true);
    return new KvSpec((int) replication, (int) shards, placement, (int) vnodes, (int) r, (int) w,
        sloppy, readRepair, readWriteBack, fsync, heartbeat, checksums, timeout);
  }

  private static long quorum(Fields f, String key, long fallback, long replication) {
    long q = f.integer(key, fallback, 1);
    if (q > replication) {
      f.error(key, key + " " + q + " is more than the " + replication + " replicas",
          "a quorum counts replies from the replicas of a shard: at most " + replication);
      return Math.min(q, replication);
    }
    return q;
  }

  private FsyncPolicy fsync(Fields f) {
    if (!f.has("fsync")) {
      return FsyncPolicy.ALWAYS;
    }
    JsonNode v = f.raw("fsync");
    String hint = "\"always\" (before acknowledging), \"never\", or a period like \"100ms\"";
    if (!v.isTextual()) {
      f.error("fsync", "expected \"always\", \"never\" or a period, got " + Fields.describe(v),
          hint);
      return FsyncPolicy.ALWAYS;
    }
    switch (v.textValue()) {
      case "always":
        return FsyncPolicy.ALWAYS;
      case "never":
        return FsyncPolicy.NEVER;
      default:
        try {
          long period = Durations.parse(v.textValue());
          if (period > 0) {
            return FsyncPolicy.every(period);
          }
        } catch (IllegalArgumentException e) {
          // reported below
        }
        f.error("fsync", "expected \"always\", \"never\" or a period > 0, got \""
            + v.textValue() + "\"", hint);
        return FsyncPolicy.ALWAYS;
    }
  }

  /** {@code {"interval": "1s", "timeout": "3s"}} at {@code key}; null if wrong. */
  HealthCheck healthCheck(Fields f, String key) {
    dev.dsim.scenario.format.HealthCheck h = DocumentReader.section(f.raw(key), f.pathOf(key),
        dev.dsim.scenario.format.HealthCheck.class, problems);
    return h == null ? null : healthCheck(h, f.pathOf(key), problems);
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
