package dev.dsim.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rules that only the sources show, so they stay line-based: bytecode keeps no comments
 * (javac writes no {@code package-info.class} for a package-info with only Javadoc, and no
 * Javadoc at all), so ArchUnit and forbiddenapis cannot see them. Everything else is checked on
 * bytecode by {@link ArchitectureTest} and the forbiddenapis plugin.
 */
final class SourceRulesTest {
  /** Every top-level package of the simulator: the layers and the benchmarks. */
  private static final List<String> PACKAGES = Stream.concat(
      DsimArchitecture.LAYERS.stream(), Stream.of(DsimArchitecture.BENCH)).toList();
  private static final Path ROOT = Path.of("src", "main", "java", "dev", "dsim");

  /** The sources of {@code pkg} and its sub-packages. */
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
  void everyPackageSaysWhatItIsFor() throws IOException {
    for (String pkg : PACKAGES) {
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
    for (String pkg : PACKAGES) {
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
