package dev.dsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks the node and tier names a scenario refers to (fault targets, link ends) against those it
 * defines, with a "did you mean" for a misspelt one. A name is a node ({@code web-2}), a tier
 * ({@code web}: all its nodes) or {@code random:<tier>} (one node drawn when a fault strikes).
 */
final class TargetNames {
  private final Problems problems;
  private final Set<String> nodeNames;
  private final Set<String> tierNames;

  TargetNames(Problems problems, Set<String> nodeNames, Set<String> tierNames) {
    this.problems = problems;
    this.nodeNames = nodeNames;
    this.tierNames = tierNames;
  }

  /** A target or a list of targets, each checked. */
  List<String> list(JsonNode v, String path) {
    List<String> out = new ArrayList<>();
    if (v.isTextual()) {
      check(v.textValue(), path);
      out.add(v.textValue());
    } else if (v.isArray() && !v.isEmpty()) {
      for (int i = 0; i < v.size(); i++) {
        JsonNode t = v.get(i);
        if (t.isTextual() && t.textValue().startsWith("random:") && v.size() > 1) {
          problems.atValue(Paths.index(path, i), "\"random:<tier>\" picks one node and must "
              + "stand alone, not in a list", "write \"" + t.textValue() + "\" without the list");
        } else if (!t.isTextual()) {
          problems.atValue(Paths.index(path, i), "expected a node or tier name, got "
              + Fields.describe(t), "");
        } else {
          check(t.textValue(), Paths.index(path, i));
          out.add(t.textValue());
        }
      }
    } else {
      problems.atValue(path, "expected a node name, a tier name, \"random:<tier>\" or a list "
          + "of them, got " + Fields.describe(v), "e.g. \"web-2\", \"web\" or \"random:web\"");
    }
    return out;
  }

  void check(String target, String path) {
    if (target.startsWith("random:")) {
      String tier = target.substring("random:".length());
      if (!tierNames.contains(tier)) {
        String s = DidYouMean.closest(tier, tierNames);
        problems.atValue(path, "no tier named '" + tier + "'", s != null
            ? "did you mean 'random:" + s + "'?" : "tiers: " + String.join(", ", tierNames));
      }
      return;
    }
    if (!nodeNames.contains(target) && !tierNames.contains(target)) {
      List<String> all = new ArrayList<>(tierNames);
      all.addAll(nodeNames);
      String s = DidYouMean.closest(target, all);
      problems.atValue(path, "no node or tier named '" + target + "'", s != null
          ? "did you mean '" + s + "'?" : "nodes are named <tier>-<n> from 1, plus "
              + "'client-1' and 'lb'");
    }
  }

  /** How many distinct nodes these (valid) names cover. */
  int countNodes(List<String> names) {
    java.util.Set<String> nodes = new java.util.HashSet<>();
    for (String n : names) {
      if (tierNames.contains(n)) {
        for (String node : nodeNames) {
          if (node.startsWith(n + "-") && node.substring(n.length() + 1).matches("\\d+")) {
            nodes.add(node);
          }
        }
      } else {
        nodes.add(n);
      }
    }
    return nodes.size();
  }
}
