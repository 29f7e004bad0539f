package dev.dsim.run;

import dev.dsim.engine.DeltaDebugging;
import dev.dsim.engine.Durations;
import dev.dsim.fault.FaultPlan;
import dev.dsim.fault.Swarm;
import dev.dsim.scenario.ClientsSpec;
import dev.dsim.scenario.Scenario;
import dev.dsim.scenario.ScenarioException;
import dev.dsim.scenario.ScenarioLoader;
import dev.dsim.scenario.ScenarioOverride;
import dev.dsim.scenario.ScenarioWriter;
import dev.dsim.scenario.Tier;
import dev.dsim.service.Load;
import dev.dsim.service.OperationMix;
import dev.dsim.service.RateSchedule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Shrinks a failing run to a small scenario that still fails the same way. Every fault the run's
 * nemeses struck (random crashes, splits, slow spells, clock faults, corruption), as the run's
 * fault log has them ({@link RunResult.FaultRecord#struck}: the nodes they hit, how long they
 * lasted), becomes an explicit schedule beside the scheduled faults, and the nemeses go; the
 * schedule is minimised by delta debugging (Zeller's ddmin: drop chunks, then halves of chunks,
 * down to single faults); then the run is shortened, the load lowered, the key count lowered
 * and each tier's node count lowered, each as far as the failure survives. A candidate counts
 * as failing only when one of the expectations the original run failed fails again: a
 * different failure is not the same bug.
 *
 * <p>Every candidate is a whole run with the same seed, so the cost is (candidates × one run);
 * {@code maxCandidates} bounds it, and the result says when it stopped early. The scenario it
 * returns is the text of a file: it has been written, read back and run last, so what is printed
 * is proven to fail. When the drawn faults as a schedule do not fail (a fault that mattered to
 * the nanosecond of a message, or corruption whose flipped blocks are drawn afresh), the
 * nemeses stay and only the rest is shrunk; the progress says so.
 * Under swarm testing, the kinds the run disabled are dropped first and swarm testing is turned
 * off (the same run, as a plain plan).
 */
public final class Shrinker {
  /**
   * What the shrinking found: the scenario it started from and the smallest one that still fails,
   * that one as the text of a scenario file (the seed in it), its result, the expectations that
   * failed in the original, how many candidates were run, whether the budget stopped it before
   * it was done, and the sizes before and after (faults struck, duration, nodes).
   */
  public record Outcome(Scenario original, Scenario minimal, String text, RunResult result,
      List<String> failing, int candidates, boolean budgetSpent, int faultsBefore,
      int faultsAfter, long durationBefore, long durationAfter, int nodesBefore,
      int nodesAfter) {
    public Outcome {
      failing = List.copyOf(failing);
    }
  }

  private final long seed;
  private final RunOptions options;
  private final Consumer<String> progress;
  private final int maxCandidates;
  private Set<String> failing;
  private int candidates;

  private Shrinker(long seed, RunOptions options, Consumer<String> progress, int maxCandidates) {
    this.seed = seed;
    this.options = options;
    this.progress = progress;
    this.maxCandidates = maxCandidates;
  }

  /**
   * Shrinks {@code scenario} run with {@code seed}; {@code progress} hears a line per candidate.
   *
   * @throws IllegalArgumentException when the run does not fail an expectation
   */
  public static Outcome shrink(Scenario scenario, long seed, RunOptions options,
      Consumer<String> progress, int maxCandidates) {
    Objects.requireNonNull(scenario, "scenario");
    return new Shrinker(seed, options, progress, maxCandidates).run(scenario);
  }

  private Outcome run(Scenario original) {
    RunResult first = Runner.run(original, seed, options).result();
    failing = new LinkedHashSet<>();
    for (RunResult.ExpectationResult e : first.expectations()) {
      if (!e.ok()) {
        failing.add(e.metric());
      }
    }
    if (failing.isEmpty()) {
      throw new IllegalArgumentException(original.name() + " with seed " + seed
          + " meets every expectation: there is no failure to shrink");
    }
    progress.accept("the run fails " + String.join(", ", failing) + " with "
        + first.faults().size() + " fault(s) in " + Durations.format(original.durationNanos())
        + " on " + nodes(original) + " node(s)");
    Scenario current = original;
    Scenario drawn = withSwarmDrawn(original, first);
    if (drawn != original) {
      if (fails(drawn, "swarm testing's draw as plain nemeses: "
          + String.join(", ", first.swarm().enabled()))) {
        current = drawn;
      } else {
        progress.accept("the drawn nemeses alone do not fail: swarm testing stays");
      }
    }
    current = withoutNemeses(current, first);
    current = minimiseSchedule(current);
    current = shorten(current);
    current = lowerLoad(current);
    current = lowerNodes(current);
    // The file as it will be written, read back and run: proven to fail as printed.
    String text = ScenarioWriter.write(current.withSeed(seed).withoutVariant(),
        ScenarioWriter.Style.CONCISE);
    Scenario minimal;
    try {
      minimal = ScenarioLoader.parse(original.name() + " (shrunk)", text).resolve(null);
    } catch (ScenarioException e) {
      throw new IllegalStateException("the shrunk scenario does not read back: " + e.getMessage(),
          e);
    }
    RunResult last = Runner.run(minimal, seed, options).result();
    candidates++;
    if (!failsAlike(last)) {
      // Cannot happen for a deterministic run whose file reads back as it was written.
      throw new IllegalStateException("the shrunk scenario no longer fails on replay");
    }
    return new Outcome(original, minimal, text, last, List.copyOf(failing), candidates,
        candidates >= maxCandidates, first.faults().size(), last.faults().size(),
        original.durationNanos(), minimal.durationNanos(), nodes(original), nodes(minimal));
  }

  /**
   * Swarm testing's draw written out: only the random kinds the run enabled, and no swarm. The
   * nemeses draw from streams named by their kind, and the swarm's own stream feeds nothing
   * else, so this runs exactly as the swarm run did.
   */
  private static Scenario withSwarmDrawn(Scenario s, RunResult run) {
    FaultPlan plan = s.faults();
    if (!plan.swarm() || run.swarm() == null) {
      return s;
    }
    List<String> on = run.swarm().enabled();
    List<FaultPlan.RandomFault> random = new ArrayList<>();
    for (FaultPlan.RandomFault r : plan.random()) {
      if (on.contains(Swarm.kindOf(r.fault()))) {
        random.add(r);
      }
    }
    return s.withFaults(new FaultPlan(plan.schedule(),
        on.contains("crash") ? plan.randomCrash() : null, random));
  }

  /** The nodes of every tier (the client and balancers are not the system under test). */
  private static int nodes(Scenario s) {
    int n = 0;
    for (Tier t : s.tiers().values()) {
      n += t.nodes();
    }
    return n;
  }

  /**
   * The scheduled faults plus every fault a nemesis struck, by time, and no nemeses: first to
   * the millisecond, so the file reads as a person would write it, then, when that does not
   * fail, to the nanosecond; when neither fails, the nemeses stay.
   */
  private Scenario withoutNemeses(Scenario s, RunResult run) {
    FaultPlan plan = s.faults();
    if (plan.randomCrash() == null && plan.random().isEmpty()) {
      return s;
    }
    int drawn = DrawnFaults.of(run).size();
    Scenario rounded = s.withFaults(DrawnFaults.asSchedule(plan.schedule(),
        DrawnFaults.of(run), true));
    if (fails(rounded, "the " + drawn + " drawn fault(s) as a schedule, to the millisecond")) {
      return rounded;
    }
    Scenario exact = s.withFaults(DrawnFaults.asSchedule(plan.schedule(),
        DrawnFaults.of(run), false));
    if (fails(exact, "the drawn faults as a schedule, to the nanosecond")) {
      return exact;
    }
    progress.accept("the drawn faults as a schedule do not fail the same way: the nemeses stay");
    return s;
  }

  /** ddmin over the schedule: remove chunks while the run still fails. */
  private Scenario minimiseSchedule(Scenario s) {
    FaultPlan plan = s.faults();
    List<FaultPlan.Scheduled> minimal = DeltaDebugging.minimise(plan.schedule(),
        without -> fails(s.withFaults(plan.withSchedule(without)), without.size() + " fault(s)"),
        () -> candidates < maxCandidates);
    return s.withFaults(plan.withSchedule(minimal));
  }

  /**
   * A shorter run: halves the distance to the shortest sensible duration (past the warmup and
   * the last scheduled fault) while the failure survives.
   */
  private Scenario shorten(Scenario s) {
    long floor = s.warmupNanos() + 1_000_000_000L;
    for (FaultPlan.Scheduled f : s.faults().schedule()) {
      floor = Math.max(floor, f.atNanos() + 1_000_000_000L);
    }
    Scenario current = s;
    long lo = floor;
    long hi = s.durationNanos();
    while (hi - lo > Math.max(1_000_000_000L, hi / 20) && candidates < maxCandidates) {
      // Whole seconds: a duration a person would write.
      long mid = (lo + (hi - lo) / 2) / 1_000_000_000L * 1_000_000_000L;
      if (mid <= lo || mid >= hi) {
        break;
      }
      Scenario candidate = current.withDuration(mid);
      if (fails(candidate, "duration " + Durations.format(mid))) {
        current = candidate;
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return current;
  }

  /** Halves an open loop's rate, then the key count, while the failure survives. */
  private Scenario lowerLoad(Scenario s) {
    Scenario current = s;
    for (int i = 0; i < 6 && candidates < maxCandidates; i++) {
      if (!(current.clients().load() instanceof Load.Open open) || !open.rate().isConstant()) {
        break;
      }
      double rate = open.rate().points().get(0).rate() / 2;
      if (rate < 1) {
        break;
      }
      Scenario candidate = current.withClients(new ClientsSpec(new Load.Open(open.arrival(),
          RateSchedule.constant(rate)), current.clients().mix(), current.clients().retry()));
      if (!fails(candidate, "rate " + rate + "/s")) {
        break;
      }
      current = candidate;
    }
    boolean storesData = current.tiers().values().stream()
        .anyMatch(t -> t instanceof Tier.Kv);
    for (int i = 0; i < 6 && storesData && candidates < maxCandidates; i++) {
      OperationMix mix = current.clients().mix();
      int keys = mix.keys() / 2;
      if (keys < 1) {
        break;
      }
      Scenario candidate = current.withClients(new ClientsSpec(current.clients().load(),
          new OperationMix(mix.readFraction(), keys, mix.zipfExponent(), mix.valueBytes()),
          current.clients().retry()));
      if (!fails(candidate, keys + " keys")) {
        break;
      }
      current = candidate;
    }
    return current;
  }

  /**
   * Fewer nodes in each tier, in file order: halves, then one fewer, while the failure survives.
   * A candidate is the scenario written out and read back with the tier's {@code nodes} set, so
   * the binder's own rules judge it (replication no more than the nodes, faults naming only
   * nodes that exist); one it rejects is not run.
   */
  private Scenario lowerNodes(Scenario s) {
    Scenario current = s;
    for (String tier : List.copyOf(s.tiers().keySet())) {
      boolean lowered = true;
      while (lowered && candidates < maxCandidates) {
        lowered = false;
        int n = current.tiers().get(tier).nodes();
        // Halve first (big steps while they work), then one fewer.
        for (int fewer : n / 2 >= 1 && n / 2 < n - 1 ? new int[] {n / 2, n - 1}
            : new int[] {n - 1}) {
          if (fewer < 1 || candidates >= maxCandidates) {
            break;
          }
          Scenario candidate = withNodes(current, tier, fewer);
          if (candidate != null && fails(candidate, tier + " with " + fewer + " node(s)")) {
            current = candidate;
            lowered = true;
            break;
          }
        }
      }
    }
    return current;
  }

  /** The scenario with {@code nodes} nodes in {@code tier}, or null when that is not valid. */
  private Scenario withNodes(Scenario s, String tier, int nodes) {
    String text = ScenarioWriter.write(s.withoutVariant(), ScenarioWriter.Style.EXPLICIT);
    try {
      return ScenarioLoader.parse(s.name(), text, List.of(ScenarioOverride.parse(
          "tiers." + tier + ".nodes=" + nodes))).resolve(null);
    } catch (ScenarioException e) {
      progress.accept(tier + " with " + nodes + " node(s) is not a valid scenario ("
          + e.errors().get(0).message() + "): not tried");
      return null;
    }
  }

  /** Runs a candidate; true when it fails one of the original failing expectations. */
  private boolean fails(Scenario candidate, String what) {
    candidates++;
    boolean fails;
    try {
      fails = failsAlike(Runner.run(candidate, seed, options).result());
    } catch (RuntimeException e) {
      // An invariant or the event bound stops a candidate: a different failure, not this one.
      fails = false;
    }
    progress.accept("candidate " + candidates + " (" + what + "): "
        + (fails ? "still fails" : "passes"));
    return fails;
  }

  private boolean failsAlike(RunResult r) {
    for (RunResult.ExpectationResult e : r.expectations()) {
      if (!e.ok() && failing.contains(e.metric())) {
        return true;
      }
    }
    return false;
  }

}
