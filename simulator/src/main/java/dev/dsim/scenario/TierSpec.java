package dev.dsim.scenario;

import dev.dsim.engine.Distribution;
import dev.dsim.world.Contention;
import dev.dsim.world.DiskConfig;
import dev.dsim.world.NodeConfig;
import java.util.Objects;

/**
 * A tier: {@code nodes} identical nodes named {@code <name>-1 … <name>-n}, each with
 * {@code cores} cores of {@code speed}, doing {@code workNanos} of work (at speed 1) per request,
 * with local clocks that start {@code clockOffsetNanos} off and drift by {@code clockDriftPpm}.
 *
 * @param contention how the cores of one node slow each other (Universal Scalability Law)
 * @param maxCores the largest node this tier can have (0: no ceiling); checked when bound
 * @param pricePerHour cost of one node per hour
 * @param disk each node's disk
 * @param files for a static tier, how many files each node serves
 * @param fileBytes for a static tier, the size of each file
 * @param calls for a stateless tier, the tier it calls for every request (null: none)
 * @param kv for a key-value tier, its settings (null for other kinds)
 * @param process for a process tier, the user's class and settings (null for other kinds)
 */
public record TierSpec(String name, TierKind kind, int nodes, int cores, double speed,
    Distribution workNanos, long clockOffsetNanos, double clockDriftPpm, Contention contention,
    int maxCores, double pricePerHour, DiskConfig disk, int files, int fileBytes,
    TierCall calls, KvSpec kv, ProcessSpec process) {
  public static final int DEFAULT_FILES = 1000;
  public static final int DEFAULT_FILE_BYTES = 4096;

  public TierSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(workNanos, "workNanos");
    Objects.requireNonNull(contention, "contention");
    Objects.requireNonNull(disk, "disk");
    if ((kind == TierKind.KV) != (kv != null)) {
      throw new IllegalArgumentException("kv settings go with kind kv, and only with it");
    }
    if ((kind == TierKind.PROCESS) != (process != null)) {
      throw new IllegalArgumentException("a process class goes with kind process, and only "
          + "with it");
    }
  }

  /** A tier of default hardware for its cores, whose clocks are exact. */
  public TierSpec(String name, TierKind kind, int nodes, int cores, double speed,
      Distribution workNanos) {
    this(name, kind, nodes, cores, speed, workNanos, 0, 0, Contention.NONE, 0,
        cores * NodeConfig.DEFAULT_PRICE_PER_CORE_HOUR, DiskConfig.DEFAULT, DEFAULT_FILES,
        DEFAULT_FILE_BYTES, null, null, null);
  }

  /** The hardware of each node of this tier. */
  public NodeConfig hardware() {
    return new NodeConfig(cores, speed, contention, disk, pricePerHour);
  }
}
