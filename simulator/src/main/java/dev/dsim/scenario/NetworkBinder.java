package dev.dsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsim.engine.Distribution;
import dev.dsim.world.NetworkConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds the {@code network} section: latency, loss, duplicate, bandwidth, messageSize, corrupt,
 * checksums, and {@code links} configured apart (between two groups of nodes, or one way).
 */
final class NetworkBinder {
  private static final List<String> KEYS = List.of("latency", "loss", "duplicate", "bandwidth",
      "messageSize", "corrupt", "checksums", "links");
  private static final List<String> LINK_KEYS = List.of("between", "from", "to", "latency",
      "bandwidth", "loss");
  private static final Distribution ZERO = new Distribution.Constant(0);

  private final Problems problems;
  private final TargetNames names;

  NetworkBinder(Problems problems, TargetNames names) {
    this.problems = problems;
    this.names = names;
  }

  NetworkSpec bind(Fields top) {
    NetworkSpec none = new NetworkSpec(ZERO, 0, 0);
    if (!top.has("network")) {
      return none;
    }
    Fields f = Fields.of(top.raw("network"), top.pathOf("network"), problems, KEYS);
    if (f == null) {
      return none;
    }
    Distribution latency = f.has("latency")
        ? DistributionReader.read(f.raw("latency"), f.pathOf("latency"), problems) : ZERO;
    long size = f.bytes("messageSize", NetworkConfig.DEFAULT_MESSAGE_BYTES);
    if (size > Integer.MAX_VALUE) {
      f.error("messageSize", "at most 2 GiB per message", "");
      size = NetworkConfig.DEFAULT_MESSAGE_BYTES;
    }
    List<NetworkSpec.LinkSpec> links = new ArrayList<>();
    if (f.has("links")) {
      JsonNode list = f.raw("links");
      if (!list.isArray()) {
        f.error("links", "expected a list of links, got " + Fields.describe(list),
            "e.g. [{\"between\": [\"web\", \"db\"], \"latency\": \"20ms\"}]");
      } else if (list.size() > Limits.LINKS) {
        f.error("links", "at most " + Limits.count(Limits.LINKS) + " links, got "
            + Limits.count(list.size()), "a link between two tiers covers all their nodes");
      } else {
        long pairs = 0;
        for (int i = 0; i < list.size(); i++) {
          NetworkSpec.LinkSpec l = link(list.get(i), Paths.index(f.pathOf("links"), i));
          if (l != null) {
            links.add(l);
            pairs += pairs(l);
          }
        }
        if (pairs > Limits.LINK_PAIRS) {
          f.error("links", "at most " + Limits.count(Limits.LINK_PAIRS) + " node pairs "
              + "configured by links, got " + Limits.count(pairs), "each pair of nodes a link "
              + "covers gets its own state: set the network's own \"latency\" for everyone, "
              + "and links for the few pairs that differ");
          links.clear();
        }
      }
    }
    return new NetworkSpec(latency == null ? ZERO : latency, f.probability("loss"),
        f.probability("duplicate"), f.bandwidth("bandwidth", 0), (int) size,
        f.probability("corrupt"), f.bool("checksums", false), links);
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

  private NetworkSpec.LinkSpec link(JsonNode node, String path) {
    Fields f = Fields.of(node, path, problems, LINK_KEYS);
    if (f == null) {
      return null;
    }
    List<String> from;
    List<String> to;
    boolean bothWays = f.has("between");
    if (bothWays) {
      if (f.has("from") || f.has("to")) {
        problems.atValue(path, "a link is either \"between\" two groups or \"from\"/\"to\", "
            + "not both", "\"between\" configures both directions, \"from\"/\"to\" one");
        return null;
      }
      JsonNode b = f.raw("between");
      if (!b.isArray() || b.size() != 2) {
        f.error("between", "expected two ends, got " + Fields.describe(b),
            "e.g. [\"web\", \"db\"] or [[\"web-1\", \"web-2\"], \"db\"]");
        return null;
      }
      from = ends(b.get(0), Paths.index(f.pathOf("between"), 0));
      to = ends(b.get(1), Paths.index(f.pathOf("between"), 1));
    } else {
      if (!f.has("from") || !f.has("to")) {
        problems.atValue(path, "a link needs \"between\": [A, B], or both \"from\" and \"to\"",
            "e.g. {\"from\": \"web\", \"to\": \"db\", \"latency\": \"20ms\"}");
        return null;
      }
      from = ends(f.raw("from"), f.pathOf("from"));
      to = ends(f.raw("to"), f.pathOf("to"));
    }
    Distribution latency = f.has("latency")
        ? DistributionReader.read(f.raw("latency"), f.pathOf("latency"), problems) : null;
    Double bandwidth = f.has("bandwidth") ? f.bandwidth("bandwidth", 0) : null;
    Double loss = f.has("loss") ? f.probability("loss") : null;
    if (latency == null && bandwidth == null && loss == null && !f.has("latency")) {
      problems.atValue(path, "this link changes nothing", "give it a \"latency\", "
          + "\"bandwidth\" or \"loss\"");
    }
    return new NetworkSpec.LinkSpec(from, to, bothWays, latency, bandwidth, loss);
  }

  private List<String> ends(JsonNode v, String path) {
    List<String> list = names.list(v, path);
    for (String n : list) {
      if (n.startsWith("random:")) {
        problems.atValue(path, "a link end must be fixed nodes or tiers, not " + n,
            "name the tier (all its nodes) or the nodes");
      }
    }
    return list;
  }
}
