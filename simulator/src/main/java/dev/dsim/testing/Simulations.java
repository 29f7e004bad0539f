package dev.dsim.testing;

/**
 * The entry point for testing a protocol over many seeds:
 *
 * <pre>{@code
 * Simulations.seeds(1, 1000).check(sim -> {
 *   World world = new World(sim, new Distribution.Exponential(1_000_000));
 *   ... add nodes running your processes, schedule faults ...
 *   sim.invariant("at most one leader per term", () -> leaders.isConsistent());
 *   world.start();
 *   sim.runUntil(60_000_000_000L);
 *   assertThat(...)...;
 * });
 * }</pre>
 *
 * <p>On failure the AssertionError names the first failing seed, what failed, the simulated
 * time, the trace hash, whether re-running the seed in the same JVM gave the same trace, and
 * the command that re-runs only that seed of that test, in a fresh JVM, with its event trace
 * written ({@code mvn test -Dtest=RaftTest#elects -Ddsim.seed=RaftTest#elects:17
 * -Ddsim.trace=target/dsim-seed-17.jsonl}). A seed whose run fired no event, or registered
 * invariants that were never evaluated, fails too ({@link VacuousRunError}).
 */
public final class Simulations {
  private Simulations() {}

  /** Seeds {@code from} to {@code to}, both included. */
  public static SeedSweep seeds(long from, long to) {
    return new SeedSweep(from, to);
  }

  /**
   * Shrinks a failing seed's faults: the body run with {@code faults} on {@code seed} must fail;
   * the nemeses' draws in that run become an explicit schedule (the nemeses go when that still
   * fails alike), which delta debugging cuts down to the faults the failure needs. A candidate
   * fails alike when it breaks the same invariant or liveness goal, or throws the same class of
   * exception. The result was run last, so it is proven to fail; at most 200 runs.
   *
   * <pre>{@code
   * ShrunkFailure s = Simulations.shrink(failure.seed(), LeaderElection.randomSplits(),
   *     (sim, faults) -> LeaderElection.run(sim, LeaderElection.BROKEN_QUORUM, 10, faults));
   * System.out.println(s.describe()); // faults 31 -> 2, and the two partitions
   * }</pre>
   *
   * @throws IllegalArgumentException when the seed passes with {@code faults}
   */
  public static ShrunkFailure shrink(long seed, dev.dsim.fault.FaultPlan faults,
      FaultedBody body) {
    return shrink(seed, faults, body, 200, 0);
  }

  /**
   * {@link #shrink(long, dev.dsim.fault.FaultPlan, FaultedBody)} with at most
   * {@code maxCandidates} runs, and {@code ctx.buggify()} on with {@code buggify} as in the
   * sweep that found the seed (0: off).
   */
  public static ShrunkFailure shrink(long seed, dev.dsim.fault.FaultPlan faults,
      FaultedBody body, int maxCandidates, double buggify) {
    java.util.Objects.requireNonNull(body, "body");
    return new FaultShrinker(seed, body, maxCandidates, buggify).shrink(faults);
  }

  /**
   * The calm of a settle check, {@link dev.dsim.engine.Simulation#settles(String,
   * java.util.function.BooleanSupplier, long, java.util.function.BooleanSupplier)}: true while
   * no fault of {@code faults} is in force (every fault struck so far has healed; a nemesis may
   * strike again, which ends the calm). A crash that never restarts keeps it false.
   *
   * <pre>{@code
   * (sim, faults) -> {
   *   ... faults.strikeOn(world) ...
   *   sim.settles("one leader", () -> leaders() == 1, 2_000_000_000L,
   *       Simulations.faultsHealed(faults));  // within 2 s of every moment the faults heal
   *   world.start();
   *   sim.runUntil(...);
   * }
   * }</pre>
   */
  public static java.util.function.BooleanSupplier faultsHealed(RunFaults faults) {
    return new FaultsHealed(faults);
  }

  /** Runs {@code body} for seeds {@code from}..{@code to} in parallel; fails on the first failing seed. */
  public static void forSeeds(long from, long to, SimulationBody body) {
    seeds(from, to).check(body);
  }
}
