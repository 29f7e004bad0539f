package dev.dsim.run;

/**
 * One job of a streamed sweep as it reaches the sink, in job order: its digest, or the error
 * that stopped it ({@code digest} null: it exceeded the event bound or an invariant failed).
 * {@code full} is the whole run for a failing job the engine kept it for (at least the first
 * {@code keepFailing} failing jobs in job order; null otherwise), so the sweep can write its
 * results file and resolved scenario.
 */
public record StreamedRun(int index, ParallelRunner.Job job, RunDigest digest,
    CompletedRun full, String error) {

  /** Whether the job finished with an expectation failed. */
  public boolean failing() {
    return digest != null && digest.failing();
  }
}
