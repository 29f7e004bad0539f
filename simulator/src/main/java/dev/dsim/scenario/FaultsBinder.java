package dev.dsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsim.fault.Fault;
import dev.dsim.fault.FaultPlan;
import dev.dsim.fault.Lasting;
import dev.dsim.fault.Target;
import dev.dsim.scenario.format.FaultRate;
import dev.dsim.scenario.format.Faults;
import dev.dsim.scenario.format.NonNegativeDuration;
import dev.dsim.scenario.format.PositiveDuration;
import dev.dsim.scenario.format.SlowResource;
import dev.dsim.scenario.format.RandomFaults;
import dev.dsim.scenario.format.ScheduledFault;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds the {@code faults} section: {@code schedule} (crash, partition, isolate, slow, degrade,
 * clockJump, clockDrift), {@code random} (each kind's nemesis) and {@code swarm} (which needs a
 * random kind). Targets are checked against the nodes the scenario defines, with a
 * suggestion for a misspelt name.
 */
final class FaultsBinder {
  // The keys come from the document model's records (dev.dsim.scenario.format), so a key added
  // there is known here: the faults object and its random kinds are read key by key against
  // their records (DocumentObject), each scheduled fault and random kind as its record
  // (DocumentReader); the lists are walked here, so one bad entry does not hide the next.
  /** Each scheduled kind's keys by its kind key: "at", the kind key, then its own. */
  private static final Map<String, List<String>> SCHEDULED = scheduledKinds();
  private static final List<String> KINDS = List.copyOf(SCHEDULED.keySet());
  private static final List<String> RANDOM_KEYS = DocumentKeys.of(RandomFaults.class);

  private static Map<String, List<String>> scheduledKinds() {
    Map<String, List<String>> kinds = new LinkedHashMap<>();
    for (Class<?> k : ScheduledFault.class.getPermittedSubclasses()) {
      List<String> keys = DocumentKeys.of(k);
      kinds.put(keys.get(1), keys);
    }
    return kinds;
  }

  private final Problems problems;
  private final TargetNames names;
  private final Set<String> tierNames;

  FaultsBinder(Problems problems, TargetNames names, Set<String> tierNames) {
    this.problems = problems;
    this.names = names;
    this.tierNames = tierNames;
  }

  FaultPlan bind(DocumentObject top) {
    if (!top.has("faults")) {
      return FaultPlan.NONE;
    }
    DocumentObject f = DocumentObject.of(top.raw("faults"), top.pathOf("faults"), Faults.class,
        problems);
    if (f == null) {
      return FaultPlan.NONE;
    }
    List<FaultPlan.Scheduled> schedule = new ArrayList<>();
    if (f.has("schedule")) {
      JsonNode list = f.raw("schedule");
      if (!list.isArray()) {
        f.error("schedule", "expected a list of faults [ {...}, ... ], got "
            + Quote.value(list), "");
      } else if (list.size() > Limits.FAULTS) {
        f.error("schedule", "at most " + Limits.count(Limits.FAULTS) + " scheduled faults, got "
            + Limits.count(list.size()), "for faults again and again, use \"faults.random\" "
            + "(a nemesis striking at random intervals)");
      } else {
        for (int i = 0; i < list.size(); i++) {
          FaultPlan.Scheduled s = scheduled(list.get(i), Paths.index(f.pathOf("schedule"), i));
          if (s != null) {
            schedule.add(s);
          }
        }
      }
    }
    // Listed by dsim, not injected: checked as the schedule is, so a resolved file that was
    // edited by hand still says where it went wrong.
    if (f.has("drawn")) {
      JsonNode list = f.raw("drawn");
      if (!list.isArray()) {
        f.error("drawn", "expected a list of faults [ {...}, ... ], got "
            + Quote.value(list), "dsim writes it in resolved scenarios; it can be left out");
      } else if (list.size() > Limits.FAULTS) {
        f.error("drawn", "at most " + Limits.count(Limits.FAULTS) + " drawn faults, got "
            + Limits.count(list.size()), "dsim lists the first 10,000; it can be left out");
      } else {
        for (int i = 0; i < list.size(); i++) {
          scheduled(list.get(i), Paths.index(f.pathOf("drawn"), i));
        }
      }
    }
    FaultPlan.CrashNemesis crash = null;
    List<FaultPlan.RandomFault> random = new ArrayList<>();
    Boolean swarmKey = f.read("swarm", Boolean.class);
    boolean swarm = swarmKey != null && swarmKey;
    boolean kindsDeclared = false;
    if (f.has("random")) {
      DocumentObject r = DocumentObject.of(f.raw("random"), f.pathOf("random"),
          RandomFaults.class, problems);
      if (r != null) {
        kindsDeclared = RANDOM_KEYS.stream().anyMatch(r::has);
        crash = r.has("crash") ? randomCrash(r.raw("crash"), r.pathOf("crash")) : null;
        for (String kind : RANDOM_KEYS.subList(1, RANDOM_KEYS.size())) {
          if (r.has(kind)) {
            FaultPlan.RandomFault rf = randomFault(kind, r.raw(kind), r.pathOf(kind));
            if (rf != null) {
              random.add(rf);
            }
          }
        }
      }
    }
    if (swarm && !kindsDeclared && (!f.has("random") || f.raw("random").isObject())) {
      f.error("swarm", "swarm testing enables a random subset of the kinds under "
          + "\"faults.random\" in each run, and there are none", "add random kinds, e.g. "
          + "\"random\": {\"crash\": {\"mttf\": \"5m\", \"mttr\": \"30s\"}, \"partition\": "
          + "{\"mtbf\": \"3m\", \"for\": \"20s\"}}, or drop \"swarm\"");
    }
    return problems.isEmpty() ? new FaultPlan(schedule, crash, random, swarm)
        : FaultPlan.NONE;
  }

  /** The model's "forever" for the binder's -1 (a key left out). */
  private static Lasting lasting(long nanos) {
    return nanos < 0 ? Lasting.forever() : Lasting.forNanos(nanos);
  }

  /** One entry of the schedule, read as a {@link ScheduledFault} of the document model. */
  private FaultPlan.Scheduled scheduled(JsonNode node, String path) {
    ScheduledFault s = DocumentReader.section(node, path, ScheduledFault.class, problems);
    if (s == null) {
      return null;
    }
    Fault fault;
    NonNegativeDuration at;
    if (s instanceof ScheduledFault.CrashFault c) {
      at = c.at();
      fault = new Fault.Crash(targets(node, path, "crash"), lasting(c.restartAfter() == null
          ? -1 : nanos(c.restartAfter().text())), TierBinder.or(c.wipe(), false));
    } else if (s instanceof ScheduledFault.PartitionFault p) {
      at = p.at();
      List<Target> groups = groups(node.get("partition"), Paths.child(path, "partition"));
      fault = groups.size() < 2 ? null : new Fault.Partition(groups,
          TierBinder.or(p.oneWay(), false), lasting(p.lasting()));
    } else if (s instanceof ScheduledFault.IsolateFault i) {
      at = i.at();
      fault = new Fault.Isolate(targets(node, path, "isolate"), lasting(i.lasting()));
    } else if (s instanceof ScheduledFault.SlowFault w) {
      at = w.at();
      SlowResource r = TierBinder.or(w.resource(), SlowResource.BOTH);
      fault = new Fault.Slow(targets(node, path, "slow"), w.factor(), lasting(w.lasting()),
          r != SlowResource.DISK, r != SlowResource.CPU);
    } else if (s instanceof ScheduledFault.DegradeFault d) {
      at = d.at();
      fault = new Fault.Degrade(targets(node, path, "degrade"), d.latency() == null ? 0
          : nanos(d.latency().text()), d.loss() == null ? 0 : d.loss().value(),
          lasting(d.lasting()));
    } else if (s instanceof ScheduledFault.CorruptFault c) {
      at = c.at();
      fault = corrupt(c, node, path);
    } else if (s instanceof ScheduledFault.ClockJumpFault j) {
      at = j.at();
      long by = nanos(j.by().text());
      if (!Limits.timeWithin(by, Paths.child(path, "by"), problems)) {
        by = 0;
      }
      fault = new Fault.ClockJump(targets(node, path, "clockJump"), by);
    } else {
      ScheduledFault.ClockDriftFault d = (ScheduledFault.ClockDriftFault) s;
      at = d.at();
      double ppm = d.ppm();
      if (!Limits.driftWithin(ppm, Paths.child(path, "ppm"), problems)) {
        ppm = 0;
      }
      fault = new Fault.ClockDrift(targets(node, path, "clockDrift"), ppm, lasting(d.lasting()));
    }
    return fault == null ? null : new FaultPlan.Scheduled(nanos(at.text()), fault);
  }

  private static long nanos(String duration) {
    return dev.dsim.engine.Durations.parse(duration);
  }

  private static Lasting lasting(PositiveDuration d) {
    return d == null ? Lasting.forever() : Lasting.forNanos(nanos(d.text()));
  }

  private Fault corrupt(ScheduledFault.CorruptFault c, JsonNode node, String path) {
    long blocks = TierBinder.or(c.blocks(), 0L);
    long sectors = TierBinder.or(c.sectors(), 0L);
    double messages = c.messages() == null ? 0 : c.messages().value();
    if (blocks == 0 && sectors == 0 && messages == 0) {
      problems.atValue(path, "this corrupt fault damages nothing",
          "add \"blocks\": N (bit flips on disk), \"sectors\": N (unreadable blocks) or "
          + "\"messages\": p (damaged messages, with \"for\")");
    }
    if (messages == 0 && c.lasting() != null) {
      problems.atValue(Paths.child(path, "for"), "only message corruption heals; damaged "
          + "blocks stay until rewritten", "drop \"for\", or add \"messages\": p");
    }
    return new Fault.Corrupt(targets(node, path, "corrupt"), (int) Math.min(blocks, 1 << 30),
        (int) Math.min(sectors, 1 << 30), messages, lasting(c.lasting()));
  }

  private Target targets(JsonNode node, String path, String key) {
    return target(names.list(node.get(key), Paths.child(path, key)));
  }

  private List<Target> groups(JsonNode v, String path) {
    List<Target> groups = new ArrayList<>();
    if (!v.isArray() || v.size() < 2) {
      problems.atValue(path, "expected a list of at least two groups of nodes, got "
          + Quote.value(v), "e.g. [[\"db-1\"], [\"db-2\", \"db-3\"]]");
      return groups;
    }
    if (v.size() > Limits.PARTITION_GROUPS) {
      problems.atValue(path, "at most " + Limits.PARTITION_GROUPS + " groups in a partition, got "
          + Limits.count(v.size()), "use \"isolate\" to cut nodes off from everyone else");
      return groups;
    }
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < v.size(); i++) {
      List<String> g = names.list(v.get(i), Paths.index(path, i));
      for (String name : g) {
        if (!seen.add(name)) {
          problems.atValue(Paths.index(path, i), "'" + name + "' is in two groups",
              "a node can be on one side of a partition only");
        }
      }
      if (!g.isEmpty()) {
        groups.add(Target.of(g));
      }
    }
    return groups;
  }

  /** A nemesis's candidates: its "targets", or every tier when it names none. */
  private List<String> candidates(JsonNode node, String path) {
    JsonNode t = node.get("targets");
    return t == null ? List.copyOf(tierNames) : names.list(t, Paths.child(path, "targets"));
  }

  /**
   * The target of bound names; a placeholder for an empty list, which the name checks have
   * already reported (nothing is built from a scenario with errors).
   */
  private static Target target(List<String> names) {
    return names.isEmpty() ? new Target.All(List.of("?")) : Target.of(names);
  }

  /** {@code random.crash}, read as a {@link RandomFaults.RandomCrash} of the document model. */
  private FaultPlan.CrashNemesis randomCrash(JsonNode node, String path) {
    RandomFaults.RandomCrash c = DocumentReader.section(node, path,
        RandomFaults.RandomCrash.class, problems);
    if (c == null) {
      return null;
    }
    long maxDown = TierBinder.or(c.maxDown(), 1L);
    // Every node named is a candidate; "random:web" names the tier's nodes as well.
    List<String> candidates = new ArrayList<>();
    for (String t : candidates(node, path)) {
      candidates.add(t.startsWith("random:") ? t.substring(7) : t);
    }
    return new FaultPlan.CrashNemesis(target(candidates), Math.max(1, nanos(c.mttf().text())),
        Math.max(1, nanos(c.mttr().text())),
        (int) Math.max(1, Math.min(maxDown, Integer.MAX_VALUE)));
  }

  /**
   * {@code random.<kind>} for a kind other than crash, read as its record of the document model
   * ({@link RandomFaults}): how often ({@code mtbf}, or {@code rate} as "N/<unit>"), which
   * nodes ({@code targets}, default every tier), and the fault's own keys.
   */
  private FaultPlan.RandomFault randomFault(String kind, JsonNode node, String path) {
    Class<?> type = randomType(kind);
    Object r = DocumentReader.section(node, path, type, problems);
    if (r == null) {
      return null;
    }
    List<String> targets = candidates(node, path);
    for (String t : targets) {
      if (t.startsWith("random:")) {
        problems.atValue(Paths.child(path, "targets"), "the nemesis already picks at random; "
            + "name tiers or nodes", "write \"" + t.substring(7) + "\"");
      }
    }
    Target candidates = target(targets);
    Fault fault;
    Long mean;
    if (r instanceof RandomFaults.RandomPartition p) {
      mean = meanInterval(p.mtbf(), p.rate(), node, path);
      if (names.countNodes(targets) < 2) {
        problems.atValue(path, "a random partition needs at least two nodes to split",
            "add \"targets\" covering two or more nodes");
      }
      fault = new Fault.Split(candidates, lasting(p.lasting()));
    } else if (r instanceof RandomFaults.RandomIsolate i) {
      mean = meanInterval(i.mtbf(), i.rate(), node, path);
      fault = new Fault.Isolate(candidates, lasting(i.lasting()));
    } else if (r instanceof RandomFaults.RandomSlow w) {
      mean = meanInterval(w.mtbf(), w.rate(), node, path);
      double factor = w.factor();
      if (!(factor >= 1) || Double.isInfinite(factor)) {
        problems.atValue(Paths.child(path, "factor"), "expected a slow-down factor >= 1, got "
            + factor, "10 means ten times slower");
        factor = 1;
      }
      SlowResource res = TierBinder.or(w.resource(), SlowResource.BOTH);
      fault = new Fault.Slow(candidates, factor, lasting(w.lasting()), res != SlowResource.DISK,
          res != SlowResource.CPU);
    } else if (r instanceof RandomFaults.RandomDegrade d) {
      mean = meanInterval(d.mtbf(), d.rate(), node, path);
      fault = new Fault.Degrade(candidates, d.latency() == null ? 0 : nanos(d.latency().text()),
          d.loss() == null ? 0 : d.loss().value(), lasting(d.lasting()));
    } else if (r instanceof RandomFaults.RandomCorrupt c) {
      mean = meanInterval(c.mtbf(), c.rate(), node, path);
      long sectors = TierBinder.or(c.sectors(), 0L);
      long blocks = TierBinder.or(c.blocks(), c.sectors() != null ? 0L : 1L);
      fault = new Fault.Corrupt(candidates, (int) Math.min(blocks, 1 << 30),
          (int) Math.min(sectors, 1 << 30), 0, Lasting.forever());
    } else if (r instanceof RandomFaults.RandomClockJump j) {
      mean = meanInterval(j.mtbf(), j.rate(), node, path);
      long by = nanos(j.by().text());
      if (!Limits.timeWithin(by, Paths.child(path, "by"), problems)) {
        by = 0;
      }
      fault = new Fault.ClockJump(candidates, by);
    } else {
      RandomFaults.RandomClockDrift d = (RandomFaults.RandomClockDrift) r;
      mean = meanInterval(d.mtbf(), d.rate(), node, path);
      double ppm = d.ppm();
      if (!Limits.driftWithin(ppm, Paths.child(path, "ppm"), problems)) {
        ppm = 0;
      }
      fault = new Fault.ClockDrift(candidates, ppm, lasting(d.lasting()));
    }
    return mean == null || mean <= 0 ? null : new FaultPlan.RandomFault(mean, fault);
  }

  /** The document record of random kind {@code kind}: the type of its RandomFaults component. */
  private static Class<?> randomType(String kind) {
    for (RecordComponent c : RandomFaults.class.getRecordComponents()) {
      if (DocumentKeys.name(c).equals(kind)) {
        return c.getType();
      }
    }
    throw new IllegalArgumentException("no random fault kind " + kind);
  }

  /** Mean time between strikes from "mtbf" (a duration) or "rate" (N per second, or "N/h"). */
  private Long meanInterval(PositiveDuration mtbf, FaultRate rate, JsonNode node, String path) {
    if ((mtbf == null) == (rate == null)) {
      problems.atValue(path, "give exactly one of \"mtbf\" (mean time between faults) "
          + "and \"rate\" (faults per time)", "e.g. \"mtbf\": \"2h\" or \"rate\": \"1/h\"");
      return null;
    }
    if (mtbf != null) {
      return nanos(mtbf.text());
    }
    JsonNode v = node.get("rate");
    if (v.isNumber() && v.doubleValue() > 0) {
      return Math.max(1, Math.round(1e9 / v.doubleValue()));
    }
    if (v.isTextual() && v.textValue().contains("/")) {
      String[] parts = v.textValue().split("/", 2);
      try {
        double n = Double.parseDouble(parts[0].trim());
        // "6/h" is six per hour; "2/10m" two per ten minutes (a bare unit means one of it).
        String unit = parts[1].trim();
        boolean counted = !unit.isEmpty() && (Character.isDigit(unit.charAt(0))
            || unit.charAt(0) == '.');
        long per = dev.dsim.engine.Durations.parse(counted ? unit : "1" + unit);
        if (n > 0) {
          return Math.max(1, Math.round(per / n));
        }
      } catch (IllegalArgumentException e) {
        // reported below
      }
    }
    problems.atValue(Paths.child(path, "rate"), "expected a rate > 0: a number per second or "
        + "\"N/<unit>\", got " + Quote.value(v), "e.g. \"1/h\", \"6/d\" or 0.01");
    return null;
  }
}
