package dev.dsim.world;

import java.util.Objects;

/**
 * The hardware of one node: its processor, its disk and what it costs.
 *
 * @param cores identical cores
 * @param speed work units per second per core (1 = the reference machine)
 * @param contention how the cores slow each other down (Universal Scalability Law)
 * @param disk the node's disk
 * @param pricePerHour what the node costs per hour it exists (up or down), in any currency
 */
public record NodeConfig(int cores, double speed, Contention contention, DiskConfig disk,
    double pricePerHour) {
  public NodeConfig {
    if (cores < 1) {
      throw new IllegalArgumentException("cores must be >= 1: " + cores);
    }
    if (!(speed > 0) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("speed must be a finite number > 0: " + speed);
    }
    Objects.requireNonNull(contention, "contention");
    Objects.requireNonNull(disk, "disk");
    if (!(pricePerHour >= 0) || Double.isInfinite(pricePerHour)) {
      throw new IllegalArgumentException("price must be a finite number >= 0: " + pricePerHour);
    }
  }

  /**
   * A node with linear scaling, the default disk, and the price {@link PriceRule#DEFAULT} gives
   * its cores and speed (with the default memory).
   */
  public static NodeConfig of(int cores, double speed) {
    return new NodeConfig(cores, speed, Contention.NONE, DiskConfig.DEFAULT,
        PriceRule.DEFAULT.price(cores, speed));
  }
}
