package dev.dsim.scenario;

import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * The {@code network} section, typed: made by {@link Build#network()}. Links configured apart
 * are {@link LinkBuilder}s, appended in order ({@code "links"} is a list: in a variant, the
 * links given replace the base's).
 */
public final class NetworkBuilder extends JsonSection<NetworkBuilder> {
  private final ArrayNode links = BuilderJson.array();

  NetworkBuilder() {}

  /** One-way latency of each message (default 0s). */
  public NetworkBuilder latency(Dist latency) {
    return put("latency", latency);
  }

  /** Probability that a message is lost. */
  public NetworkBuilder loss(double probability) {
    return put("loss", probability);
  }

  /** Probability that a message is delivered twice. */
  public NetworkBuilder duplicate(double probability) {
    return put("duplicate", probability);
  }

  /** Bandwidth of each directed link (default unlimited). */
  public NetworkBuilder bandwidth(Bandwidth bandwidth) {
    return put("bandwidth", bandwidth);
  }

  /** The size of every message (default 1KiB). */
  public NetworkBuilder messageSize(Size size) {
    return put("messageSize", size);
  }

  /** Probability that a message has bits flipped in flight. */
  public NetworkBuilder corrupt(double probability) {
    return put("corrupt", probability);
  }

  /** Receivers discard corrupt messages instead of taking them as fine. */
  public NetworkBuilder checksums(boolean on) {
    return put("checksums", on);
  }

  /** A link with its own latency, bandwidth or loss, appended to {@code "links"}. */
  public NetworkBuilder link(LinkBuilder link) {
    links.add(link.json());
    return put("links", links.deepCopy());
  }
}
