package dev.dsim.scenario;

import java.util.Objects;

/**
 * Open-loop clients: arrival process, rate in requests per second, timeout (0 = none).
 */
public record ClientsSpec(Arrival arrival, double ratePerSecond, long timeoutNanos) {
  public ClientsSpec {
    Objects.requireNonNull(arrival, "arrival");
  }
}
