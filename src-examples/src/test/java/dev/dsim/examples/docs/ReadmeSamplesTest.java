package dev.dsim.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every {@code ```java} block of the README, scenarios/README.md and src-examples/README.md
 * compiles, against this module's test classpath (the simulator, the examples, JUnit): a sample
 * that stops compiling after an API change fails here with its file and line, not in a reader's
 * editor. Samples are compiled, not run.
 *
 * <p>The convention, by the first line of code in the block (comments and blank lines skipped):
 * <ul>
 *   <li>{@code package …}, {@code import …}, or a type declaration ({@code class}, {@code record},
 *       {@code interface}, {@code enum}, with modifiers): a whole compilation unit, compiled as
 *       it is;
 *   <li>an annotation ({@code @…}), a member modifier ({@code public}, {@code private},
 *       {@code protected}, {@code static}) or {@code void}: members (fields, methods, nested
 *       records) of a class;
 *   <li>anything else: statements, the body of a method {@code void sample() throws Exception}.
 * </ul>
 * Members and statements get the usual imports ({@link #IMPORTS}): the simulator's engine,
 * world, scenario (with {@code Build.*} static), testing and run packages, the examples'
 * packages and {@code java.util}.
 */
final class ReadmeSamplesTest {
  static final String IMPORTS = String.join("\n",
      "import dev.dsim.engine.*;",
      "import dev.dsim.world.*;",
      "import dev.dsim.world.Process;",
      "import dev.dsim.scenario.*;",
      "import dev.dsim.scenario.Duration;",
      "import static dev.dsim.scenario.Build.*;",
      "import dev.dsim.testing.*;",
      "import dev.dsim.run.*;",
      "import dev.dsim.check.linearizability.*;",
      "import dev.dsim.examples.election.*;",
      "import dev.dsim.examples.twoways.*;",
      "import dev.dsim.examples.pingpong.*;",
      "import dev.dsim.examples.twophase.*;",
      "import java.util.*;",
      "");
  private static final Pattern UNIT = Pattern.compile(
      "^(package|import)\\s.*|^((public|final|abstract|sealed|non-sealed)\\s+)*"
          + "(class|record|interface|enum)\\s.*");
  private static final Pattern PUBLIC_TYPE = Pattern.compile(
      "(?m)^public\\s+((final|abstract|sealed)\\s+)*(class|record|interface|enum)\\s+(\\w+)");
  private static final Pattern MEMBERS = Pattern.compile(
      "^(@|(public|private|protected|static)\\s|void\\s).*");

  /** One block: where it starts in its file (the line after the fence) and its code. */
  record Sample(String file, int line, String code) {}

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"README.md", "scenarios/README.md", "src-examples/README.md"})
  void everyJavaSample_compiles(String file) throws IOException {
    List<Sample> samples = samples(file);
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < samples.size(); i++) {
      problems.addAll(compile(samples.get(i), i));
    }
    assertThat(problems).as("compile errors in the java samples of %s", file).isEmpty();
  }

  static List<Sample> samples(String file) throws IOException {
    Path repo = Path.of(System.getProperty("dsim.repo", "..")).toAbsolutePath().normalize();
    List<String> lines = Files.readAllLines(repo.resolve(file), StandardCharsets.UTF_8);
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals("```java")) {
        int start = i + 1;
        StringBuilder code = new StringBuilder();
        for (i = start; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
          code.append(lines.get(i)).append('\n');
        }
        samples.add(new Sample(file, start + 1, code.toString()));
      }
    }
    return samples;
  }

  /** The errors of one sample, each as "file:line: message" at the sample's own line. */
  private static List<String> compile(Sample s, int index) throws IOException {
    String first = firstCodeLine(s.code());
    String className = "Sample" + index;
    String source;
    int offset; // lines the wrapper adds before the sample's first line
    if (UNIT.matcher(first).matches()) {
      source = s.code();
      offset = 0;
      Matcher m = PUBLIC_TYPE.matcher(source);
      if (m.find()) {
        className = m.group(4);
      }
    } else {
      boolean members = MEMBERS.matcher(first).matches();
      String head = IMPORTS + "final class " + className + " {\n"
          + (members ? "" : "void sample() throws Exception {\n");
      source = head + s.code() + (members ? "" : "}\n") + "}\n";
      offset = (int) head.chars().filter(c -> c == '\n').count();
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Path out = Files.createTempDirectory("readme-sample");
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
        StandardCharsets.UTF_8)) {
      JavaFileObject unit = new SimpleJavaFileObject(
          URI.create("string:///" + className + ".java"), JavaFileObject.Kind.SOURCE) {
        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
          return source;
        }
      };
      List<String> options = List.of("-classpath", System.getProperty("java.class.path"),
          "-d", out.toString(), "-proc:none", "--release", "17", "-Xlint:none");
      boolean ok = javac.getTask(new StringWriter(), files, diagnostics, options, null,
          List.of(unit)).call();
      List<String> errors = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        if (d.getKind() == Diagnostic.Kind.ERROR) {
          long line = s.line() + d.getLineNumber() - 1 - offset;
          errors.add(s.file() + ":" + line + ": " + d.getMessage(Locale.ROOT)
              + " (in the block starting at line " + s.line() + ")");
        }
      }
      if (!ok && errors.isEmpty()) {
        errors.add(s.file() + ":" + s.line() + ": does not compile");
      }
      return errors;
    } finally {
      try (var walk = Files.walk(out)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static String firstCodeLine(String code) {
    boolean inComment = false;
    for (String raw : code.split("\n")) {
      String line = raw.strip();
      if (inComment) {
        inComment = !line.contains("*/");
        continue;
      }
      if (line.isEmpty() || line.startsWith("//")) {
        continue;
      }
      if (line.startsWith("/*")) {
        inComment = !line.contains("*/");
        continue;
      }
      return line;
    }
    return "";
  }
}
