package dev.dsim.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.dsim.engine.Simulation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** {@code @SimulationTest} runs once per seed, injects the seeded simulation, and reports. */
final class SimulationTestExtensionTest {
  static final List<Long> SEEN = new ArrayList<>();

  /** Run by the test kit, not directly (it fails on purpose for seed 3). */
  static final class Sample {
    @SimulationTest(seeds = 5, firstSeed = 1)
    void oncePerSeed(Simulation sim, long seed) {
      synchronized (SEEN) {
        SEEN.add(seed);
      }
      sim.after(1_000_000, dev.dsim.engine.EventKind.of("tick"), -1, () -> {});
      sim.run();
      sim.invariant("seed is not 3", () -> seed != 3);
      sim.after(1, dev.dsim.engine.EventKind.of("tick"), -1, () -> {});
      sim.run();
    }
  }

  @Test
  void runsEverySeed_andAFailureNamesItsSeedHashAndRerunLine() {
    SEEN.clear();
    Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(Sample.class))
        .execute().testEvents();
    assertThat(SEEN).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L);
    assertThat(tests.succeeded().count()).isEqualTo(4);
    assertThat(tests.failed().count()).isEqualTo(1);
    Throwable t = tests.failed().stream().findFirst().orElseThrow().getPayload(
        org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable()
        .orElseThrow();
    assertThat(t.getMessage()).contains("seed 3 failed", "traceHash", "seed is not 3",
        "re-run only this seed: mvn ", " test ",
        "-Dtest='SimulationTestExtensionTest$Sample#oncePerSeed'",
        "-Ddsim.seed='SimulationTestExtensionTest$Sample#oncePerSeed:3'",
        "-Ddsim.trace=target/dsim-seed-3.jsonl");
  }

  /** Forgot to start anything: no event fires, and the seed fails saying so. */
  static final class Vacuous {
    @SimulationTest(seeds = 2)
    void neverRuns(Simulation sim) {
      sim.invariant("never holds", () -> false);
    }

    @SimulationTest(seeds = 2)
    void takesOnlyTheSeed(long seed) {
      assertThat(seed).isPositive(); // no Simulation taken: nothing to judge
    }
  }

  @Test
  void aSeedThatFiredNoEvent_fails_saying_soAndWhy() {
    Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(Vacuous.class))
        .execute().testEvents();
    assertThat(tests.failed().count()).isEqualTo(2);
    assertThat(tests.succeeded().count()).isEqualTo(2);
    tests.failed().stream().forEach(e -> {
      Throwable t = e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
          .orElseThrow().getThrowable().orElseThrow();
      assertThat(t.getMessage()).contains("VacuousRunError: " + VacuousRunError.NO_EVENT,
          "-Dtest='SimulationTestExtensionTest$Vacuous#neverRuns'");
      assertThat(t.getCause()).isInstanceOf(VacuousRunError.class);
    });
  }

  @Test
  void everyInvocation_isNamedByItsSeed() {
    Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(Sample.class))
        .execute().testEvents();
    assertThat(tests.started().stream().map(e -> e.getTestDescriptor().getDisplayName()))
        .containsExactlyInAnyOrder("seed 1", "seed 2", "seed 3", "seed 4", "seed 5");
  }

  @Test
  void aScopedSeedProperty_narrowsOnlyThatTest() {
    try {
      System.setProperty(SeedSweep.SEED_PROPERTY, "SimulationTestExtensionTest$Sample#other:9,"
          + "Sample#oncePerSeed:4");
      SEEN.clear();
      Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(Sample.class))
          .execute().testEvents();
      assertThat(SEEN).containsExactly(4L);
      assertThat(tests.succeeded().count()).isEqualTo(1);
      System.setProperty(SeedSweep.SEED_PROPERTY, "SomeOtherTest#oncePerSeed:3");
      SEEN.clear();
      EngineTestKit.engine("junit-jupiter").selectors(selectClass(Sample.class)).execute();
      assertThat(SEEN).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L);
    } finally {
      System.clearProperty(SeedSweep.SEED_PROPERTY);
    }
  }
}
