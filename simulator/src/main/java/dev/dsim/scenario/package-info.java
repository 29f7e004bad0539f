/**
 * Scenario files: JSON parsed with positions, variants applied as JSON Merge Patches, bound to
 * immutable records and validated, with every error located at file, line, column and JSON path;
 * then compiled into a world of service processes ({@link dev.dsim.scenario.ScenarioCompiler}).
 *
 * <p>It does not run anything, write reports or print: the run layer runs, the CLI prints.
 */
package dev.dsim.scenario;
