package dev.dsim.testing;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Re-running one seed of one test: which test is running (the JUnit test method found on the
 * calling thread's stack, or the one {@link SimulationTestExtension} runs), the seed the
 * {@code dsim.seed} property chooses for it, and the complete command that re-runs that seed of
 * that test alone.
 *
 * <p>{@code -Ddsim.seed} takes {@code N} (every sweep and {@code @SimulationTest} in the JVM, as
 * before) or, scoped, {@code Class#method:N} or {@code Class:N} (only that test method, or that
 * class's; the class by its simple or full name), several separated by commas. The printed
 * command uses the scoped form, so it narrows only the test that failed even when more run.
 */
final class Rerun {
  private Rerun() {}

  /** A test method: its class's full (binary) name and the method's name. */
  record TestId(String className, String method) {
    /** The name Surefire's {@code -Dtest} and the scoped seed use: "LeaderElectionTest#run". */
    String shortName() {
      return simpleName(className) + "#" + method;
    }
  }

  private static final String[] TEST_ANNOTATIONS = {
      "org.junit.jupiter.api.Test", "org.junit.jupiter.api.TestTemplate",
      "org.junit.jupiter.api.RepeatedTest", "org.junit.jupiter.api.TestFactory",
      "org.junit.jupiter.params.ParameterizedTest", "org.junit.Test",
      "org.testng.annotations.Test"};

  /**
   * The test method running on this thread: the nearest caller annotated as a test (JUnit 5, 4
   * or TestNG, or meta-annotated so, like {@link SimulationTest}); empty outside a test.
   */
  static Optional<TestId> callingTest() {
    return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames ->
        frames.filter(f -> isTest(f.getDeclaringClass(), f.getMethodName()))
            .map(f -> new TestId(f.getDeclaringClass().getName(), f.getMethodName()))
            .findFirst());
  }

  private static boolean isTest(Class<?> type, String method) {
    try {
      for (Method m : type.getDeclaredMethods()) {
        if (m.getName().equals(method) && annotatedAsTest(m.getAnnotations())) {
          return true;
        }
      }
    } catch (LinkageError | SecurityException e) {
      return false; // a class whose methods cannot be listed is not the test
    }
    return false;
  }

  private static boolean annotatedAsTest(Annotation[] annotations) {
    for (Annotation a : annotations) {
      if (isTestAnnotation(a.annotationType().getName())) {
        return true;
      }
      for (Annotation meta : a.annotationType().getAnnotations()) {
        if (isTestAnnotation(meta.annotationType().getName())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isTestAnnotation(String name) {
    for (String t : TEST_ANNOTATIONS) {
      if (t.equals(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The seed {@code dsim.seed} (the value {@code property}, null when unset) chooses for
   * {@code test} (null: not in a test), if any: a scoped entry naming it first, else a plain
   * {@code N}.
   *
   * @throws IllegalArgumentException when the value cannot be read
   */
  static Optional<Long> chosenSeed(String property, TestId test) {
    if (property == null || property.isBlank()) {
      return Optional.empty();
    }
    Long global = null;
    for (String raw : property.split(",")) {
      String entry = raw.trim();
      if (entry.isEmpty()) {
        continue;
      }
      int colon = entry.lastIndexOf(':');
      long seed = parse(entry.substring(colon + 1).trim(), property);
      if (colon < 0) {
        global = global == null ? seed : global;
      } else if (test != null && matches(entry.substring(0, colon).trim(), test)) {
        return Optional.of(seed);
      }
    }
    return Optional.ofNullable(global);
  }

  private static long parse(String seed, String property) {
    try {
      return Long.parseLong(seed);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("-D" + SeedSweep.SEED_PROPERTY + "=" + property
          + ": expected a seed N, or Class#method:N to choose it for one test only", e);
    }
  }

  private static boolean matches(String scope, TestId test) {
    int hash = scope.indexOf('#');
    String type = hash < 0 ? scope : scope.substring(0, hash);
    if (hash >= 0 && !scope.substring(hash + 1).equals(test.method())) {
      return false;
    }
    String name = test.className();
    String simple = simpleName(name);
    return type.equals(name) || type.equals(simple)
        || type.equals(simple.substring(simple.lastIndexOf('$') + 1));
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  /**
   * The complete command that re-runs {@code seed} of {@code test} alone with its trace
   * written: {@code mvn -pl MODULE test -Dtest=Class#method -Ddsim.seed=Class#method:N
   * -Ddsim.trace=target/dsim-seed-N.jsonl}, as the project's Maven layout needs it (the module
   * of the running tests, with {@code -am} when it takes a sibling module's classes from the
   * build); without a test, the two properties alone, which narrow every sweep in the JVM.
   */
  static String command(TestId test, long seed) {
    String trace = "-D" + SeedSweep.TRACE_PROPERTY + "=target/dsim-seed-" + seed + ".jsonl";
    if (test == null) {
      return "-D" + SeedSweep.SEED_PROPERTY + "=" + seed + " " + trace
          + " (no JUnit test method was found on the stack: as JVM properties they narrow "
          + "every sweep in that JVM)";
    }
    String name = shellWord(test.shortName());
    String properties = "-Dtest=" + name + " -D" + SeedSweep.SEED_PROPERTY + "="
        + shellWord(test.shortName() + ":" + seed) + " " + trace;
    Optional<String> maven = mavenInvocation();
    return maven.isPresent() ? maven.get().replace("{}", properties)
        : "run " + name + " with the JVM properties " + properties;
  }

  /** "mvn ... test {} ..." for the module running the tests, or empty when not under Maven. */
  private static Optional<String> mavenInvocation() {
    Path basedir;
    try {
      String dir = System.getProperty("basedir", System.getProperty("user.dir"));
      basedir = Path.of(dir).toAbsolutePath().normalize();
    } catch (InvalidPathException | SecurityException e) {
      return Optional.empty();
    }
    if (!Files.isRegularFile(basedir.resolve("pom.xml"))) {
      return Optional.empty();
    }
    Path root = basedir;
    while (root.getParent() != null && Files.isRegularFile(root.getParent().resolve("pom.xml"))) {
      root = root.getParent();
    }
    if (root.equals(basedir)) {
      return Optional.of("mvn test {}");
    }
    String module = root.relativize(basedir).toString().replace('\\', '/');
    return Optional.of(usesSiblingModule(root, basedir)
        ? "mvn -pl " + module + " -am test -Dsurefire.failIfNoSpecifiedTests=false {}"
        : "mvn -pl " + module + " test {}");
  }

  /** Whether the test classpath holds classes of another module of the same build. */
  private static boolean usesSiblingModule(Path root, Path basedir) {
    String cp = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path", ""));
    for (String entry : cp.split(java.io.File.pathSeparator)) {
      if (entry.isBlank()) {
        continue;
      }
      try {
        Path p = Path.of(entry).toAbsolutePath().normalize();
        if (p.startsWith(root) && !p.startsWith(basedir)) {
          return true;
        }
      } catch (InvalidPathException e) {
        // not a path: not a module's classes
      }
    }
    return false;
  }

  /** {@code word} quoted for a POSIX shell when it holds anything but plain characters. */
  private static String shellWord(String word) {
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (!(Character.isLetterOrDigit(c) || "#:_-.=/,".indexOf(c) >= 0)) {
        return "'" + word.replace("'", "'\\''") + "'";
      }
    }
    return word;
  }
}
