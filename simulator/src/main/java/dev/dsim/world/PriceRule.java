package dev.dsim.world;

/**
 * How a node is priced when its tier gives no price of its own: {@code perNode + perCoreHour ×
 * cores × speed + perGiBHour × memory in GiB}, per hour, in {@code currency}. The fixed part per
 * node stands for what every machine costs whatever its size (its operating system, agents,
 * monitoring, an operator's care); without it one 32-core box and eight 4-core boxes cost the
 * same, and "which is cheaper" has no answer. The defaults are close to on-demand
 * general-purpose cloud instances in USD: with 4 GiB per core, 0.05 per core-hour, plus 0.01 per
 * node.
 *
 * @param currency the currency of every price, as reports show it
 * @param perNode the fixed price of one node per hour
 * @param perCoreHour the price of one core of speed 1 per hour
 * @param perGiBHour the price of one GiB of memory per hour
 */
public record PriceRule(String currency, double perNode, double perCoreHour,
    double perGiBHour) {
  /** Memory per core when neither the tier nor its instance type says. */
  public static final long DEFAULT_MEMORY_PER_CORE = 4L << 30;
  /** The default rule. */
  public static final PriceRule DEFAULT = new PriceRule("USD", 0.01, 0.032, 0.0045);

  public PriceRule {
    java.util.Objects.requireNonNull(currency, "currency");
    for (double v : new double[] {perNode, perCoreHour, perGiBHour}) {
      if (!(v >= 0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException("prices must be finite numbers >= 0");
      }
    }
  }

  /** The price per hour of a node of {@code cores} cores of {@code speed} and this memory. */
  public double price(int cores, double speed, long memoryBytes) {
    return perNode + perCoreHour * cores * speed + perGiBHour * (memoryBytes / (double) (1L << 30));
  }

  /** The default memory of a node of {@code cores} cores. */
  public static long defaultMemory(int cores) {
    return cores * DEFAULT_MEMORY_PER_CORE;
  }

  /** The price of a node of {@code cores} cores of {@code speed}, with the default memory. */
  public double price(int cores, double speed) {
    return price(cores, speed, defaultMemory(cores));
  }
}
