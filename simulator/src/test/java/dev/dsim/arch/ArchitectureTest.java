package dev.dsim.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rules of DESIGN.md that a compiler does not check: the package layering, no wall clock or
 * unseeded randomness in simulation code, no floating-point function whose result may differ
 * between CPUs or JVMs on the path to a trace or a result, and no Jackson/picocli/JFreeChart
 * below the layers that render and parse. Read from the sources, so a violation names file and
 * line.
 */
final class ArchitectureTest {
  /** Bottom to top; a package may import only those at or below its own position. */
  private static final List<String> LAYERS = List.of(
      "engine", "metrics", "world", "fault", "service", "check", "scenario", "run", "report",
      "testing", "cli");
  /** Packages that are simulation code: they must stay deterministic. */
  private static final List<String> SIMULATION = List.of(
      "engine", "metrics", "world", "fault", "service", "check", "scenario");
  /**
   * Everything a trace hash or a {@code results.json} figure is computed in: the simulation
   * packages, {@code run} (which computes the results) and {@code testing} (seed sweeps).
   */
  private static final List<String> RESULT_PATH = List.of(
      "engine", "metrics", "world", "fault", "service", "check", "scenario", "run", "testing");
  /**
   * {@code java.lang.Math} functions that their specification allows to differ by an ulp (or
   * more) between platforms and JIT tiers; {@code StrictMath}'s are fdlibm, bit-identical
   * everywhere. (Allowed: sqrt, which is correctly rounded, and the exact ones: abs, min, max,
   * floor, ceil, rint, round, fma, scalb, ulp, signum, copySign, nextUp, ...)
   */
  private static final Pattern NOT_CORRECTLY_ROUNDED = Pattern.compile(
      "(?<![\\w$])Math\\s*(\\.|::)\\s*(exp|log|log10|log1p|expm1|pow|sin|cos|tan|asin|acos"
          + "|atan|atan2|sinh|cosh|tanh|cbrt|hypot)\\b|import static java\\.lang\\.Math\\.\\*");
  /**
   * The Commons RNG samplers the result path may use: the interfaces, and the two whose every
   * operation is exact IEEE arithmetic (audited in Rng's Javadoc). All others (the ziggurat,
   * Gaussian, lognormal, Pareto, Zipf, Poisson, gamma samplers, ...) call {@code Math.exp},
   * {@code log} or {@code pow}; dsim has its own on {@code StrictMath} in {@code engine}.
   */
  private static final List<String> AUDITED_COMMONS_SAMPLERS = List.of(
      "ContinuousSampler", "DiscreteSampler", "ContinuousUniformSampler",
      "AliasMethodDiscreteSampler");
  private static final Pattern COMMONS_SAMPLER = Pattern.compile(
      "org\\.apache\\.commons\\.rng\\.sampling\\.distribution\\.(\\*|\\w+)");
  private static final List<String> NO_FRAMEWORKS = List.of(
      "engine", "metrics", "world", "fault", "service", "check");
  private static final Pattern FORBIDDEN_CALLS = Pattern.compile(
      "System\\.(currentTimeMillis|nanoTime)|Math\\.random|new Random\\(|ThreadLocalRandom"
          + "|UUID\\.randomUUID|Instant\\.now|LocalDateTime\\.now|new SplittableRandom\\(\\)"
          + "|System\\.identityHashCode|Collections\\.shuffle\\([^,]*\\)");
  private static final Pattern IMPORT = Pattern.compile("^import (static )?([\\w.]+)");
  private static final Path ROOT = Path.of("src", "main", "java", "dev", "dsim");

  private static List<Path> sources(String pkg) throws IOException {
    Path dir = ROOT.resolve(pkg);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  @Test
  void lowerLayersNeverImportHigherOnes() throws IOException {
    List<String> violations = new ArrayList<>();
    for (int i = 0; i < LAYERS.size(); i++) {
      String pkg = LAYERS.get(i);
      for (Path file : sources(pkg)) {
        List<String> lines = Files.readAllLines(file);
        for (int n = 0; n < lines.size(); n++) {
          Matcher m = IMPORT.matcher(lines.get(n));
          if (!m.find() || !m.group(2).startsWith("dev.dsim.")) {
            continue;
          }
          String target = m.group(2).substring("dev.dsim.".length()).split("\\.")[0];
          int layer = LAYERS.indexOf(target);
          if (layer > i) {
            violations.add(file + ":" + (n + 1) + " (" + pkg + " imports " + target + ")");
          }
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void simulationCode_usesNoWallClockNorUnseededRandomness() throws IOException {
    List<String> violations = new ArrayList<>();
    for (String pkg : SIMULATION) {
      for (Path file : sources(pkg)) {
        List<String> lines = Files.readAllLines(file);
        for (int n = 0; n < lines.size(); n++) {
          String line = lines.get(n).strip();
          if (line.startsWith("*") || line.startsWith("//")) {
            continue; // comments may name what they forbid
          }
          if (FORBIDDEN_CALLS.matcher(line).find()) {
            violations.add(file + ":" + (n + 1) + ": " + line);
          }
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  /** Code lines (not comment lines) of the result path matching {@code pattern}. */
  private static List<String> resultPathLinesMatching(Pattern pattern) throws IOException {
    List<String> hits = new ArrayList<>();
    for (String pkg : RESULT_PATH) {
      for (Path file : sources(pkg)) {
        List<String> lines = Files.readAllLines(file);
        for (int n = 0; n < lines.size(); n++) {
          String line = lines.get(n).strip();
          if (line.startsWith("*") || line.startsWith("/*") || line.startsWith("//")) {
            continue; // comments may name what they forbid
          }
          if (pattern.matcher(line).find()) {
            hits.add(file + ":" + (n + 1) + ": " + line);
          }
        }
      }
    }
    return hits;
  }

  /**
   * Same scenario and seed, same trace hash and results on any CPU and JVM: no
   * {@code java.lang.Math} function that is not correctly rounded or exact by its spec.
   */
  @Test
  void resultPath_callsNoMathFunctionThatMayDifferAcrossPlatforms() throws IOException {
    // The pattern itself: what it must and must not catch.
    for (String bad : List.of("y = Math.exp(x);", "java.lang.Math.pow(a, b)", "map(Math::log)",
        "Math . sin(t)", "import static java.lang.Math.*;", "import static java.lang.Math.cbrt;")) {
      assertThat(NOT_CORRECTLY_ROUNDED.matcher(bad).find()).as(bad).isTrue();
    }
    for (String ok : List.of("StrictMath.exp(x)", "Math.sqrt(v)", "Math.round(d)",
        "Math.expm", "Math.max(a, b)", "StrictMath::log", "FastMath.exp(x)")) {
      assertThat(NOT_CORRECTLY_ROUNDED.matcher(ok).find()).as(ok).isFalse();
    }
    assertThat(resultPathLinesMatching(NOT_CORRECTLY_ROUNDED)).isEmpty();
  }

  /**
   * The Commons RNG samplers that use {@code Math} (the ones dsim replaced, and the others) and
   * Commons Statistics (its CDFs and quantiles use {@code Math}) stay off the result path.
   */
  @Test
  void resultPath_usesOnlyTheAuditedCommonsRngSamplers() throws IOException {
    List<String> violations = new ArrayList<>();
    for (String hit : resultPathLinesMatching(COMMONS_SAMPLER)) {
      Matcher m = COMMONS_SAMPLER.matcher(hit);
      while (m.find()) {
        if (!AUDITED_COMMONS_SAMPLERS.contains(m.group(1))) {
          violations.add(hit);
        }
      }
    }
    violations.addAll(resultPathLinesMatching(
        Pattern.compile("org\\.apache\\.commons\\.statistics")));
    assertThat(violations).isEmpty();
    // The ones replaced by dsim's own: not imported, not named anywhere on the path.
    assertThat(resultPathLinesMatching(Pattern.compile("\\b(ZigguratSampler|GaussianSampler"
        + "|LogNormalSampler|InverseTransformParetoSampler|RejectionInversionZipfSampler)\\b")))
        .isEmpty();
  }

  @Test
  void modelLayers_importNoJacksonPicocliOrJFreeChart() throws IOException {
    List<String> violations = new ArrayList<>();
    for (String pkg : NO_FRAMEWORKS) {
      for (Path file : sources(pkg)) {
        for (String line : Files.readAllLines(file)) {
          if (line.matches("import (com\\.fasterxml|picocli|org\\.jfree).*")) {
            violations.add(file + ": " + line);
          }
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void everyPackageSaysWhatItIsFor() throws IOException {
    for (String pkg : LAYERS) {
      if (!sources(pkg).isEmpty()) {
        assertThat(ROOT.resolve(pkg).resolve("package-info.java")).as(pkg).exists();
      }
    }
  }

  private static final Pattern PUBLIC_TYPE = Pattern.compile(
      "^\\s*public\\s+((final|abstract|sealed|static)\\s+)*(class|interface|record|enum|@interface)\\s");

  /** The public API is documented: every public type, nested ones too, has a Javadoc comment. */
  @Test
  void everyPublicType_hasJavadoc() throws IOException {
    List<String> missing = new ArrayList<>();
    for (String pkg : LAYERS) {
      for (Path file : sources(pkg)) {
        List<String> lines = Files.readAllLines(file);
        for (int n = 0; n < lines.size(); n++) {
          if (!PUBLIC_TYPE.matcher(lines.get(n)).find()) {
            continue;
          }
          boolean documented = false;
          for (int k = n - 1; k >= 0; k--) {
            String l = lines.get(k).strip();
            if (l.endsWith("*/")) {
              documented = true;
              break;
            }
            // Reached the previous statement or member: nothing documents this type.
            if (l.endsWith(";") || l.equals("}")) {
              break;
            }
          }
          if (!documented) {
            missing.add(file + ":" + (n + 1) + ": " + lines.get(n).strip());
          }
        }
      }
    }
    assertThat(missing).as("public types without Javadoc").isEmpty();
  }
}
