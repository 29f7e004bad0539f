package dev.dsim.arch;

import static dev.dsim.arch.DsimArchitecture.RESULT_PATH;
import static dev.dsim.arch.DsimArchitecture.SIMULATION;
import static dev.dsim.arch.DsimArchitecture.packages;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules of DESIGN.md that a compiler does not check, on the simulator's main classes (not its
 * tests): the package layering, no wall clock or unseeded randomness in simulation code, no
 * floating-point function whose result may differ between CPUs or JVMs on the path to a trace or
 * a result, only the audited Commons RNG samplers there, no Jackson/picocli/JFreeChart/JFreeSVG
 * below the layers that render and parse, and only cli printing or exiting. Checked on bytecode
 * by ArchUnit; each violation names the class, the member and the source line.
 *
 * <p>The forbiddenapis plugin enforces the same wall-clock, randomness and {@code Math} lists
 * (the files in {@code simulator/src/build}) at build time; {@link RulesCatchViolationsTest}
 * shows each rule failing on a fixture; {@link SourceRulesTest} keeps the source-only checks.
 */
@AnalyzeClasses(packages = ArchitectureTest.ROOT,
    importOptions = ImportOption.DoNotIncludeTests.class)
final class ArchitectureTest {
  static final String ROOT = "dev.dsim";

  private ArchitectureTest() {}

  @ArchTest
  static final ArchRule layers_useOnlyTheLayersBelow = DsimArchitecture.layering(ROOT);

  @ArchTest
  static final ArchRule modelLayers_useNoJacksonPicocliOrJFreeChart =
      DsimArchitecture.noFrameworks(ROOT);

  @ArchTest
  static final ArchRule simulationCode_readsNoWallClock =
      DsimArchitecture.noWallClock(packages(ROOT, SIMULATION));

  @ArchTest
  static final ArchRule resultPath_usesNoUnseededRandomness =
      DsimArchitecture.noUnseededRandomness(packages(ROOT, RESULT_PATH));

  @ArchTest
  static final ArchRule resultPath_callsNoMathFunctionThatMayDifferAcrossPlatforms =
      DsimArchitecture.noPlatformMath(packages(ROOT, RESULT_PATH));

  @ArchTest
  static final ArchRule resultPath_usesOnlyTheAuditedCommonsRngSamplers =
      DsimArchitecture.onlyAuditedSamplers(packages(ROOT, RESULT_PATH));

  @ArchTest
  static final ArchRule onlyCliAndBench_printOrExit =
      DsimArchitecture.onlyTerminalPackagesPrintOrExit(ROOT);
}
