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
 * time, the trace hash, whether re-running the seed reproduced it, and the line that re-runs
 * only that seed with its event trace written ({@code -Ddsim.seed=17
 * -Ddsim.trace=target/dsim-seed-17.jsonl}).
 */
public final class Simulations {
  private Simulations() {}

  /** Seeds {@code from} to {@code to}, both included. */
  public static SeedSweep seeds(long from, long to) {
    return new SeedSweep(from, to);
  }

  /** Runs {@code body} for seeds {@code from}..{@code to} in parallel; fails on the first failing seed. */
  public static void forSeeds(long from, long to, SimulationBody body) {
    seeds(from, to).check(body);
  }
}
