package dev.dsim.world;

import java.util.Objects;
import dev.dsim.engine.Distribution;

/**
 * A directed link that differs from the rest of the network (a slow cross-zone link, a lossy
 * WAN hop): its own latency, bandwidth and loss, replacing the network-wide values.
 *
 * @param latencyNanos per-message latency on this link
 * @param bitsPerSecond bandwidth of this link; 0 for unlimited
 * @param loss probability that a message on this link is lost
 */
public record LinkConfig(Distribution latencyNanos, double bitsPerSecond, double loss) {
  public LinkConfig {
    Objects.requireNonNull(latencyNanos, "latencyNanos");
    if (!(bitsPerSecond >= 0) || Double.isInfinite(bitsPerSecond)) {
      throw new IllegalArgumentException("bandwidth must be finite and >= 0: " + bitsPerSecond);
    }
    NetworkConfig.requireProbability("loss", loss);
  }
}
