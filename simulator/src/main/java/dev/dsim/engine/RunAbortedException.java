package dev.dsim.engine;

/** A run was abandoned because its {@link AbortSignal} was raised; its partial state is moot. */
public final class RunAbortedException extends RuntimeException {
  private final long atNanos;

  public RunAbortedException(long atNanos) {
    super("run aborted at simulated time " + atNanos + "ns");
    this.atNanos = atNanos;
  }

  /** Simulated time at which the run stopped. */
  public long atNanos() {
    return atNanos;
  }
}
