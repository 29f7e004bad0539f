package dev.dsim.world;

import dev.dsim.engine.Distribution;
import java.util.Objects;

/**
 * How the network behaves when nothing is wrong with it: per-message latency, and the
 * probabilities that a message is lost or delivered twice.
 */
public record NetworkConfig(Distribution latencyNanos, double loss, double duplicate) {
  public NetworkConfig {
    Objects.requireNonNull(latencyNanos, "latencyNanos");
    requireProbability("loss", loss);
    requireProbability("duplicate", duplicate);
  }

  /** A network with this latency that neither loses nor duplicates. */
  public static NetworkConfig reliable(Distribution latencyNanos) {
    return new NetworkConfig(latencyNanos, 0, 0);
  }

  private static void requireProbability(String what, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(what + " must be a probability in [0, 1]: " + p);
    }
  }
}
