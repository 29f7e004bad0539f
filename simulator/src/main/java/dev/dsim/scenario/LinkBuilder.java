package dev.dsim.scenario;

import java.util.List;

/**
 * One entry of {@code network.links}, typed: made by {@link Build#linkBetween} (both directions)
 * or {@link Build#linkFrom} (one way). Ends are node or tier names, which the binder resolves.
 */
public final class LinkBuilder extends JsonSection<LinkBuilder> {
  LinkBuilder() {}

  static LinkBuilder between(List<String> a, List<String> b) {
    return new LinkBuilder().put("between",
        BuilderJson.array().add(end(a)).add(end(b)));
  }

  static LinkBuilder oneWay(List<String> from, List<String> to) {
    return new LinkBuilder().put("from", end(from)).put("to", end(to));
  }

  private static com.fasterxml.jackson.databind.JsonNode end(List<String> names) {
    return names.size() == 1 ? BuilderJson.text(names.get(0)) : BuilderJson.list(names);
  }

  /** Latency on this link. */
  public LinkBuilder latency(Dist latency) {
    return put("latency", latency);
  }

  /** Bandwidth of this link. */
  public LinkBuilder bandwidth(Bandwidth bandwidth) {
    return put("bandwidth", bandwidth);
  }

  /** Loss on this link. */
  public LinkBuilder loss(double probability) {
    return put("loss", probability);
  }
}
