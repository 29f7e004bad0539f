package dev.dsim.scenario;

import java.util.Objects;

/**
 * A stateless tier's call to the next tier: which tier, how long to wait for each call, and how
 * many other nodes of it to try after a failed call.
 */
public record TierCall(String tier, long timeoutNanos, int retries) {
  public TierCall {
    Objects.requireNonNull(tier, "tier");
  }
}
