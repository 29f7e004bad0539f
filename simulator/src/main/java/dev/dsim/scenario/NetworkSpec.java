package dev.dsim.scenario;

import dev.dsim.engine.Distribution;
import java.util.Objects;

/** The network: per-message latency in nanoseconds (default: constant 0). */
public record NetworkSpec(Distribution latencyNanos) {
  public NetworkSpec {
    Objects.requireNonNull(latencyNanos, "latencyNanos");
  }
}
