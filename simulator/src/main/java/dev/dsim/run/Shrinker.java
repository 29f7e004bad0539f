package dev.dsim.run;

import dev.dsim.engine.Durations;
import dev.dsim.fault.Fault;
import dev.dsim.fault.FaultPlan;
import dev.dsim.fault.Lasting;
import dev.dsim.fault.Swarm;
import dev.dsim.fault.Target;
import dev.dsim.scenario.ClientsSpec;
import dev.dsim.scenario.Scenario;
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
 * Shrinks a failing run to a small scenario that still fails the same way. The random crash
 * nemesis's crashes, as the run's fault log has them, become an explicit schedule beside the
 * scheduled faults; the schedule is minimised by delta debugging (Zeller's ddmin: drop chunks,
 * then halves of chunks, down to single faults); then the run is shortened, the load lowered
 * and the key count lowered, each as far as the failure survives. A candidate counts as failing
 * only when one of the expectations the original run failed fails again: a different failure
 * is not the same bug.
 *
 * <p>Every candidate is a whole run with the same seed, so the cost is (candidates × one run);
 * {@code maxCandidates} bounds it, and the result says when it stopped early. The scenario it
 * returns has been run last, so it is proven to fail. Under swarm testing, the kinds the run
 * disabled are dropped first and swarm testing is turned off (the same run, as a plain plan).
 * Other random nemeses (partitions, slow
 * nodes, …) stay as they are: their strikes are not yet turned into a schedule.
 */
public final class Shrinker {
  /**
   * What the shrinking found: the scenario it started from and the smallest one that still fails,
   * its result, the expectations that failed in the original, how many candidates were run, and
   * whether the budget stopped it before it was done.
   */
  public record Outcome(Scenario original, Scenario minimal, RunResult result,
      List<String> failing, int candidates, boolean budgetSpent, int faultsBefore,
      int faultsAfter, long durationBefore, long durationAfter) {
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
        + first.faults().size() + " fault(s) in " + Durations.format(original.durationNanos()));
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
    Scenario explicit = withExplicitCrashes(current, first);
    if (explicit != original) {
      if (fails(explicit, "the random crashes as an explicit schedule")) {
        current = explicit;
      } else {
        progress.accept("the explicit schedule does not fail: the nemesis stays");
      }
    }
    current = minimiseSchedule(current);
    current = shorten(current);
    current = lowerLoad(current);
    RunResult last = Runner.run(current, seed, options).result();
    candidates++;
    if (!failsAlike(last)) {
      // Cannot happen for a deterministic run: the same candidate failed before.
      throw new IllegalStateException("the shrunk scenario no longer fails on replay");
    }
    return new Outcome(original, current, last, List.copyOf(failing), candidates,
        candidates >= maxCandidates, first.faults().size(), last.faults().size(),
        original.durationNanos(), current.durationNanos());
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

  /** The scheduled faults plus every crash the nemesis struck, by time; no crash nemesis. */
  private static Scenario withExplicitCrashes(Scenario s, RunResult run) {
    // Under swarm testing, dropping the crash nemesis could change what the others draw.
    if (s.faults().randomCrash() == null || s.faults().swarm()) {
      return s;
    }
    List<FaultPlan.Scheduled> schedule = new ArrayList<>(s.faults().schedule());
    for (RunResult.FaultRecord f : run.faults()) {
      if (!f.source().equals("nemesis") || !f.kind().equals("crash")) {
        continue;
      }
      // To the millisecond, so the file reads as a person would write it; the candidate is
      // run, so a crash that mattered to the microsecond shows as "does not fail".
      long at = millis(f.atSeconds());
      Lasting lasting = f.healedAtSeconds() == null ? Lasting.forever()
          : Lasting.forNanos(Math.max(0, millis(f.healedAtSeconds()) - at));
      schedule.add(new FaultPlan.Scheduled(at, new Fault.Crash(
          new Target.All(List.of(f.targets())), lasting, false)));
    }
    schedule.sort((a, b) -> Long.compare(a.atNanos(), b.atNanos()));
    return s.withFaults(new FaultPlan(schedule, null, s.faults().random()));
  }

  private static long millis(double seconds) {
    return Math.round(seconds * 1e3) * 1_000_000L;
  }

  /** ddmin over the schedule: remove chunks while the run still fails. */
  private Scenario minimiseSchedule(Scenario s) {
    List<FaultPlan.Scheduled> current = new ArrayList<>(s.faults().schedule());
    int chunks = 2;
    while (current.size() >= 1 && candidates < maxCandidates) {
      int size = current.size();
      chunks = Math.min(chunks, size);
      boolean removed = false;
      for (int c = 0; c < chunks && candidates < maxCandidates; c++) {
        int from = c * size / chunks;
        int to = (c + 1) * size / chunks;
        List<FaultPlan.Scheduled> without = new ArrayList<>(current.subList(0, from));
        without.addAll(current.subList(to, size));
        Scenario candidate = s.withFaults(s.faults().withSchedule(without));
        if (fails(candidate, without.size() + " faults")) {
          current = without;
          chunks = Math.max(chunks - 1, 2);
          removed = true;
          break;
        }
      }
      if (!removed) {
        if (chunks >= size) {
          break;
        }
        chunks = Math.min(2 * chunks, size);
      }
    }
    return s.withFaults(s.faults().withSchedule(current));
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
        .anyMatch(t -> t instanceof dev.dsim.scenario.Tier.Kv);
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
