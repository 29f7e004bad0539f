/**
 * One run = (scenario, variant, seed) → an immutable {@link dev.dsim.run.RunResult}.
 *
 * <p>The run layer builds the simulation, drives it through warm-up, the measured window and the
 * drain, and summarises the metrics. It may read the wall clock (to time the run) but hands the
 * simulation nothing from it. It writes no files and prints nothing.
 */
package dev.dsim.run;
