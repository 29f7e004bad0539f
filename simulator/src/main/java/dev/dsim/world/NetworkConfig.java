package dev.dsim.world;

import dev.dsim.engine.Distribution;
import java.util.Objects;

/**
 * How the network behaves when nothing is wrong with it.
 *
 * @param latencyNanos per-message propagation latency
 * @param loss probability that a message is lost
 * @param duplicate probability that a message is delivered twice
 * @param bitsPerSecond bandwidth of every directed link; 0 for unlimited (no serialisation delay)
 * @param messageBytes size of a payload that does not declare its own ({@link Sized}, byte[])
 * @param corrupt probability that a message has bits flipped in flight
 * @param checksums whether messages carry a checksum: a corrupt message is then detected and
 *     discarded by the receiver's network stack instead of reaching the process
 */
public record NetworkConfig(Distribution latencyNanos, double loss, double duplicate,
    double bitsPerSecond, int messageBytes, double corrupt, boolean checksums) {
  /** Payload size assumed when neither the payload nor the scenario says: 1 KiB. */
  public static final int DEFAULT_MESSAGE_BYTES = 1024;

  public NetworkConfig {
    Objects.requireNonNull(latencyNanos, "latencyNanos");
    requireProbability("loss", loss);
    requireProbability("duplicate", duplicate);
    requireProbability("corrupt", corrupt);
    if (!(bitsPerSecond >= 0) || Double.isInfinite(bitsPerSecond)) {
      throw new IllegalArgumentException("bandwidth must be finite and >= 0: " + bitsPerSecond);
    }
    if (messageBytes < 0) {
      throw new IllegalArgumentException("message size must be >= 0: " + messageBytes);
    }
  }

  /** Latency, loss and duplication; unlimited bandwidth, no corruption. */
  public NetworkConfig(Distribution latencyNanos, double loss, double duplicate) {
    this(latencyNanos, loss, duplicate, 0, DEFAULT_MESSAGE_BYTES, 0, false);
  }

  /** A network with this latency that neither loses nor duplicates. */
  public static NetworkConfig reliable(Distribution latencyNanos) {
    return new NetworkConfig(latencyNanos, 0, 0);
  }

  static void requireProbability(String what, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(what + " must be a probability in [0, 1]: " + p);
    }
  }
}
