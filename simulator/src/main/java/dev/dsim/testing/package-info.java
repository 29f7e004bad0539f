/**
 * Testing your own protocol under simulation, from JUnit or any test framework: run a body for
 * many seeds ({@link dev.dsim.testing.Simulations#seeds}, {@link dev.dsim.testing.SimulationTest}),
 * report the first failing seed with its trace hash and the complete command that re-runs only
 * that seed of that test with its event trace written, check in the same JVM that the failure
 * replays identically, and fail runs that checked nothing
 * ({@link dev.dsim.testing.VacuousRunError}).
 *
 * <p>The layer above {@code report} (it writes traces) and below {@code cli}.
 */
package dev.dsim.testing;
