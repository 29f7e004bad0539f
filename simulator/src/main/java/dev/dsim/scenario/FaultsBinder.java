package dev.dsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Binds the {@code faults} section: {@code schedule} (crash, partition, isolate, slow, degrade,
 * clockJump, clockDrift) and
 * {@code random.crash}. Targets are checked against the nodes the scenario defines, with a
 * suggestion for a misspelt name.
 */
final class FaultsBinder {
  private static final List<String> FAULTS_KEYS = List.of("schedule", "random");
  private static final List<String> KINDS = List.of("crash", "partition", "isolate", "slow",
      "degrade", "clockJump", "clockDrift");
  /** Fault kinds of the design that this version does not inject yet. */
  private static final List<String> NOT_YET = List.of("corrupt");
  private static final List<String> RANDOM_KEYS = List.of("crash");
  private static final List<String> RANDOM_CRASH_KEYS = List.of("mttf", "mttr", "targets",
      "maxDown");

  private final Problems problems;
  private final Set<String> nodeNames;
  private final Set<String> tierNames;

  FaultsBinder(Problems problems, Set<String> nodeNames, Set<String> tierNames) {
    this.problems = problems;
    this.nodeNames = nodeNames;
    this.tierNames = tierNames;
  }

  FaultsSpec bind(Fields top) {
    if (!top.has("faults")) {
      return FaultsSpec.NONE;
    }
    Fields f = Fields.of(top.raw("faults"), top.pathOf("faults"), problems, FAULTS_KEYS);
    if (f == null) {
      return FaultsSpec.NONE;
    }
    List<FaultsSpec.FaultSpec> schedule = new ArrayList<>();
    if (f.has("schedule")) {
      JsonNode list = f.raw("schedule");
      if (!list.isArray()) {
        f.error("schedule", "expected a list of faults [ {...}, ... ], got "
            + Fields.describe(list), "");
      } else {
        for (int i = 0; i < list.size(); i++) {
          FaultsSpec.FaultSpec s = scheduled(list.get(i), Paths.index(f.pathOf("schedule"), i));
          if (s != null) {
            schedule.add(s);
          }
        }
      }
    }
    FaultsSpec.RandomCrashSpec crash = f.has("random") ? random(f) : null;
    return new FaultsSpec(schedule, crash);
  }

  private FaultsSpec.FaultSpec scheduled(JsonNode node, String path) {
    String kind = null;
    if (node.isObject()) {
      for (String k : KINDS) {
        if (node.has(k)) {
          if (kind != null) {
            problems.atValue(path, "one fault per entry, got both '" + kind + "' and '" + k
                + "'", "split them into two entries");
            return null;
          }
          kind = k;
        }
      }
      for (String k : NOT_YET) {
        if (node.has(k)) {
          problems.atKey(Paths.child(path, k), "the '" + k + "' fault is not available in "
              + "this version", "available: " + String.join(", ", KINDS));
          return null;
        }
      }
    }
    List<String> allowed = new ArrayList<>(List.of("at"));
    if (kind != null) {
      allowed.add(kind);
      allowed.addAll(switch (kind) {
        case "crash" -> List.of("restartAfter");
        case "partition" -> List.of("for", "oneWay");
        case "isolate" -> List.of("for");
        case "degrade" -> List.of("latency", "loss", "for");
        case "clockJump" -> List.of("by");
        case "clockDrift" -> List.of("ppm", "for");
        default -> List.of("factor", "for");
      });
    } else {
      allowed.addAll(KINDS);
    }
    Fields f = Fields.of(node, path, problems, allowed);
    if (f == null) {
      return null;
    }
    if (kind == null) {
      problems.atValue(path, "expected a fault: one of the keys " + String.join(", ", KINDS),
          "e.g. {\"at\": \"5m\", \"crash\": \"web-2\", \"restartAfter\": \"1m\"}");
      return null;
    }
    if (!f.has("at")) {
      f.missing("at", "when the fault strikes, a duration from the start", "\"5m\"");
    }
    long at = f.duration("at", 0, false);
    long forNanos = f.duration("for", -1, true);
    return switch (kind) {
      case "crash" -> new FaultsSpec.Crash(at, targets(f, "crash"),
          f.duration("restartAfter", -1, false));
      case "partition" -> new FaultsSpec.Partition(at, groups(f), f.bool("oneWay", false), false,
          forNanos);
      case "isolate" -> new FaultsSpec.Partition(at, List.of(targets(f, "isolate")), false, true,
          forNanos);
      case "clockJump" -> clockJump(f, at);
      case "clockDrift" -> clockDrift(f, at, forNanos);
      case "degrade" -> new FaultsSpec.Degrade(at, targets(f, "degrade"),
          f.duration("latency", 0, false), f.probability("loss"), forNanos);
      default -> slow(f, at, forNanos);
    };
  }

  private FaultsSpec.FaultSpec clockJump(Fields f, long at) {
    if (!f.has("by")) {
      f.missing("by", "how far the clock jumps, a duration (negative: backwards)", "\"-2s\"");
    }
    JsonNode by = f.raw("by");
    Long nanos = by == null ? null : Fields.durationValue(by, f.pathOf("by"), problems);
    return new FaultsSpec.ClockJump(at, targets(f, "clockJump"), nanos == null ? 0 : nanos);
  }

  private FaultsSpec.FaultSpec clockDrift(Fields f, long at, long forNanos) {
    if (!f.has("ppm")) {
      f.missing("ppm", "drift in parts per million (positive: runs fast)", "200");
    }
    double ppm = f.numberAbove("ppm", 0, -1e6);
    return new FaultsSpec.ClockDrift(at, targets(f, "clockDrift"), ppm, forNanos);
  }

  private FaultsSpec.FaultSpec slow(Fields f, long at, long forNanos) {
    if (!f.has("factor")) {
      f.missing("factor", "how many times slower, a number >= 1", "10");
    }
    double factor = f.numberAbove("factor", 1, 0);
    if (factor < 1) {
      f.error("factor", "expected a slow-down factor >= 1, got " + factor,
          "10 means ten times slower");
      factor = 1;
    }
    return new FaultsSpec.Slow(at, targets(f, "slow"), factor, forNanos);
  }

  private List<List<String>> groups(Fields f) {
    JsonNode v = f.raw("partition");
    String path = f.pathOf("partition");
    List<List<String>> groups = new ArrayList<>();
    if (!v.isArray() || v.size() < 2) {
      problems.atValue(path, "expected a list of at least two groups of nodes, got "
          + Fields.describe(v), "e.g. [[\"db-1\"], [\"db-2\", \"db-3\"]]");
      return groups;
    }
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      List<String> g = targetList(v.get(i), Paths.index(path, i));
      for (String name : g) {
        if (seen.contains(name)) {
          problems.atValue(Paths.index(path, i), "'" + name + "' is in two groups",
              "a node can be on one side of a partition only");
        }
        seen.add(name);
      }
      groups.add(g);
    }
    return groups;
  }

  private List<String> targets(Fields f, String key) {
    return targetList(f.raw(key), f.pathOf(key));
  }

  /** A target or a list of targets, each checked. */
  private List<String> targetList(JsonNode v, String path) {
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

  private void check(String target, String path) {
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

  private FaultsSpec.RandomCrashSpec random(Fields top) {
    Fields f = Fields.of(top.raw("random"), top.pathOf("random"), problems, RANDOM_KEYS);
    if (f == null || !f.has("crash")) {
      return null;
    }
    Fields c = Fields.of(f.raw("crash"), f.pathOf("crash"), problems, RANDOM_CRASH_KEYS);
    if (c == null) {
      return null;
    }
    if (!c.has("mttf")) {
      c.missing("mttf", "mean time to failure of each node", "\"6h\"");
    }
    if (!c.has("mttr")) {
      c.missing("mttr", "mean time to repair (restart)", "\"10m\"");
    }
    long mttf = c.duration("mttf", 1, true);
    long mttr = c.duration("mttr", 1, true);
    List<String> targets = c.has("targets") ? targets(c, "targets") : List.copyOf(tierNames);
    long maxDown = c.integer("maxDown", 1, 1);
    return new FaultsSpec.RandomCrashSpec(targets, mttf, mttr, (int) Math.min(maxDown,
        Integer.MAX_VALUE));
  }
}
