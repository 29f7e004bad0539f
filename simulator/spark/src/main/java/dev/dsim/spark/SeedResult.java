package dev.dsim.spark;

import dev.dsim.run.CompletedRun;
import java.io.Serializable;

/**
 * What a task sends back for one run: the completed run, or why there is none ({@code error}:
 * it exceeded the event bound or an invariant failed, as a local run reports them), or the
 * user's process class that could not be built ({@code unbuildableTier}, with its class and
 * what went wrong), which stops the whole sweep as bad input.
 */
record SeedResult(int index, CompletedRun run, String error, String unbuildableTier,
    String unbuildableClass, String unbuildableCause) implements Serializable {

  static SeedResult of(int index, CompletedRun run) {
    return new SeedResult(index, run, null, null, null, null);
  }

  static SeedResult failed(int index, String error) {
    return new SeedResult(index, null, error, null, null, null);
  }
}
