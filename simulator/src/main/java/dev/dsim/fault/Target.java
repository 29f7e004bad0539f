package dev.dsim.fault;

import dev.dsim.engine.Rng;
import java.util.List;

/** Which nodes a fault hits: fixed nodes, or one drawn at random when the fault strikes. */
public sealed interface Target {

  /** The node ids hit this time. */
  List<Integer> pick(Rng rng);

  /** What the user wrote, for logs and reports. */
  String label();

  /** These nodes, all of them. */
  record Nodes(List<Integer> ids, String label) implements Target {
    public Nodes {
      ids = List.copyOf(ids);
      if (ids.isEmpty()) {
        throw new IllegalArgumentException("a target needs at least one node");
      }
    }

    @Override
    public List<Integer> pick(Rng rng) {
      return ids;
    }
  }

  /** One of these nodes, drawn uniformly from the fault's stream when the fault strikes. */
  record RandomOf(List<Integer> candidates, String label) implements Target {
    public RandomOf {
      candidates = List.copyOf(candidates);
      if (candidates.isEmpty()) {
        throw new IllegalArgumentException("a random target needs at least one candidate");
      }
    }

    @Override
    public List<Integer> pick(Rng rng) {
      return List.of(candidates.get(rng.nextInt(candidates.size())));
    }
  }
}
