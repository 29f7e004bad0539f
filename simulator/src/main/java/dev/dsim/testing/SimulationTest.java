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
 * <p>A failing seed's error names the seed, the simulated time, the trace hash and the line that
 * re-runs only that seed with its trace written: {@code -Ddsim.seed=17
 * -Ddsim.trace=target/dsim-seed-17.jsonl} (with that property set, only that seed runs). Seeds
 * are separate invocations, so JUnit's parallel execution applies to them.
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
