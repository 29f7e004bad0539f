/**
 * Rendering results: {@code results.json}, the JSON-lines event trace, the space-time diagram
 * and ShiViz log of a trace window (read back from the trace file, so they show what the file
 * says) and the terminal summary table. Everything written to disk goes through {@link dev.dsim.report.AtomicFiles}, so a file
 * is either complete or absent.
 *
 * <p>Numbers are formatted with {@code Locale.ROOT} and rounded from their exact binary value,
 * so output is byte-identical on every machine and JVM. Reports read results; they never run or
 * change a simulation.
 */
package dev.dsim.report;
