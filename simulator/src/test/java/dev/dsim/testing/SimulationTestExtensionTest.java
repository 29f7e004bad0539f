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
        "-Ddsim.seed=3", "-Ddsim.trace=");
  }
}
