package dev.dsim.fault;

import java.util.List;

/**
 * Node ids for the names faults use: a node's name, or a tier's (every node of it, in order).
 * The scenario compiler provides it; the world alone does not know tiers.
 */
@FunctionalInterface
public interface Resolver {
  /** The ids {@code name} stands for (at least one), or an exception for an unknown name. */
  List<Integer> ids(String name);

  /**
   * Names as a world alone knows them: each name is one node's ({@code "n3"}); several nodes
   * are several names ({@code new Target.All(List.of("n1", "n2"))}). What faults written in
   * Java, outside a scenario, resolve by.
   */
  static Resolver byNodeName(dev.dsim.world.World world) {
    return name -> List.of(world.node(name).id());
  }
}
