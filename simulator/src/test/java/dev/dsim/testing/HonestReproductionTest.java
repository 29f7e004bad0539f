package dev.dsim.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dsim.engine.EventKind;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a failure says about reproducing it: the re-run was in the same JVM (so a body leaking
 * static state between seeds is not called reproducible), the rerun line is the complete
 * command naming this test method and its seed, and the seed property scoped to a test narrows
 * only that test's sweeps.
 */
final class HonestReproductionTest {
  /** State a careless body keeps between seeds: by the third seed, it breaks. */
  static final AtomicLong LEAKED = new AtomicLong();

  @AfterEach
  void clearProperties() {
    System.clearProperty(SeedSweep.SEED_PROPERTY);
    System.clearProperty(SeedSweep.TRACE_PROPERTY);
  }

  private static final SimulationBody LEAKY = sim -> {
    sim.after(1_000, EventKind.of("tick"), -1, () -> {});
    sim.run();
    if (LEAKED.incrementAndGet() > 2) {
      throw new AssertionError("the cache is full"); // seed 3 fails only after seeds 1 and 2
    }
  };

  @Test
  void aBodyLeakingStaticState_isNotCalledReproducible_withoutSayingItWasTheSameJvm() {
    LEAKED.set(0);
    SeedFailure f = Simulations.seeds(1, 10).threads(1).run(LEAKY).failure();
    assertThat(f.seed()).isEqualTo(3);
    // The same JVM still holds the leak: the re-run fails alike, and the message says where it
    // was made and that only a fresh JVM (the command) proves the seed fails alone.
    assertThat(f.reproduced()).isTrue();
    assertThat(f.describe()).contains("re-ran it in the same JVM: same trace hash",
        "static state left by earlier seeds would survive there",
        "the command below runs the seed alone in a fresh JVM")
        .doesNotContain("the failure reproduces");
    // What the command does in a fresh JVM: only seed 3 runs, and it passes.
    LEAKED.set(0);
    System.setProperty(SeedSweep.SEED_PROPERTY, "HonestReproductionTest#"
        + "aBodyLeakingStaticState_isNotCalledReproducible_withoutSayingItWasTheSameJvm:3");
    SeedSweep.Result alone = Simulations.seeds(1, 10).run(LEAKY);
    assertThat(alone.seedsRun()).isEqualTo(1);
    assertThat(alone.passed()).isTrue();
  }

  @Test
  void theRerunLine_isACompleteCommand_namingThisTestMethodAndTheSeed() {
    LEAKED.set(0);
    SeedFailure f = Simulations.seeds(1, 10).threads(1).run(LEAKY).failure();
    String test = "HonestReproductionTest#"
        + "theRerunLine_isACompleteCommand_namingThisTestMethodAndTheSeed";
    // Run from the simulator module of this build: its own module, no sibling needed.
    assertThat(f.rerun()).isEqualTo("mvn -pl simulator test -Dtest=" + test + " -Ddsim.seed="
        + test + ":3 -Ddsim.trace=target/dsim-seed-3.jsonl");
    assertThat(f.describe()).contains("re-run only this seed: " + f.rerun());
    // A format of the test's own still wins.
    LEAKED.set(0);
    assertThat(Simulations.seeds(1, 10).threads(1).rerunWith("gradle test -Dseed=%d # %d")
        .run(LEAKY).failure().rerun()).isEqualTo("gradle test -Dseed=3 # 3");
  }

  @Test
  void aSeedScopedToAnotherTest_doesNotNarrowThisSweep_butAPlainSeedStillDoes() {
    LEAKED.set(-1_000);
    System.setProperty(SeedSweep.SEED_PROPERTY, "HonestReproductionTest#someOtherTest:4");
    assertThat(Simulations.seeds(1, 10).run(LEAKY).seedsRun()).isEqualTo(10);
    System.setProperty(SeedSweep.SEED_PROPERTY, "HonestReproductionTest:4");
    assertThat(Simulations.seeds(1, 10).run(LEAKY).seedsRun()).isEqualTo(1);
    System.setProperty(SeedSweep.SEED_PROPERTY, "4");
    assertThat(Simulations.seeds(1, 10).run(LEAKY).seedsRun()).isEqualTo(1);
  }

  @Test
  void theSeedProperty_isReadAsPlainOrScoped() {
    Rerun.TestId t = new Rerun.TestId("com.example.RaftTest", "elects");
    assertThat(Rerun.chosenSeed(null, t)).isEmpty();
    assertThat(Rerun.chosenSeed(" 17 ", t)).contains(17L);
    assertThat(Rerun.chosenSeed("RaftTest#elects:9", t)).contains(9L);
    assertThat(Rerun.chosenSeed("com.example.RaftTest#elects:9", t)).contains(9L);
    assertThat(Rerun.chosenSeed("RaftTest#other:9", t)).isEmpty();
    assertThat(Rerun.chosenSeed("RaftTest#other:9, 5", t)).contains(5L);
    assertThat(Rerun.chosenSeed("5,RaftTest#elects:-2", t)).contains(-2L);
    assertThat(Rerun.chosenSeed("RaftTest#elects:9", null)).isEmpty();
    assertThat(Rerun.chosenSeed("Outer$Inner#m:1", new Rerun.TestId("p.Outer$Inner", "m")))
        .contains(1L);
    assertThat(Rerun.chosenSeed("Inner#m:1", new Rerun.TestId("p.Outer$Inner", "m")))
        .contains(1L);
    assertThatThrownBy(() -> Rerun.chosenSeed("RaftTest#elects", t))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected a seed N, or Class#method:N");
  }

  @Test
  void theCallingTest_isFoundOnTheStack_throughHelpersAndLambdas() {
    Optional<Rerun.TestId> found = helper(() -> Rerun.callingTest());
    assertThat(found).contains(new Rerun.TestId(HonestReproductionTest.class.getName(),
        "theCallingTest_isFoundOnTheStack_throughHelpersAndLambdas"));
  }

  private static <T> T helper(java.util.function.Supplier<T> s) {
    return s.get();
  }
}
