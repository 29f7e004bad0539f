package dev.dsim.run.theory;

import java.io.Serializable;

/**
 * How loaded a tier is: the requests per second offered to it and the most it can complete
 * (nodes × cores × speed / mean work, less what contention costs), the saturation rate.
 *
 * @param perRequest what each request costs the tier, in words ("8 ms of work")
 */
public record TierLoad(String tier, double offeredPerSecond, double capacityPerSecond,
    String perRequest) implements Serializable {
  /** Offered load over capacity: below 1 a steady state exists, at or above 1 none does. */
  public double loadFactor() {
    return offeredPerSecond / capacityPerSecond;
  }

  /** True when the tier gets more than it can do: queues grow without bound. */
  public boolean overloaded() {
    return !(loadFactor() < 1);
  }

  /** The warning for an overloaded tier, with its figures. */
  public String warning() {
    return "tier \"" + tier + "\" is offered " + Format.number(offeredPerSecond)
        + " requests/s but can complete at most " + Format.number(capacityPerSecond)
        + "/s (" + perRequest + "): load " + Format.number(loadFactor())
        + "x its capacity, so its queue grows for as long as the run lasts (no steady state)";
  }
}
