/**
 * Testing your own protocol under simulation, from JUnit or any test framework: run a body for
 * many seeds ({@link dev.dsim.testing.Simulations#seeds}, {@link dev.dsim.testing.SimulationTest}),
 * report the first failing seed with its trace hash and the one line that re-runs only that seed
 * with its event trace written, and check that the failure replays identically.
 *
 * <p>The layer above {@code report} (it writes traces) and below {@code cli}.
 */
package dev.dsim.testing;
