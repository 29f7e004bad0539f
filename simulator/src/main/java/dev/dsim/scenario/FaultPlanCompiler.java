package dev.dsim.scenario;

import dev.dsim.fault.Resolver;
import dev.dsim.world.World;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Resolves the names a scenario's faults and links use (a node's name, or a tier's: every node
 * of the tier) to node ids. The names were validated when the scenario was bound.
 */
final class FaultPlanCompiler {
  private FaultPlanCompiler() {}

  /** Names to ids for this scenario's world. */
  static Resolver resolver(Scenario scenario, World world) {
    return name -> ids(name, scenario, world);
  }

  /** Node ids for node and tier names, each once, in order. */
  static List<Integer> ids(List<String> names, Scenario scenario, World world) {
    Set<Integer> ids = new LinkedHashSet<>();
    for (String n : names) {
      ids.addAll(ids(n, scenario, world));
    }
    return List.copyOf(ids);
  }

  /** Node ids for a node name or a tier name. */
  private static List<Integer> ids(String name, Scenario scenario, World world) {
    Tier tier = scenario.tiers().get(name);
    if (tier == null) {
      return List.of(world.node(name).id());
    }
    List<Integer> ids = new ArrayList<>();
    for (int i = 1; i <= tier.nodes(); i++) {
      ids.add(world.node(name + "-" + i).id());
    }
    return ids;
  }
}
