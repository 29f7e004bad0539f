package dev.dsim.scenario;

import dev.dsim.fault.CrashNemesisSpec;
import dev.dsim.fault.Fault;
import dev.dsim.fault.FaultInjector;
import dev.dsim.fault.RandomFaultSpec;
import dev.dsim.fault.ScheduledFault;
import dev.dsim.fault.Target;
import dev.dsim.world.World;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the scenario's fault section into fault records on concrete nodes and hands them to the
 * injector. Target names were validated when the scenario was bound.
 */
final class FaultPlanCompiler {
  private FaultPlanCompiler() {}

  static void inject(Scenario scenario, World world, FaultInjector injector) {
    FaultsSpec faults = scenario.faults();
    List<ScheduledFault> plan = new ArrayList<>();
    for (FaultsSpec.FaultSpec f : faults.schedule()) {
      plan.add(new ScheduledFault(f.atNanos(), fault(f, scenario, world)));
    }
    injector.schedule(plan);
    for (FaultsSpec.RandomFault r : faults.random()) {
      injector.start(new RandomFaultSpec(randomFault(r.fault(), scenario, world),
          r.meanIntervalNanos()));
    }
    FaultsSpec.RandomCrashSpec crash = faults.randomCrash();
    if (crash != null) {
      Set<Integer> ids = new LinkedHashSet<>();
      for (String t : crash.targets()) {
        ids.addAll(ids(t.startsWith("random:") ? t.substring(7) : t, scenario, world));
      }
      injector.start(new CrashNemesisSpec(List.copyOf(ids), crash.mttfNanos(),
          crash.mttrNanos(), crash.maxDown()));
    }
  }

  /**
   * A nemesis fault: a random split of the candidates for a partition, otherwise the scheduled
   * fault of that kind aimed at one candidate drawn at each strike.
   */
  private static Fault randomFault(FaultsSpec.FaultSpec f, Scenario scenario, World world) {
    if (f instanceof FaultsSpec.Partition p && !p.isolate()) {
      return new Fault.Split(ids(p.groups().get(0), scenario, world), p.forNanos());
    }
    List<String> candidates = targetsOf(f);
    String one = "random:" + String.join(",", candidates);
    return withTarget(fault(f, scenario, world), new Target.RandomOf(ids(candidates, scenario,
        world), one));
  }

  private static List<String> targetsOf(FaultsSpec.FaultSpec f) {
    if (f instanceof FaultsSpec.Partition p) {
      return p.groups().get(0);
    }
    if (f instanceof FaultsSpec.Slow s) {
      return s.targets();
    }
    if (f instanceof FaultsSpec.Degrade d) {
      return d.targets();
    }
    if (f instanceof FaultsSpec.ClockJump j) {
      return j.targets();
    }
    if (f instanceof FaultsSpec.ClockDrift d) {
      return d.targets();
    }
    return ((FaultsSpec.Corrupt) f).targets();
  }

  /** The same fault aimed at {@code t}. */
  private static Fault withTarget(Fault f, Target t) {
    if (f instanceof Fault.Isolate i) {
      return new Fault.Isolate(t, i.forNanos());
    }
    if (f instanceof Fault.Slow s) {
      return new Fault.Slow(t, s.factor(), s.forNanos(), s.cpu(), s.disk());
    }
    if (f instanceof Fault.Degrade d) {
      return new Fault.Degrade(t, d.extraLatencyNanos(), d.extraLoss(), d.forNanos());
    }
    if (f instanceof Fault.ClockJump j) {
      return new Fault.ClockJump(t, j.byNanos());
    }
    if (f instanceof Fault.ClockDrift d) {
      return new Fault.ClockDrift(t, d.ppm(), d.forNanos());
    }
    Fault.Corrupt c = (Fault.Corrupt) f;
    return new Fault.Corrupt(t, c.blocks(), c.sectors(), c.messages(), c.forNanos());
  }

  private static Fault fault(FaultsSpec.FaultSpec f, Scenario scenario, World world) {
    if (f instanceof FaultsSpec.Crash c) {
      return new Fault.Crash(target(c.targets(), scenario, world), c.restartAfterNanos(),
          c.wipe());
    }
    if (f instanceof FaultsSpec.Slow s) {
      return new Fault.Slow(target(s.targets(), scenario, world), s.factor(), s.forNanos(),
          s.cpu(), s.disk());
    }
    if (f instanceof FaultsSpec.Corrupt c) {
      return new Fault.Corrupt(target(c.targets(), scenario, world), c.blocks(), c.sectors(),
          c.messages(), c.forNanos());
    }
    if (f instanceof FaultsSpec.ClockJump j) {
      return new Fault.ClockJump(target(j.targets(), scenario, world), j.byNanos());
    }
    if (f instanceof FaultsSpec.ClockDrift d) {
      return new Fault.ClockDrift(target(d.targets(), scenario, world), d.ppm(), d.forNanos());
    }
    if (f instanceof FaultsSpec.Degrade d) {
      return new Fault.Degrade(target(d.targets(), scenario, world), d.extraLatencyNanos(),
          d.extraLoss(), d.forNanos());
    }
    FaultsSpec.Partition p = (FaultsSpec.Partition) f;
    if (p.isolate()) {
      return new Fault.Isolate(target(p.groups().get(0), scenario, world), p.forNanos());
    }
    List<Target> groups = new ArrayList<>();
    for (List<String> g : p.groups()) {
      groups.add(target(g, scenario, world));
    }
    return new Fault.Partition(groups, p.oneWay(), p.forNanos());
  }

  /** One name: a random node of a tier; several names or a tier: those nodes. */
  private static Target target(List<String> names, Scenario scenario, World world) {
    if (names.size() == 1 && names.get(0).startsWith("random:")) {
      String tier = names.get(0).substring(7);
      return new Target.RandomOf(ids(tier, scenario, world), names.get(0));
    }
    return new Target.Nodes(ids(names, scenario, world), String.join(",", names));
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
    TierSpec tier = scenario.tiers().get(name);
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
