package dev.dsim.testing;

import dev.dsim.engine.InvariantViolation;
import dev.dsim.engine.LivenessViolation;
import dev.dsim.engine.Simulation;
import dev.dsim.fault.FaultPlan;
import dev.dsim.engine.DeltaDebugging;
import dev.dsim.run.DrawnFaults;
import java.util.List;

/**
 * {@link Simulations#shrink}: the library's shrinker, over a {@link FaultedBody}'s faults. The
 * nemeses' drawn faults (from the first run's fault log) become a schedule, to the millisecond
 * and else to the nanosecond, and the nemeses go; delta debugging then drops faults while the
 * body still fails alike: the same invariant, the same liveness goal, or else an exception of
 * the same class. A failure of another kind is another bug, and the candidate counts as
 * passing.
 */
final class FaultShrinker {
  /** How one run of the body ended. */
  private record Outcome(Throwable failure, String traceHash, int faultsStruck) {}

  private final long seed;
  private final FaultedBody body;
  private final int maxCandidates;
  private final double buggify;
  private Throwable original;
  private int candidates;

  FaultShrinker(long seed, FaultedBody body, int maxCandidates, double buggify) {
    if (maxCandidates < 2) {
      throw new IllegalArgumentException("maxCandidates must be at least 2: " + maxCandidates);
    }
    if (!(buggify >= 0 && buggify <= 1)) {
      throw new IllegalArgumentException("buggify is a probability, got " + buggify);
    }
    this.seed = seed;
    this.body = body;
    this.maxCandidates = maxCandidates;
    this.buggify = buggify;
  }

  ShrunkFailure shrink(FaultPlan plan) {
    RunFaults firstFaults = RunFaults.of(plan);
    Outcome first = run(firstFaults);
    if (first.failure() == null) {
      throw new IllegalArgumentException("seed " + seed + " passes with these faults: there is "
          + "no failure to shrink");
    }
    original = first.failure();
    FaultPlan current = plan;
    List<FaultPlan.Scheduled> drawn = DrawnFaults.ofLog(firstFaults.struck());
    if (plan.randomCrash() != null || !plan.random().isEmpty()) {
      FaultPlan rounded = DrawnFaults.asSchedule(plan.schedule(), drawn, true);
      FaultPlan exact = DrawnFaults.asSchedule(plan.schedule(), drawn, false);
      if (fails(rounded)) {
        current = rounded;
      } else if (fails(exact)) {
        current = exact;
      }
    }
    FaultPlan from = current;
    List<FaultPlan.Scheduled> minimal = DeltaDebugging.minimise(from.schedule(),
        without -> fails(new FaultPlan(without, from.randomCrash(), from.random())),
        () -> candidates < maxCandidates - 1);
    current = new FaultPlan(minimal, from.randomCrash(), from.random());
    Outcome last = run(RunFaults.of(current));
    if (!alike(last.failure())) {
      throw new IllegalStateException("the shrunk faults no longer fail on replay: the body is "
          + "not deterministic for seed " + seed + " (run it twice and compare trace hashes)");
    }
    return new ShrunkFailure(seed, plan, current, last.failure(), last.traceHash(), candidates,
        candidates >= maxCandidates, first.faultsStruck(), last.faultsStruck());
  }

  private boolean fails(FaultPlan plan) {
    return alike(run(RunFaults.of(plan)).failure());
  }

  private Outcome run(RunFaults faults) {
    candidates++;
    Simulation sim = new Simulation(seed);
    if (buggify > 0) {
      sim.enableBuggify(buggify);
    }
    try {
      body.run(sim, faults);
      return new Outcome(null, sim.traceHashHex(), faults.struck().size());
    } catch (InvariantViolation e) {
      return new Outcome(e, e.traceHash(), faults.struck().size());
    } catch (LivenessViolation e) {
      return new Outcome(e, e.traceHash(), faults.struck().size());
    } catch (Exception | AssertionError e) {
      return new Outcome(e, sim.traceHashHex(), faults.struck().size());
    }
  }

  /** The same bug: the same invariant or goal broken, or an exception of the same class. */
  private boolean alike(Throwable t) {
    if (t == null || t.getClass() != original.getClass()) {
      return false;
    }
    if (t instanceof InvariantViolation v) {
      return v.invariant().equals(((InvariantViolation) original).invariant());
    }
    if (t instanceof LivenessViolation v) {
      return v.goal().equals(((LivenessViolation) original).goal());
    }
    return true;
  }
}
