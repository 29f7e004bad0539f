package dev.dsim.fault;

import dev.dsim.engine.EventKind;
import dev.dsim.engine.Rng;
import dev.dsim.engine.Simulation;
import dev.dsim.world.Node;
import dev.dsim.world.World;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * Makes faults happen: schedules the plan's faults and their heals, runs the nemeses, and logs
 * every fault in a {@link FaultLog}. What a fault does when it strikes, and how it is undone, is
 * the fault's own ({@link Fault#strike}); this class only decides when.
 *
 * <p>Every stream is named by what it serves, never by position: each scheduled fault draws its
 * random choices (a random node of a tier, the blocks it flips) from a stream named after the
 * fault ({@link #streamName}), each nemesis from {@code nemesis/<kind>}, each crash-nemesis
 * candidate from {@code nemesis/crash/<node>}, so adding or removing a fault never changes
 * another's draws.
 */
public final class FaultInjector {
  static final EventKind STRIKE = EventKind.of("fault");
  static final EventKind HEAL = EventKind.of("heal");

  private final World world;
  private final Simulation sim;
  private final FaultLog log;
  private final Resolver resolver;
  /** Targets resolved to node ids once, shared by every strike (lookups only). */
  private final Map<Target, List<Integer>> resolved = new HashMap<>();
  /** Nemeses started per stream name, so a second one of a kind gets a stream of its own. */
  private final Map<String, Integer> nemesisNames = new HashMap<>();
  /** Heals of faults still in force, by log record, in the order they struck. */
  private final Map<Integer, Runnable> pendingHeals = new LinkedHashMap<>();
  /** Set by {@link #healAll}: nothing strikes any more. */
  private boolean quiet;

  /**
   * @param resolver node ids for the names the faults' targets use (nodes and tiers)
   */
  public FaultInjector(World world, FaultLog log, Resolver resolver) {
    this.world = Objects.requireNonNull(world, "world");
    this.sim = world.sim();
    this.log = Objects.requireNonNull(log, "log");
    this.resolver = Objects.requireNonNull(resolver, "resolver");
  }

  /**
   * Carries out a whole plan: the schedule, then each nemesis, then the random crashes. With
   * swarm testing ({@link FaultPlan#swarm}) only the random kinds {@link Swarm} draws from the
   * stream {@value Swarm#STREAM} start, and the draw goes to the fault log; without it that
   * stream is never forked.
   */
  public void inject(FaultPlan plan) {
    schedule(plan.schedule());
    Swarm.Draw draw = plan.swarm()
        ? Swarm.draw(Swarm.kinds(plan), sim.rng().fork(Swarm.STREAM)) : null;
    log.swarm(draw);
    for (FaultPlan.RandomFault r : plan.random()) {
      if (draw == null || draw.isEnabled(Swarm.kindOf(r.fault()))) {
        start(r);
      }
    }
    if (plan.randomCrash() != null && (draw == null || draw.isEnabled("crash"))) {
      start(plan.randomCrash());
    }
  }

  /** Schedules every fault (and, as each strikes, its heal). */
  public void schedule(List<FaultPlan.Scheduled> schedule) {
    Map<String, Integer> seen = new HashMap<>();
    for (FaultPlan.Scheduled f : schedule) {
      String name = streamName(f);
      int n = seen.merge(name, 1, Integer::sum);
      FaultScene scene = scene(sim.rng().fork(n == 1 ? name : name + "#" + n));
      sim.schedule(f.atNanos(), new FaultEvent(STRIKE, -1, f.fault().kind(),
          targetLabel(f.fault(), " | "), "schedule", () -> strike(f.fault(), scene, "schedule")));
    }
  }

  /**
   * The stream a scheduled fault draws from, named by the fault itself:
   * {@code fault/crash@60000000000/random:web} (kind, time in nanoseconds, targets). Inserting
   * or removing another fault never shifts its draws; only a second fault identical in kind,
   * time and targets gets {@code #2}.
   */
  static String streamName(FaultPlan.Scheduled f) {
    return "fault/" + f.fault().kind() + "@" + f.atNanos() + "/" + targetLabel(f.fault(), "|");
  }

  /** The fault's targets as written in the plan ("random:web|db-1" with "|" between). */
  private static String targetLabel(Fault fault, String between) {
    StringBuilder targets = new StringBuilder();
    for (Target t : fault.targets()) {
      targets.append(targets.length() == 0 ? "" : between).append(t.label());
    }
    return targets.toString();
  }

  private FaultScene scene(Rng rng) {
    return new FaultScene(world, resolver, resolved, rng);
  }

  /**
   * Starts a nemesis that strikes the fault ({@link Fault#forNemesis()}) again and again, at
   * exponential intervals drawn from the stream {@code nemesis/<kind>} (a second nemesis of the
   * same kind gets {@code nemesis/<kind>#2}, and so on).
   */
  public void start(FaultPlan.RandomFault spec) {
    Fault fault = spec.fault().forNemesis();
    String name = "nemesis/" + fault.kind();
    int seen = nemesisNames.getOrDefault(name, 0) + 1;
    nemesisNames.put(name, seen);
    Rng rng = sim.rng().fork(seen == 1 ? name : name + "#" + seen);
    ContinuousSampler gap = rng.exponential(spec.meanIntervalNanos());
    strikeAgain(fault, gap, scene(rng));
  }

  private void strikeAgain(Fault fault, ContinuousSampler gap, FaultScene scene) {
    sim.after(Math.round(gap.sample()), new FaultEvent(STRIKE, -1, fault.kind(), null,
        "nemesis", () -> {
          if (quiet) {
            return;
          }
          strike(fault, scene, "nemesis");
          strikeAgain(fault, gap, scene);
        }));
  }

  private void strike(Fault fault, FaultScene scene, String source) {
    if (quiet) {
      return;
    }
    Strike s = fault.strike(scene);
    if (s == null) {
      return; // it found nothing to do: nothing happened, nothing to log
    }
    int record = log.struck(s.kind(), s.label(), sim.now(), source, s.struck());
    traceStruck(record, s.kind(), s.label(), source);
    if (s.heal() == null) {
      log.healed(record, sim.now());
      traceHealed(record);
      return;
    }
    pendingHeals.put(record, s.heal());
    if (s.lasting().heals()) {
      sim.after(s.lasting().nanos(), new FaultEvent(HEAL, -1, s.kind(), s.label(), source,
          () -> healNow(record)));
    }
  }

  /**
   * Starts random crashes: each candidate fails after Exp(mttf) of uptime and is repaired after
   * Exp(mttr). A failure that would take more than maxDown candidates down is skipped (the node
   * survives and draws its next time to failure).
   */
  public void start(FaultPlan.CrashNemesis spec) {
    List<Integer> candidates = scene(sim.rng()).ids(spec.candidates());
    for (int id : candidates) {
      Node n = world.node(id);
      Rng rng = sim.rng().fork("nemesis/crash/" + n.name());
      ContinuousSampler ttf = rng.exponential(spec.mttfNanos());
      ContinuousSampler ttr = rng.exponential(spec.mttrNanos());
      scheduleFailure(spec, candidates, n, ttf, ttr);
    }
  }

  private void scheduleFailure(FaultPlan.CrashNemesis spec, List<Integer> candidates, Node n,
      ContinuousSampler ttf, ContinuousSampler ttr) {
    sim.after(Math.round(ttf.sample()), new FaultEvent(STRIKE, n.id(), "crash", n.name(),
        "nemesis", () -> fail(spec, candidates, n, ttf, ttr)));
  }

  private void fail(FaultPlan.CrashNemesis spec, List<Integer> candidates, Node n,
      ContinuousSampler ttf, ContinuousSampler ttr) {
    if (quiet) {
      return;
    }
    if (!n.isUp() || downAmong(candidates) >= spec.maxDown()) {
      scheduleFailure(spec, candidates, n, ttf, ttr);
      return;
    }
    // The time to repair is drawn first so the log can hold the crash as it will be (how
    // long it lasts); nothing else draws from this node's stream in between.
    long down = Math.round(ttr.sample());
    n.crash();
    Fault struck = new Fault.Crash(new Target.All(List.of(n.name())),
        Lasting.forNanos(down), false);
    int record = log.struck("crash", n.name(), sim.now(), "nemesis", struck);
    traceStruck(record, "crash", n.name(), "nemesis");
    pendingHeals.put(record, n::restart);
    sim.after(down, new FaultEvent(HEAL, n.id(), "crash", n.name(), "nemesis", () -> {
      healNow(record);
      scheduleFailure(spec, candidates, n, ttf, ttr);
    }));
  }

  private int downAmong(List<Integer> ids) {
    int down = 0;
    for (int id : ids) {
      if (!world.node(id).isUp()) {
        down++;
      }
    }
    return down;
  }

  private void healNow(int record) {
    Runnable heal = pendingHeals.remove(record);
    if (heal != null) {
      heal.run();
      log.healed(record, sim.now());
      traceHealed(record);
    }
  }

  /** A "struck" trace line: which fault, on what, from where; numbered as in the fault log. */
  private void traceStruck(int record, String kind, String label, String source) {
    if (sim.tracing()) {
      sim.record(-1, "struck", out -> out.field("fault", kind).field("targets", label)
          .field("id", record).field("source", source));
    }
  }

  /** A "healed" trace line for fault {@code record} of the fault log. */
  private void traceHealed(int record) {
    if (sim.tracing()) {
      sim.record(-1, "healed", out -> out.field("id", record));
    }
  }

  /**
   * Starts the quiet period at the end of a run: every fault still in force heals now (crashed
   * nodes restart, partitions heal, slow nodes and links recover), and no fault strikes again,
   * scheduled or random. Damage already done stays: a wiped disk, flipped bits, a clock that
   * jumped.
   */
  public void healAll() {
    quiet = true;
    for (Integer record : List.copyOf(pendingHeals.keySet())) {
      healNow(record);
    }
  }
}
