package dev.dsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsim.engine.Distribution;
import dev.dsim.scenario.format.Link;
import dev.dsim.scenario.format.Network;
import dev.dsim.scenario.format.Probability;
import dev.dsim.world.NetworkConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds the {@code network} section, read as a {@link Network} of the document model, to the
 * runtime's: the checks that need more than one value (a link is between two ends or from/to,
 * and changes something), the names of its ends (which must exist), and the limits on links.
 */
final class NetworkBinder {
  private static final Distribution ZERO = new Distribution.Constant(0);

  private final Problems problems;
  private final TargetNames names;

  NetworkBinder(Problems problems, TargetNames names) {
    this.problems = problems;
    this.names = names;
  }

  NetworkSpec bind(DocumentObject top) {
    NetworkSpec none = new NetworkSpec(ZERO, 0, 0);
    if (!top.has("network")) {
      return none;
    }
    JsonNode node = top.raw("network");
    String path = top.pathOf("network");
    JsonNode links = node.path("links");
    List<NetworkSpec.LinkSpec> linkSpecs = List.of();
    if (links.isArray() && links.size() > Limits.LINKS) {
      // Before reading them: each link is read and checked on every load.
      problems.atValue(Paths.child(path, "links"), "at most " + Limits.count(Limits.LINKS)
          + " links, got " + Limits.count(links.size()), "a link between two tiers covers all "
          + "their nodes");
    } else if (links.isArray()) {
      // Each link on its own, so a mistake elsewhere in the network leaves its checks be.
      linkSpecs = links(links, Paths.child(path, "links"));
    }
    if (node.isObject() && links.isArray()) {
      node = ((ObjectNode) node).deepCopy().without("links");
    }
    Network n = DocumentReader.section(node, path, Network.class, problems);
    if (n == null) {
      return none;
    }
    Distribution latency = n.latency() == null ? ZERO
        : DistributionReader.convert(n.latency(), node.get("latency"),
            Paths.child(path, "latency"), problems);
    long size = n.messageSize() == null ? NetworkConfig.DEFAULT_MESSAGE_BYTES
        : Quantities.bytes(n.messageSize().text());
    if (size > Integer.MAX_VALUE) {
      problems.atValue(Paths.child(path, "messageSize"), "at most 2 GiB per message", "");
      size = NetworkConfig.DEFAULT_MESSAGE_BYTES;
    }
    return new NetworkSpec(latency == null ? ZERO : latency, p(n.loss()), p(n.duplicate()),
        n.bandwidth() == null ? 0 : Quantities.bitsPerSecond(n.bandwidth().text()), (int) size,
        p(n.corrupt()), TierBinder.or(n.checksums(), false), linkSpecs);
  }

  private List<NetworkSpec.LinkSpec> links(JsonNode list, String at) {
    List<NetworkSpec.LinkSpec> links = new ArrayList<>();
    long pairs = 0;
    for (int i = 0; i < list.size(); i++) {
      String path = Paths.index(at, i);
      NetworkSpec.LinkSpec l = link(DocumentReader.section(list.get(i), path, Link.class,
          problems), list.get(i), path);
      if (l != null) {
        links.add(l);
        pairs += pairs(l);
      }
    }
    if (pairs > Limits.LINK_PAIRS) {
      problems.atValue(at, "at most " + Limits.count(Limits.LINK_PAIRS) + " node pairs "
          + "configured by links, got " + Limits.count(pairs), "each pair of nodes a link "
          + "covers gets its own state: set the network's own \"latency\" for everyone, "
          + "and links for the few pairs that differ");
      links.clear();
    }
    return links;
  }

  private static double p(Probability p) {
    return p == null ? 0 : p.value();
  }

  /** Directed node pairs a link configures. */
  private long pairs(NetworkSpec.LinkSpec l) {
    long from = 0;
    for (String n : l.from()) {
      from += names.size(n);
    }
    long to = 0;
    for (String n : l.to()) {
      to += names.size(n);
    }
    return from * to * (l.bothWays() ? 2 : 1);
  }

  private NetworkSpec.LinkSpec link(Link link, JsonNode node, String path) {
    if (link == null) {
      return null;
    }
    List<String> from;
    List<String> to;
    boolean bothWays = link.between() != null;
    if (bothWays) {
      if (link.from() != null || link.to() != null) {
        problems.atValue(path, "a link is either \"between\" two groups or \"from\"/\"to\", "
            + "not both", "\"between\" configures both directions, \"from\"/\"to\" one");
        return null;
      }
      JsonNode b = node.get("between");
      if (link.between().size() != 2) {
        problems.atValue(Paths.child(path, "between"), "expected two ends, got "
            + Quote.value(b), "e.g. [\"web\", \"db\"] or [[\"web-1\", \"web-2\"], \"db\"]");
        return null;
      }
      from = names.list(b.get(0), Paths.index(Paths.child(path, "between"), 0));
      to = names.list(b.get(1), Paths.index(Paths.child(path, "between"), 1));
    } else {
      if (link.from() == null || link.to() == null) {
        problems.atValue(path, "a link needs \"between\": [A, B], or both \"from\" and \"to\"",
            "e.g. {\"from\": \"web\", \"to\": \"db\", \"latency\": \"20ms\"}");
        return null;
      }
      from = names.list(node.get("from"), Paths.child(path, "from"));
      to = names.list(node.get("to"), Paths.child(path, "to"));
    }
    Distribution latency = link.latency() == null ? null : DistributionReader.convert(
        link.latency(), node.get("latency"), Paths.child(path, "latency"), problems);
    Double bandwidth = link.bandwidth() == null ? null
        : Quantities.bitsPerSecond(link.bandwidth().text());
    Double loss = link.loss() == null ? null : link.loss().value();
    if (link.latency() == null && bandwidth == null && loss == null) {
      problems.atValue(path, "this link changes nothing", "give it a \"latency\", "
          + "\"bandwidth\" or \"loss\"");
    }
    return new NetworkSpec.LinkSpec(from, to, bothWays, latency, bandwidth, loss);
  }
}
