package dev.dsim.scenario;

import dev.dsim.service.HealthCheck;
import dev.dsim.service.kv.FsyncPolicy;
import dev.dsim.service.kv.Placement;
import dev.dsim.service.swim.SwimConfig;
import java.util.Objects;

/**
 * The settings of a tier of kind {@code kv}: sharding, replication, quorums, durability,
 * failure detection and checksums (see {@link dev.dsim.service.kv.KvNode}).
 *
 * @param readWriteBack reads write the value they return to a write quorum before answering
 *     (linearizable quorum reads)
 * @param heartbeat null: no heartbeats between replicas
 * @param swim null: no SWIM failure detection (at most one of heartbeat and swim is set)
 * @param timeoutNanos how long a coordinator waits for replicas
 */
public record KvSpec(int replication, int shards, Placement.Strategy placement, int vnodes,
    int readQuorum, int writeQuorum, boolean sloppy, boolean readRepair, boolean readWriteBack,
    FsyncPolicy fsync,
    HealthCheck heartbeat, SwimConfig swim, boolean checksums, long timeoutNanos) {
  public KvSpec {
    Objects.requireNonNull(placement, "placement");
    Objects.requireNonNull(fsync, "fsync");
    if (heartbeat != null && swim != null) {
      throw new IllegalArgumentException("one failure detector: heartbeat or swim, not both");
    }
  }

  /** True when the replicas run a failure detector (heartbeats or SWIM). */
  public boolean detectsFailures() {
    return heartbeat != null || swim != null;
  }
}
