package dev.dsim.fault;

import dev.dsim.world.Network;
import java.util.ArrayList;
import java.util.List;

/** Cutting the network between groups of nodes: what partitions, splits and isolation share. */
final class Cuts {
  private Cuts() {}

  /** The groups as a partition of concrete targets: what a cut of them does again. */
  static Fault.Partition partition(FaultScene scene, List<List<Integer>> groups,
      boolean oneWay, Lasting lasting) {
    List<Target> targets = new ArrayList<>(groups.size());
    for (List<Integer> g : groups) {
      targets.add(scene.allOf(g));
    }
    return new Fault.Partition(targets, oneWay, lasting);
  }

  /**
   * Blocks every pair of nodes across {@code groups} (only out of the first group when
   * {@code oneWay}); the heal unblocks exactly those pairs. {@code struck} is the fault as it
   * struck (see {@link Strike#struck}).
   */
  static Strike cut(FaultScene scene, String kind, List<List<Integer>> groups, boolean oneWay,
      Lasting lasting, Fault struck) {
    List<long[]> cut = new ArrayList<>();
    Network net = scene.world().network();
    for (int i = 0; i < groups.size(); i++) {
      for (int j = 0; j < groups.size(); j++) {
        if (i == j || (oneWay && i != 0)) {
          continue;
        }
        for (int a : groups.get(i)) {
          for (int b : groups.get(j)) {
            net.block(a, b);
            cut.add(new long[] {a, b});
          }
        }
      }
    }
    StringBuilder label = new StringBuilder();
    for (List<Integer> g : groups) {
      label.append(label.length() == 0 ? "" : oneWay ? " -/-> " : " | ");
      label.append(FaultScene.names(g.stream().map(scene::node).toList()));
    }
    return new Strike(kind, label.toString(), lasting, () -> {
      for (long[] pair : cut) {
        net.unblock((int) pair[0], (int) pair[1]);
      }
    }, struck);
  }
}
