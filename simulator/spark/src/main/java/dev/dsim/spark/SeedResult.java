package dev.dsim.spark;

import dev.dsim.run.CompletedRun;
import dev.dsim.run.RunDigest;
import java.io.Serializable;

/**
 * What a task sends back for one run: the completed run (for a streamed sweep, its {@code digest}
 * instead, with the whole run only for the first failing runs of the partition), or why there is
 * none ({@code error}:
 * it exceeded the event bound or an invariant failed, as a local run reports them), or the
 * user's process class that could not be built ({@code unbuildableTier}, with its class and
 * what went wrong), which stops the whole sweep as bad input.
 */
record SeedResult(int index, CompletedRun run, RunDigest digest, String error,
    String unbuildableTier, String unbuildableClass, String unbuildableCause)
    implements Serializable {

  static SeedResult of(int index, CompletedRun run) {
    return new SeedResult(index, run, null, null, null, null, null);
  }

  static SeedResult digested(int index, RunDigest digest, CompletedRun kept) {
    return new SeedResult(index, kept, digest, null, null, null, null);
  }

  static SeedResult failed(int index, String error) {
    return new SeedResult(index, null, null, error, null, null, null);
  }
}
