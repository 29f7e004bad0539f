package dev.dsim.scenario;

import dev.dsim.engine.Distribution;
import java.util.Objects;

/**
 * The network: per-message latency in nanoseconds (default: constant 0), and the probabilities
 * that a message is lost or duplicated (default 0).
 */
public record NetworkSpec(Distribution latencyNanos, double loss, double duplicate) {
  public NetworkSpec {
    Objects.requireNonNull(latencyNanos, "latencyNanos");
  }
}
