package dev.dsim.scenario;

import dev.dsim.world.PriceRule;
import dev.dsim.world.Contention;
import dev.dsim.world.DiskConfig;
import dev.dsim.world.NodeConfig;
import java.util.Objects;

/**
 * What each node of a tier is, whatever the tier runs: its cores and their speed, the largest
 * node this tier can have, how its cores slow each other, its price, its disk, and its local
 * clock (which starts {@code clockOffsetNanos} off and drifts by {@code clockDriftPpm}).
 *
 * @param maxCores the scale-up ceiling: the most cores a node of this tier can have (0: none)
 * @param contention how the cores of one node slow each other (Universal Scalability Law)
 * @param pricePerHour cost of one node per hour
 * @param memoryBytes the node's memory: it prices the node, and nothing else (dsim does not
 *     model memory pressure)
 */
public record Hardware(int cores, double speed, int maxCores, Contention contention,
    double pricePerHour, long memoryBytes, DiskConfig disk, long clockOffsetNanos,
    double clockDriftPpm) {
  public Hardware {
    Objects.requireNonNull(contention, "contention");
    Objects.requireNonNull(disk, "disk");
    if (cores < 1 || !(speed > 0) || memoryBytes < 0) {
      throw new IllegalArgumentException("a node needs cores >= 1 and speed > 0");
    }
  }

  /**
   * Default hardware with {@code cores} cores of {@code speed}: the default memory, priced by
   * the default rule ({@link PriceRule#DEFAULT}), exact clock.
   */
  public static Hardware of(int cores, double speed) {
    return new Hardware(cores, speed, 0, Contention.NONE, PriceRule.DEFAULT.price(cores, speed),
        PriceRule.defaultMemory(cores), DiskConfig.DEFAULT, 0, 0);
  }

  /** The world's configuration of one such node. */
  public NodeConfig node() {
    return new NodeConfig(cores, speed, contention, disk, pricePerHour);
  }

  /** The same hardware with another disk (a kv tier's checksums are the tier's setting). */
  Hardware withDisk(DiskConfig d) {
    return new Hardware(cores, speed, maxCores, contention, pricePerHour, memoryBytes, d,
        clockOffsetNanos, clockDriftPpm);
  }
}
