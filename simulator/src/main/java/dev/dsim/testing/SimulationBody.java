package dev.dsim.testing;

import dev.dsim.engine.Simulation;

/**
 * What to run for one seed: build a world on {@code sim} (already seeded), run it, and assert
 * or register invariants. Throwing anything (an assertion, an
 * {@link dev.dsim.engine.InvariantViolation}) marks the seed as failing.
 */
@FunctionalInterface
public interface SimulationBody {
  void run(Simulation sim) throws Exception;
}
