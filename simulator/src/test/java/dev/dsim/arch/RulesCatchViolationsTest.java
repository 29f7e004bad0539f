package dev.dsim.arch;

import static dev.dsim.arch.DsimArchitecture.RESULT_PATH;
import static dev.dsim.arch.DsimArchitecture.SIMULATION;
import static dev.dsim.arch.DsimArchitecture.packages;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each rule of {@link DsimArchitecture} fails on its case: the rules are applied to the fixture
 * classes in {@code dev.dsim.arch.fixtures}, laid out like {@code dev.dsim}, and each violation
 * must be reported with its class and member, while the allowed uses next to them are not.
 */
final class RulesCatchViolationsTest {
  private static final String ROOT = "dev.dsim.arch.fixtures";
  private static final JavaClasses FIXTURES = new ClassFileImporter().importPackages(ROOT);

  /** The violation lines of {@code rule} over the fixtures (it must fail). */
  private static List<String> violations(ArchRule rule) {
    EvaluationResult result = rule.evaluate(FIXTURES);
    assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
    return result.getFailureReport().getDetails();
  }

  private static String fixture(String name) {
    return "<" + ROOT + "." + name;
  }

  @Test
  void layering_catchesAnUpwardUse_aBenchmarkUsingCli_andAPackageInNoLayer() {
    List<String> v = violations(DsimArchitecture.layers(ROOT).withOptionalLayers(true));
    assertThat(v).anyMatch(l -> l.contains(fixture("world.UsesCli.run()"))
        && l.contains(fixture("cli.Command.exitCode()")));
    assertThat(v).anyMatch(l -> l.contains(fixture("bench.Benchmark.main("))
        && l.contains(fixture("cli.Command")));
    assertThat(v).anyMatch(l -> l.contains(ROOT + ".stray.Unplaced"));
    assertThat(v).noneMatch(l -> l.contains(fixture("engine.Allowed")));
  }

  @Test
  void frameworks_caughtBelowTheParsingLayer() {
    List<String> v = violations(DsimArchitecture.noFrameworks(ROOT));
    assertThat(v).anyMatch(l -> l.contains(fixture("check.UsesJackson.verdict("))
        && l.contains("com.fasterxml.jackson.databind.ObjectMapper"));
    assertThat(v).allMatch(l -> l.contains(fixture("check.UsesJackson")));
  }

  @Test
  void wallClock_caughtByCall_staticImportAndMethodReference_onlyInSimulationCode() {
    List<String> v = violations(DsimArchitecture.noWallClock(packages(ROOT, SIMULATION)));
    assertThat(v).anyMatch(l -> l.contains(fixture("fault.WallClock.now()"))
        && l.contains("java.lang.System.nanoTime()") && l.contains("use Simulation.now()"));
    assertThat(v).anyMatch(l -> l.contains(fixture("fault.WallClock.millis()"))
        && l.contains("java.lang.System.currentTimeMillis()"));
    assertThat(v).anyMatch(l -> l.contains(fixture("fault.WallClock.instant()"))
        && l.contains("references method <java.time.Instant.now()>"));
    assertThat(v).noneMatch(l -> l.contains(fixture("run.")) || l.contains(fixture("bench.")));
  }

  @Test
  void randomness_caughtByFullyQualifiedName_var_andUnseededShuffle_onTheResultPath() {
    List<String> v = violations(DsimArchitecture.noUnseededRandomness(packages(ROOT, RESULT_PATH)));
    assertThat(v).anyMatch(l -> l.contains(fixture("engine.FullyQualifiedRandom.draw()"))
        && l.contains("java.util.Random") && l.contains("rng.fork("));
    assertThat(v).anyMatch(l -> l.contains(fixture("service.kv.MathReference.jitter()"))
        && l.contains("java.util.concurrent.ThreadLocalRandom"));
    assertThat(v).anyMatch(l -> l.contains(fixture("run.Timing.shuffle("))
        && l.contains("java.util.Collections.shuffle(java.util.List)"));
    assertThat(v).noneMatch(l -> l.contains(fixture("engine.Allowed")));
  }

  @Test
  void platformMath_caughtByMethodReference_inASubPackage() {
    List<String> v = violations(DsimArchitecture.noPlatformMath(packages(ROOT, RESULT_PATH)));
    assertThat(v).anyMatch(l -> l.contains(fixture("service.kv.MathReference.backoff()"))
        && l.contains("java.lang.Math.exp(double)") && l.contains("StrictMath"));
    assertThat(v).noneMatch(l -> l.contains(fixture("engine.Allowed")));
  }

  @Test
  void samplers_onlyTheAuditedOnes_andNoCommonsStatistics() {
    List<String> v = violations(DsimArchitecture.onlyAuditedSamplers(packages(ROOT, RESULT_PATH)));
    assertThat(v).anyMatch(l -> l.contains(fixture("metrics.UnauditedSampler.exponential("))
        && l.contains("ZigguratSampler"));
    assertThat(v).anyMatch(l -> l.contains(fixture("metrics.UnauditedSampler.quantile("))
        && l.contains("org.apache.commons.statistics.distribution.TDistribution"));
    assertThat(v).noneMatch(l -> l.contains(
        "<org.apache.commons.rng.sampling.distribution.ContinuousSampler>"));
  }

  @Test
  void printingAndExiting_caughtOutsideCliAndBench() {
    List<String> v = violations(DsimArchitecture.onlyTerminalPackagesPrintOrExit(ROOT));
    assertThat(v).anyMatch(l -> l.contains(fixture("run.Timing.fail()"))
        && l.contains("java.lang.System.err"));
    assertThat(v).anyMatch(l -> l.contains(fixture("run.Timing.fail()"))
        && l.contains("java.lang.System.exit(int)"));
    assertThat(v).noneMatch(l -> l.contains(fixture("cli.")) || l.contains(fixture("bench.")));
  }

  @Test
  void violationMessages_sayWhyAndWhatToDo() {
    ArchRule rule = DsimArchitecture.noWallClock(packages(ROOT, SIMULATION));
    String report = rule.evaluate(FIXTURES).getFailureReport().toString();
    assertThat(report).contains("because DESIGN.md: a run is a pure function of (scenario, seed)");
  }
}
