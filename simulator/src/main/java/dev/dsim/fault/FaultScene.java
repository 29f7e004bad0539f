package dev.dsim.fault;

import dev.dsim.engine.Rng;
import dev.dsim.world.Node;
import dev.dsim.world.World;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a fault strikes with: the world, the stream its random choices come from (a random node,
 * a random split), and the names of its targets resolved to nodes.
 */
public final class FaultScene {
  private final World world;
  private final Resolver resolver;
  private final Map<Target, List<Integer>> resolved;
  private final Rng rng;

  FaultScene(World world, Resolver resolver, Map<Target, List<Integer>> resolved, Rng rng) {
    this.world = world;
    this.resolver = resolver;
    this.resolved = resolved;
    this.rng = rng;
  }

  /** The world the fault acts on, through its public operations only. */
  public World world() {
    return world;
  }

  /** The stream of this fault's (or nemesis') random choices. */
  public Rng rng() {
    return rng;
  }

  /** The node with this id. */
  public Node node(int id) {
    return world.node(id);
  }

  /**
   * The nodes hit this time: every node of an {@link Target.All}, one drawn from this fault's
   * stream for a {@link Target.OneOf}.
   */
  public List<Integer> pick(Target t) {
    List<Integer> ids = ids(t);
    if (t instanceof Target.OneOf) {
      return List.of(ids.get(rng.nextInt(ids.size())));
    }
    return ids;
  }

  /** Every node the target's names stand for, each once, in order. */
  public List<Integer> ids(Target t) {
    List<Integer> ids = resolved.get(t);
    if (ids == null) {
      Set<Integer> set = new LinkedHashSet<>();
      for (String name : t.names()) {
        set.addAll(resolver.ids(name));
      }
      ids = List.copyOf(set);
      resolved.put(t, ids);
    }
    return ids;
  }

  /** The nodes by name, as a concrete target: what a fault that hit them names. */
  public static Target.All all(List<Node> nodes) {
    List<String> names = new ArrayList<>(nodes.size());
    for (Node n : nodes) {
      names.add(n.name());
    }
    return new Target.All(names);
  }

  /** The nodes with these ids by name, as a concrete target. */
  public Target.All allOf(List<Integer> ids) {
    List<String> names = new ArrayList<>(ids.size());
    for (int id : ids) {
      names.add(world.node(id).name());
    }
    return new Target.All(names);
  }

  /** "web-1,web-2": the nodes' names, as the fault log writes them. */
  public static String names(List<Node> nodes) {
    StringBuilder sb = new StringBuilder();
    for (Node n : nodes) {
      sb.append(sb.length() == 0 ? "" : ",").append(n.name());
    }
    return sb.toString();
  }
}
