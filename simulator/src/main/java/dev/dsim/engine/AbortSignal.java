package dev.dsim.engine;

/**
 * A request from another thread (Ctrl-C during a sweep) to abandon a run. The simulation polls
 * it every {@link Simulation#ABORT_POLL_EVENTS} events, so the hot path pays one volatile read
 * per 65,536 events rather than one per event; a raised signal ends the run with
 * {@link RunAbortedException}. Raising it never changes a run that completes.
 */
public final class AbortSignal {
  private volatile boolean raised;

  /** Asks every run watching this signal to stop soon. Thread-safe. */
  public void raise() {
    raised = true;
  }

  public boolean isRaised() {
    return raised;
  }
}
