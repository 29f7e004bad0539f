package dev.dsim.scenario;

import dev.dsim.service.HealthCheck;
import dev.dsim.service.kv.FsyncPolicy;
import dev.dsim.service.kv.Placement;
import java.util.Objects;

/**
 * The settings of a tier of kind {@code kv}: sharding, replication, quorums, durability,
 * failure detection and checksums (see {@link dev.dsim.service.kv.KvNode}).
 *
 * @param readWriteBack reads write the value they return to a write quorum before answering
 *     (linearizable quorum reads)
 * @param heartbeat null: no heartbeats between replicas
 * @param timeoutNanos how long a coordinator waits for replicas
 */
public record KvSpec(int replication, int shards, Placement.Strategy placement, int vnodes,
    int readQuorum, int writeQuorum, boolean sloppy, boolean readRepair, boolean readWriteBack,
    FsyncPolicy fsync,
    HealthCheck heartbeat, boolean checksums, long timeoutNanos) {
  public KvSpec {
    Objects.requireNonNull(placement, "placement");
    Objects.requireNonNull(fsync, "fsync");
  }
}
