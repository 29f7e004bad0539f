package dev.dsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the node and tier names a scenario refers to (fault targets, link ends) against those it
 * defines, with a "did you mean" for a misspelt one. A name is a node ({@code web-2}), a tier
 * ({@code web}: all its nodes) or {@code random:<tier>} (one node drawn when a fault strikes).
 *
 * <p>Node names are recognised by their shape ({@code <tier>-<n>} with n within the tier's
 * nodes), never listed: a tier of 100,000 nodes costs nothing here.
 */
final class TargetNames {
  private final Problems problems;
  /** Nodes per tier, by tier name, in file order. */
  private final Map<String, Integer> tiers;
  /** The client and the load balancers: the nodes outside the tiers. */
  private final Set<String> outside;

  TargetNames(Problems problems, Map<String, Integer> tiers, int loadBalancers) {
    this.problems = problems;
    this.tiers = tiers;
    this.outside = new LinkedHashSet<>();
    outside.add(ScenarioCompiler.CLIENT);
    outside.addAll(ScenarioCompiler.loadBalancerNames(Math.min(loadBalancers,
        Limits.LOAD_BALANCERS)));
  }

  /** A target or a list of targets, each checked. */
  List<String> list(JsonNode v, String path) {
    List<String> out = new ArrayList<>();
    if (v.isTextual()) {
      check(v.textValue(), path);
      out.add(v.textValue());
    } else if (v.isArray() && v.size() > Limits.TARGET_NAMES) {
      problems.atValue(path, "at most " + Limits.count(Limits.TARGET_NAMES) + " names in one "
          + "list, got " + Limits.count(v.size()), "name a tier to mean all of its nodes");
    } else if (v.isArray() && !v.isEmpty()) {
      for (int i = 0; i < v.size(); i++) {
        JsonNode t = v.get(i);
        if (t.isTextual() && t.textValue().startsWith("random:") && v.size() > 1) {
          problems.atValue(Paths.index(path, i), "\"random:<tier>\" picks one node and must "
              + "stand alone, not in a list", "write \"" + Quote.text(t.textValue())
              + "\" without the list");
        } else if (!t.isTextual()) {
          problems.atValue(Paths.index(path, i), "expected a node or tier name, got "
              + Quote.value(t), "");
        } else {
          check(t.textValue(), Paths.index(path, i));
          out.add(t.textValue());
        }
      }
    } else {
      problems.atValue(path, "expected a node name, a tier name, \"random:<tier>\" or a list "
          + "of them, got " + Quote.value(v), "e.g. \"web-2\", \"web\" or \"random:web\"");
    }
    return out;
  }

  void check(String target, String path) {
    if (target.startsWith("random:")) {
      String tier = target.substring("random:".length());
      if (!tiers.containsKey(tier)) {
        String s = DidYouMean.closest(tier, tiers.keySet());
        problems.atValue(path, "no tier named '" + Quote.text(tier) + "'", s != null
            ? "did you mean 'random:" + s + "'?" : "tiers: " + String.join(", ", tiers.keySet()));
      }
      return;
    }
    if (!isNode(target) && !tiers.containsKey(target)) {
      problems.atValue(path, "no node or tier named '" + Quote.text(target) + "'",
          suggestion(target));
    }
  }

  /** A node the scenario defines: the client, a balancer, or {@code <tier>-<n>}. */
  boolean isNode(String name) {
    if (outside.contains(name)) {
      return true;
    }
    int n = nodeNumber(name);
    return n > 0 && n <= tiers.get(name.substring(0, name.lastIndexOf('-')));
  }

  /** n of {@code <tier>-<n>} for a tier that exists (n written without leading zeros), or 0. */
  private int nodeNumber(String name) {
    int dash = name.lastIndexOf('-');
    if (dash <= 0 || dash == name.length() - 1 || name.length() - dash > 8
        || name.charAt(dash + 1) == '0' || !tiers.containsKey(name.substring(0, dash))) {
      return 0;
    }
    int n = 0;
    for (int i = dash + 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < '0' || c > '9') {
        return 0;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  private String suggestion(String target) {
    int dash = target.lastIndexOf('-');
    if (dash > 0 && tiers.containsKey(target.substring(0, dash))) {
      String tier = target.substring(0, dash);
      int n = tiers.get(tier);
      return "tier " + tier + " has " + (n == 1 ? "one node, " + tier + "-1"
          : Limits.count(n) + " nodes, " + tier + "-1 to " + tier + "-" + n);
    }
    // The nodes of a tier differ from their tier's first one by their number only, so these
    // candidates find a misspelt tier in a node name without listing every node.
    List<String> all = new ArrayList<>(tiers.keySet());
    all.addAll(outside);
    for (String tier : tiers.keySet()) {
      all.add(tier + "-1");
    }
    String s = DidYouMean.closest(target, all);
    return s != null ? "did you mean '" + s + "'?" : "nodes are named <tier>-<n> from 1, plus "
        + "'client-1' and 'lb'";
  }

  /** How many distinct nodes these (valid) names cover. */
  long countNodes(List<String> names) {
    Set<String> listedTiers = new LinkedHashSet<>();
    for (String n : names) {
      if (tiers.containsKey(n)) {
        listedTiers.add(n);
      }
    }
    long count = 0;
    for (String t : listedTiers) {
      count += tiers.get(t);
    }
    Set<String> others = new LinkedHashSet<>();
    for (String n : names) {
      int dash = n.lastIndexOf('-');
      boolean inListedTier = !outside.contains(n) && dash > 0
          && listedTiers.contains(n.substring(0, dash));
      if (!tiers.containsKey(n) && !inListedTier) {
        others.add(n);
      }
    }
    return count + others.size();
  }

  /** The node count of {@code name}: a tier's nodes, or 1 for a node. */
  long size(String name) {
    Integer n = tiers.get(name);
    return n != null ? n : 1;
  }
}
