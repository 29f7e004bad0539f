/**
 * The {@code dsim} command line (picocli): the only place that prints to the terminal or calls
 * {@code System.exit}.
 *
 * <p>Exit codes: 0 success; 1 a run failed (an expectation, an invariant or a limit); 2 bad
 * input or usage, reported as file:line:column, JSON path and a hint, never a stack trace;
 * 3 an internal error of dsim itself, reported with where its stack trace was written.
 */
package dev.dsim.cli;
