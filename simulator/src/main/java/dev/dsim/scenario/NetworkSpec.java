package dev.dsim.scenario;

import dev.dsim.engine.Distribution;
import java.util.List;
import java.util.Objects;

/**
 * The network: per-message latency in nanoseconds (default: constant 0), the probabilities that
 * a message is lost, duplicated or corrupted (default 0), bandwidth (0: unlimited), the size of a
 * message that does not say, whether messages carry checksums, and links configured apart.
 */
public record NetworkSpec(Distribution latencyNanos, double loss, double duplicate,
    double bitsPerSecond, int messageBytes, double corrupt, boolean checksums,
    List<LinkSpec> links) {
  public NetworkSpec {
    Objects.requireNonNull(latencyNanos, "latencyNanos");
    links = List.copyOf(links);
  }

  /** Latency, loss and duplication only. */
  public NetworkSpec(Distribution latencyNanos, double loss, double duplicate) {
    this(latencyNanos, loss, duplicate, 0, dev.dsim.world.NetworkConfig.DEFAULT_MESSAGE_BYTES,
        0, false, List.of());
  }

  /**
   * Links from every node of {@code from} to every node of {@code to} (and back, when
   * {@code bothWays}) that differ from the network: null values keep the network's.
   */
  public record LinkSpec(List<String> from, List<String> to, boolean bothWays,
      Distribution latencyNanos, Double bitsPerSecond, Double loss) {
    public LinkSpec {
      from = List.copyOf(from);
      to = List.copyOf(to);
    }
  }
}
