package dev.dsim.testing;

import dev.dsim.engine.Simulation;

/**
 * A {@link SimulationBody} whose faults come from outside: build a world on {@code sim}, strike
 * {@code faults} on it ({@link RunFaults#strikeOn}), run it, and assert or register invariants.
 * Because the faults are the caller's, {@link Simulations#shrink} can run the body again with
 * fewer of them, and the nemesis's draws written down as a schedule.
 */
@FunctionalInterface
public interface FaultedBody {
  void run(Simulation sim, RunFaults faults) throws Exception;
}
