package dev.dsim.examples.arch;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.dsim.arch.DsimArchitecture;

/**
 * The examples are simulation code, and what users copy: the simulator's determinism rules
 * ({@code dev.dsim.arch.DsimArchitecture}, from the simulator's test jar) on their main classes.
 * No wall clock, no randomness but the run's {@code Rng}, no {@code Math} function that may
 * differ across platforms, only the audited Commons RNG samplers. (The layering is the
 * simulator's own; the examples may use any public dsim package.)
 */
@AnalyzeClasses(packages = ExamplesArchitectureTest.EXAMPLES,
    importOptions = ImportOption.DoNotIncludeTests.class)
final class ExamplesArchitectureTest {
  static final String EXAMPLES = "dev.dsim.examples";

  private ExamplesArchitectureTest() {}

  @ArchTest
  static final ArchRule examples_readNoWallClock =
      DsimArchitecture.noWallClock(EXAMPLES + "..");

  @ArchTest
  static final ArchRule examples_useNoUnseededRandomness =
      DsimArchitecture.noUnseededRandomness(EXAMPLES + "..");

  @ArchTest
  static final ArchRule examples_callNoMathFunctionThatMayDifferAcrossPlatforms =
      DsimArchitecture.noPlatformMath(EXAMPLES + "..");

  @ArchTest
  static final ArchRule examples_useOnlyTheAuditedCommonsRngSamplers =
      DsimArchitecture.onlyAuditedSamplers(EXAMPLES + "..");
}
