package dev.dsim.service.kv;

import dev.dsim.engine.Distribution;
import dev.dsim.service.HealthCheck;
import dev.dsim.service.swim.SwimConfig;
import dev.dsim.service.swim.SwimDetector;
import java.util.List;
import java.util.Objects;

/**
 * One key-value tier, as every node of it sees it.
 *
 * @param nodes the tier's nodes, by index
 * @param keys keys are 0 … keys-1
 * @param valueBytes size of each value on disk and on the wire
 * @param workNanos CPU work of one replica read or write at speed 1
 * @param placement where each shard lives
 * @param readQuorum replies a read waits for (R)
 * @param writeQuorum acknowledgements a write waits for (W)
 * @param sloppy when a quorum cannot be had, settle for any replica that answers
 * @param readRepair after a read, write the newest value to replicas that answered older
 * @param readWriteBack before answering a read, write the newest value read to a write quorum
 *     (ABD's second phase): no later read can then return an older value, which makes quorum
 *     reads and writes linearizable, at the cost of a round trip on reads that saw stale replicas
 * @param fsync when writes become durable
 * @param heartbeat heartbeats between replicas; null for none (then down replicas are not
 *     skipped, and nothing catches a replica up after a partition)
 * @param swim failure detection by SWIM instead of heartbeats ({@link SwimDetector}): a
 *     constant number of messages per node and period, whatever the tier's size; null for none
 * @param checksums checksums on stored blocks and on the tier's messages
 * @param timeoutNanos how long a coordinator waits for replicas
 */
public record KvConfig(List<String> nodes, int keys, int valueBytes, Distribution workNanos,
    Placement placement, int replication, int readQuorum, int writeQuorum, boolean sloppy,
    boolean readRepair, boolean readWriteBack, FsyncPolicy fsync, HealthCheck heartbeat, SwimConfig swim,
    boolean checksums, long timeoutNanos) {

  public KvConfig {
    nodes = List.copyOf(nodes);
    Objects.requireNonNull(workNanos, "workNanos");
    Objects.requireNonNull(placement, "placement");
    Objects.requireNonNull(fsync, "fsync");
    if (heartbeat != null && swim != null) {
      throw new IllegalArgumentException("one failure detector: heartbeat or swim, not both");
    }
    if (keys < 1 || valueBytes < 1 || timeoutNanos <= 0) {
      throw new IllegalArgumentException("need keys >= 1, valueBytes >= 1, timeout > 0");
    }
    if (readQuorum < 1 || readQuorum > replication || writeQuorum < 1
        || writeQuorum > replication) {
      throw new IllegalArgumentException("quorums must be between 1 and replication ("
          + replication + "): R=" + readQuorum + " W=" + writeQuorum);
    }
  }
}
