package dev.dsim.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.sampling.distribution.AliasMethodDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousUniformSampler;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;

/**
 * DESIGN.md's rules as ArchUnit rules over bytecode, relative to a root package ({@code dev.dsim}
 * for the simulator, a fixture package for the tests that prove each rule catches its case).
 * Bytecode sees what regular expressions over source lines miss: fully qualified names, {@code
 * var}, static imports, method references, and every sub-package ({@code service.kv}).
 *
 * <p>It does not see comments: "every public type has Javadoc" and "every package has a
 * package-info.java" stay source checks ({@link SourceRulesTest}). It cannot see an order taken
 * from {@code HashMap} iteration or identity hash codes reaching an outcome; those stay with
 * the trace-hash tests.
 */
public final class DsimArchitecture {
  private DsimArchitecture() {}

  /** DESIGN.md's layers, bottom to top; a package may use only those at or below its own. */
  public static final List<String> LAYERS = List.of(
      "engine", "metrics", "world", "fault", "service", "check", "scenario", "run", "report",
      "testing", "cli");
  /**
   * Benchmarks ({@code main} programs that time the engine and the whole stack): they may use
   * every layer below {@code cli}, and nothing may use them. Not simulation code: they read the
   * wall clock (that is what they measure), print, and compare dsim's samplers with the Commons
   * RNG ones the result path must not use.
   */
  public static final String BENCH = "bench";
  /** Simulation code: no wall clock, no unseeded randomness. */
  public static final List<String> SIMULATION = List.of(
      "engine", "metrics", "world", "fault", "service", "check", "scenario");
  /**
   * Everything a trace hash or a {@code results.json} figure is computed in: the simulation
   * packages, {@code run} (which computes the results) and {@code testing} (seed sweeps). Only
   * simulation code is banned the wall clock: {@code run} times each run for {@code
   * CompletedRun}'s wall time, which never reaches the {@code RunResult}.
   */
  public static final List<String> RESULT_PATH = List.of(
      "engine", "metrics", "world", "fault", "service", "check", "scenario", "run", "testing");
  /** Below the layers that parse, render and talk to the terminal. */
  public static final List<String> NO_FRAMEWORKS = List.of(
      "engine", "metrics", "world", "fault", "service", "check");
  /** The only packages that print to the terminal or end the JVM. */
  public static final List<String> TERMINAL = List.of("cli", BENCH);

  /**
   * The Commons RNG samplers the result path may use: the interfaces, and the two whose every
   * operation is exact IEEE arithmetic (audited in {@code Rng}'s Javadoc). All others (the
   * ziggurat, Gaussian, lognormal, Pareto, Zipf, Poisson, gamma samplers, ...) call {@code
   * Math.exp}, {@code log} or {@code pow}; dsim has its own on {@code StrictMath} in {@code
   * engine}.
   */
  public static final List<Class<?>> AUDITED_COMMONS_SAMPLERS = List.of(
      ContinuousSampler.class, DiscreteSampler.class, ContinuousUniformSampler.class,
      AliasMethodDiscreteSampler.class);

  /** {@code root.pkg..} for each package: the package and its sub-packages. */
  public static String[] packages(String root, List<String> pkgs) {
    return pkgs.stream().map(p -> root + "." + p + "..").toArray(String[]::new);
  }

  /**
   * The layering, without its reason (so a caller can still relax it, as the fixture test does
   * with optional layers). Every class under {@code root} must belong to a layer or to {@code
   * bench}: a new package must be placed in the table before it can be used.
   */
  public static LayeredArchitecture layers(String root) {
    LayeredArchitecture arch = layeredArchitecture().consideringOnlyDependenciesInLayers();
    for (String layer : LAYERS) {
      arch = arch.layer(layer).definedBy(root + "." + layer + "..");
    }
    arch = arch.layer(BENCH).definedBy(root + "." + BENCH + "..");
    arch = arch.whereLayer(LAYERS.get(0)).mayNotAccessAnyLayer();
    for (int i = 1; i < LAYERS.size(); i++) {
      arch = arch.whereLayer(LAYERS.get(i))
          .mayOnlyAccessLayers(LAYERS.subList(0, i).toArray(String[]::new));
    }
    List<String> belowCli = new ArrayList<>(LAYERS.subList(0, LAYERS.size() - 1));
    arch = arch.whereLayer(BENCH).mayOnlyAccessLayers(belowCli.toArray(String[]::new));
    arch = arch.whereLayer(BENCH).mayNotBeAccessedByAnyLayer();
    return arch.ensureAllClassesAreContainedInArchitecture();
  }

  /** A package uses only the layers at or below it (DESIGN.md's table). */
  public static ArchRule layering(String root) {
    return layers(root)
        .as("the packages of " + root + " are layers " + String.join(" < ", LAYERS)
            + ", plus bench above all but cli")
        .because("DESIGN.md: a package may use only the layers below it ("
        + String.join(" < ", LAYERS) + "; sub-packages belong to their parent's layer; "
        + "bench may use anything below cli and nothing uses bench), and every package is in "
        + "that table. Move the code to the lowest layer that has what it needs, or have the "
        + "higher layer pass it in (a callback or an interface declared in the lower layer); "
        + "a new package goes into DESIGN.md's table and DsimArchitecture.LAYERS first");
  }

  /** No Jackson, picocli, JFreeChart or JFreeSVG below the layers that parse and render. */
  public static ArchRule noFrameworks(String root) {
    return noClasses().that().resideInAnyPackage(packages(root, NO_FRAMEWORKS))
        .should().dependOnClassesThat()
        .resideInAnyPackage("com.fasterxml..", "picocli..", "org.jfree..")
        .because("DESIGN.md/STYLE.md: the model (" + String.join(", ", NO_FRAMEWORKS) + ") knows "
            + "nothing of JSON binding, the command line or charts; parse in scenario, render "
            + "in report, talk to the terminal in cli, and pass plain values down");
  }

  /** No wall clock in simulation code (the list: forbidden-wall-clock.txt). */
  public static ArchRule noWallClock(String... packages) {
    return classes().that().resideInAnyPackage(packages)
        .should(ForbiddenSignatures.load("forbidden-wall-clock.txt").notBeUsed())
        .because("DESIGN.md: a run is a pure function of (scenario, seed); time comes only from "
            + "Simulation.now()");
  }

  /** No unseeded or call-order randomness (the list: forbidden-randomness.txt). */
  public static ArchRule noUnseededRandomness(String... packages) {
    return classes().that().resideInAnyPackage(packages)
        .should(ForbiddenSignatures.load("forbidden-randomness.txt").notBeUsed())
        .because("DESIGN.md: randomness comes only from the run's Rng, its streams forked by "
            + "name, so adding a component never shifts another one's draws");
  }

  /** No {@code Math} function that may differ across platforms (forbidden-platform-math.txt). */
  public static ArchRule noPlatformMath(String... packages) {
    return classes().that().resideInAnyPackage(packages)
        .should(ForbiddenSignatures.load("forbidden-platform-math.txt").notBeUsed())
        .because("the same scenario and seed give the same trace hash and results on any CPU "
            + "and JVM; StrictMath is bit-identical everywhere, Math may differ by an ulp");
  }

  /** Only the audited Commons RNG samplers, and no Commons Statistics. */
  public static ArchRule onlyAuditedSamplers(String... packages) {
    return noClasses().that().resideInAnyPackage(packages)
        .should().dependOnClassesThat(
            resideInAPackage("org.apache.commons.rng.sampling.distribution..")
                .and(not(belongToAnyOf(AUDITED_COMMONS_SAMPLERS.toArray(Class<?>[]::new))))
                .as("are Commons RNG samplers other than "
                    + AUDITED_COMMONS_SAMPLERS.stream().map(Class::getSimpleName).toList()))
        .orShould().dependOnClassesThat().resideInAPackage("org.apache.commons.statistics..")
        .because("the other Commons RNG samplers and Commons Statistics' distributions call "
            + "Math.exp, log or pow, which may differ across platforms: use dsim's samplers on "
            + "StrictMath (dev.dsim.engine: Rng, Distribution, Samplers, Ziggurat, ZipfSampler), "
            + "or audit the sampler's arithmetic and add it to AUDITED_COMMONS_SAMPLERS");
  }

  /** Only {@code cli} (and the benchmarks' {@code main}s) print or end the JVM. */
  public static ArchRule onlyTerminalPackagesPrintOrExit(String root) {
    return noClasses().that().resideInAPackage(root + "..")
        .and().resideOutsideOfPackages(packages(root, TERMINAL))
        .should(ACCESS_STANDARD_STREAMS)
        .orShould().callMethod(System.class, "exit", int.class)
        .orShould().callMethod(Runtime.class, "exit", int.class)
        .orShould().callMethod(Runtime.class, "halt", int.class)
        .because("DESIGN.md: cli is the only place that prints to the terminal or calls "
            + "System.exit; return a value or throw, and let cli report it (its exit codes: "
            + "0, 1, 2, 3, 130)");
  }
}
