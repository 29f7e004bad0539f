package dev.dsim.testing;

import dev.dsim.fault.FaultInjector;
import dev.dsim.fault.FaultLog;
import dev.dsim.fault.FaultPlan;
import dev.dsim.fault.FaultRecord;
import dev.dsim.fault.Resolver;
import dev.dsim.world.World;
import java.util.List;
import java.util.Objects;

/**
 * The faults of one run of a {@link FaultedBody}: the plan to strike (a schedule, random
 * crashes, nemeses; targets by node name) and the log of every fault that struck, each as it
 * struck (the nodes a nemesis drew, a split's two groups).
 */
public final class RunFaults {
  /**
   * The RunFaults struck on this thread while a sweep watches one run (a run has one thread):
   * how a failure message can list the faults in force without the body handing them over.
   */
  private static final ThreadLocal<List<RunFaults>> WATCHED = new ThreadLocal<>();

  private final FaultPlan plan;
  private final FaultLog log = new FaultLog();
  private FaultInjector injector;

  private RunFaults(FaultPlan plan) {
    this.plan = Objects.requireNonNull(plan, "plan");
  }

  /** The faults of {@code plan}, for one run. */
  public static RunFaults of(FaultPlan plan) {
    return new RunFaults(plan);
  }

  /** The plan this run strikes. */
  public FaultPlan plan() {
    return plan;
  }

  /**
   * Strikes the plan on {@code world} (call it once, after adding the nodes and before
   * {@code world.start()}): the schedule at its times, the nemeses from their own streams.
   * Targets name nodes ({@link Resolver#byNodeName}). Returns the injector, whose
   * {@link FaultInjector#healAll} starts a quiet period.
   */
  public FaultInjector strikeOn(World world) {
    if (injector != null) {
      throw new IllegalStateException("the faults of a run are struck on one world, once");
    }
    List<RunFaults> watched = WATCHED.get();
    if (watched != null) {
      watched.add(this);
    }
    injector = new FaultInjector(world, log, Resolver.byNodeName(world));
    injector.inject(plan);
    return injector;
  }

  /**
   * Starts watching this thread's run: every RunFaults struck on it until {@link #unwatch} is
   * remembered. Returns what was being watched before (to restore), normally null.
   */
  static List<RunFaults> watch() {
    List<RunFaults> before = WATCHED.get();
    WATCHED.set(new java.util.ArrayList<>());
    return before;
  }

  /** Stops watching; returns the RunFaults struck since {@link #watch}, restoring the outer. */
  static List<RunFaults> unwatch(List<RunFaults> before) {
    List<RunFaults> struck = WATCHED.get();
    if (before == null) {
      WATCHED.remove();
    } else {
      WATCHED.set(before);
    }
    return struck == null ? List.of() : struck;
  }

  /**
   * The faults in force at {@code atNanos} (struck at or before it, not healed by then), as
   * a person reads them: {@code "partition coord,p1 | p2 (since 3.700s)"}.
   */
  static List<String> inForce(List<RunFaults> runs, long atNanos) {
    List<String> out = new java.util.ArrayList<>();
    for (RunFaults r : runs) {
      for (FaultRecord f : r.struck()) {
        boolean healed = f.healedAtNanos() >= 0 && f.healedAtNanos() <= atNanos;
        if (f.atNanos() <= atNanos && !healed) {
          out.add(f.kind() + " " + f.targets() + " (since "
              + dev.dsim.engine.Durations.format(f.atNanos()) + ")");
        }
      }
    }
    return out;
  }

  /** Every fault that struck so far, in order, with its heal time. */
  public List<FaultRecord> struck() {
    return log.records();
  }
}
