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
 * unseeded randomness in simulation code, and no Jackson/picocli/JFreeChart below the layers
 * that render and parse. Read from the sources, so a violation names file and line.
 */
final class ArchitectureTest {
  /** Bottom to top; a package may import only those at or below its own position. */
  private static final List<String> LAYERS = List.of(
      "engine", "metrics", "world", "fault", "service", "check", "scenario", "run", "report",
      "testing", "cli");
  /** Packages that are simulation code: they must stay deterministic. */
  private static final List<String> SIMULATION = List.of(
      "engine", "metrics", "world", "fault", "service", "check", "scenario");
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
