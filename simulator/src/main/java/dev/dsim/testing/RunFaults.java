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
    injector = new FaultInjector(world, log, Resolver.byNodeName(world));
    injector.inject(plan);
    return injector;
  }

  /** Every fault that struck so far, in order, with its heal time. */
  public List<FaultRecord> struck() {
    return log.records();
  }
}
