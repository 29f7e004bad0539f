package dev.dsim.run;

import java.io.Serializable;

/**
 * A run's deterministic {@link RunResult} plus how long it took on this machine. The wall time
 * varies from run to run and machine to machine, which is why it is kept apart.
 */
public record CompletedRun(RunResult result, long wallNanos) implements Serializable {

  /** Events fired per second of wall-clock time. */
  public double eventsPerWallSecond() {
    return wallNanos == 0 ? 0 : result.simulated().events() / (wallNanos / 1e9);
  }
}
