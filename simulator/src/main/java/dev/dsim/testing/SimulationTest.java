package dev.dsim.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A JUnit Jupiter test run once per seed, each with its own seeded
 * {@link dev.dsim.engine.Simulation} (or the {@code long} seed) as a parameter:
 *
 * <pre>{@code
 * @SimulationTest(seeds = 1000)
 * void electsOneLeaderPerTerm(Simulation sim) { ... }
 * }</pre>
 *
 * <p>Each invocation is named by its seed ("seed 17"). A failing seed's error names the seed,
 * the simulated time, the trace hash and the command that re-runs only that seed of that test
 * with its trace written: {@code mvn test -Dtest=RaftTest#elects
 * -Ddsim.seed=RaftTest#elects:17 -Ddsim.trace=target/dsim-seed-17.jsonl} (with that property
 * set, only that seed of that test runs; a plain {@code -Ddsim.seed=17} chooses it for every
 * test). A run taking the {@code Simulation} that fires no event, or leaves invariants or
 * settle checks unevaluated, fails ({@link VacuousRunError}). Seeds are separate invocations,
 * so JUnit's parallel execution applies to them.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(SimulationTestExtension.class)
public @interface SimulationTest {
  /** How many seeds. */
  int seeds() default 100;

  /** The first seed. */
  long firstSeed() default 1;
}
