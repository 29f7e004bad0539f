package dev.dsim.examples.starter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The starter project of {@code src-examples/starter/} (what the READMEs tell a newcomer to
 * copy) builds and passes its tests against the dsim of this checkout, with nothing but its own
 * pom: a copy of the directory is built by {@code mvn -B -ntp -q test} in a subprocess.
 *
 * <p>How the copy finds this checkout's {@code dev.dsim:dsim-simulator:VERSION} without
 * {@code mvn install} (which would leave {@code dev.dsim} artifacts in the developer's
 * {@code ~/.m2} that shadow the reactor later): the build gets a local repository of its own,
 * {@code target/starter-build/m2}, seeded with the simulator jar the reactor built and its pom
 * and the parent pom at their repository paths, as {@code mvn install} would put them. Everything
 * else (JUnit, AssertJ, the plugins, dsim's own dependencies) comes through a settings file whose
 * first repository is this build's local repository read as a {@code file://} repository: the
 * outer build has already fetched all of it, so the copy reads it from disk, and Maven Central
 * (the built-in repository) serves whatever is missing. The outer local repository is only read.
 *
 * <p>The jar is {@code simulator/target/dsim-simulator-VERSION.jar} when {@code package} has made
 * it from the current classes ({@code mvn verify}); otherwise (after {@code mvn test}, which
 * packages nothing) the test packs {@code simulator/target/classes} into a jar of its own.
 * Without {@code mvn} (neither {@code maven.home} nor the {@code PATH} has it) the build is
 * skipped, by an assumption that says so.
 */
final class StarterPomTest {
  private static final Path REPO =
      Path.of(System.getProperty("dsim.repo", "..")).toAbsolutePath().normalize();
  private static final Path STARTER = REPO.resolve("src-examples").resolve("starter");
  /** The copy's build takes about 7 s; this bounds a hung one. */
  private static final Duration BUILD_TIMEOUT = Duration.ofSeconds(180);
  private static final String STARTER_TEST_CLASS = "com.example.protocol.RetryingPingPongTest";

  @Test
  void aCopyOfTheStarter_buildsAgainstThisCheckout_andItsTestsPass() throws Exception {
    Optional<Path> mvn = mvn();
    assumeTrue(mvn.isPresent(), "no mvn on the PATH (nor in -Dmaven.home): the build of the "
        + "starter project src-examples/starter/ is skipped");
    String version = dsimVersion();
    Path work = REPO.resolve("src-examples").resolve("target").resolve("starter-build");
    deleteRecursively(work);
    Files.createDirectories(work);

    Path m2 = work.resolve("m2");
    installIntoRepository(m2, version, simulatorJar(version, work));
    Path outerRepository = outerLocalRepository();
    Path outerDsim = outerRepository.resolve("dev").resolve("dsim");
    boolean outerHadDsim = Files.exists(outerDsim);
    Path settings = work.resolve("settings.xml");
    Files.writeString(settings, settingsReading(outerRepository), StandardCharsets.UTF_8);
    Path project = work.resolve("my-protocol");
    copyProject(STARTER, project);

    List<String> command = List.of(mvn.get().toString(), "-B", "-ntp", "-q",
        "-s", settings.toString(), "-Dmaven.repo.local=" + m2, "test");
    Path log = work.resolve("build.log");
    ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    // The JDK that runs this test builds the copy too (a newcomer's JDK 17).
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process build = builder.start();
    if (!build.waitFor(BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      build.descendants().forEach(ProcessHandle::destroyForcibly);
      build.destroyForcibly();
      build.waitFor(10, TimeUnit.SECONDS);
      fail("the build of the starter did not finish within %ss: %s (in %s)%n%s",
          BUILD_TIMEOUT.toSeconds(), String.join(" ", command), project, read(log));
    }
    assertThat(build.exitValue())
        .as("exit status of %s (in %s); its output:%n%s", String.join(" ", command), project,
            read(log))
        .isZero();

    // A build that ran no test passes too: the starter's tests must have run, and passed.
    Path report = project.resolve("target").resolve("surefire-reports")
        .resolve("TEST-" + STARTER_TEST_CLASS + ".xml");
    assertThat(report).as("the starter's test report; the build said:%n%s", read(log)).exists();
    Document suite = parse(report);
    XPath xpath = XPathFactory.newInstance().newXPath();
    int tests = Integer.parseInt(xpath.evaluate("/testsuite/@tests", suite));
    int notPassed = Integer.parseInt(xpath.evaluate("/testsuite/@failures", suite))
        + Integer.parseInt(xpath.evaluate("/testsuite/@errors", suite))
        + Integer.parseInt(xpath.evaluate("/testsuite/@skipped", suite));
    assertThat(tests).as("tests run in %s", report).isPositive();
    assertThat(notPassed).as("tests failed, in error or skipped in %s", report).isZero();

    if (!outerHadDsim) {
      assertThat(outerDsim).as("the starter build must leave no dev.dsim artifact in the "
          + "outer local repository").doesNotExist();
    }
  }

  @Test
  void theStarterPomAndTheReadmes_nameThisBuildsVersions() throws Exception {
    String version = dsimVersion();
    Document parent = parse(REPO.resolve("pom.xml"));
    Document starter = parse(STARTER.resolve("pom.xml"));
    XPath x = XPathFactory.newInstance().newXPath();
    String parentProperty = "/project/properties/%s";
    String starterProperty = "/project/properties/%s";
    assertThat(x.evaluate(String.format(Locale.ROOT, starterProperty, "dsim.version"), starter))
        .as("dsim.version in src-examples/starter/pom.xml").isEqualTo(version);
    for (String p : List.of("maven.compiler.release", "junit.version", "assertj.version")) {
      assertThat(x.evaluate(String.format(Locale.ROOT, starterProperty, p), starter))
          .as("%s in src-examples/starter/pom.xml, as in the parent pom", p)
          .isEqualTo(x.evaluate(String.format(Locale.ROOT, parentProperty, p), parent));
    }
    String plugin = "/project/build/plugins/plugin[artifactId='%s']/version";
    for (String[] p : new String[][] {{"maven-compiler-plugin", "compiler-plugin.version"},
        {"maven-surefire-plugin", "surefire.version"},
        {"maven-resources-plugin", "resources-plugin.version"},
        {"maven-jar-plugin", "jar-plugin.version"}}) {
      assertThat(x.evaluate(String.format(Locale.ROOT, plugin, p[0]), starter))
          .as("the version of %s in src-examples/starter/pom.xml, as in the parent pom", p[0])
          .isEqualTo(x.evaluate(String.format(Locale.ROOT, parentProperty, p[1]), parent));
    }
    assertThat(x.evaluate("/project/parent", starter)).as("the starter has no parent").isEmpty();

    for (String readme : List.of("README.md", "src-examples/README.md",
        "src-examples/starter/README.md")) {
      String text = Files.readString(REPO.resolve(readme), StandardCharsets.UTF_8);
      assertThat(versionsAfter(text, "dsim-simulator")).as("dsim-simulator versions in %s",
          readme).isNotEmpty().containsOnly(version);
      if (!readme.endsWith("starter/README.md")) {
        assertThat(versionsAfter(text, "junit-jupiter")).as("junit-jupiter in %s", readme)
            .isNotEmpty().containsOnly(x.evaluate("/project/properties/junit.version", parent));
        assertThat(versionsAfter(text, "assertj-core")).as("assertj-core in %s", readme)
            .isNotEmpty()
            .containsOnly(x.evaluate("/project/properties/assertj.version", parent));
        assertThat(text).as(readme).contains("<maven.compiler.release>17</maven.compiler.release>")
            .contains("src-examples/starter/").contains("StarterPomTest");
      }
    }
  }

  /** The versions following {@code <artifactId>ARTIFACT</artifactId>} in a pom snippet. */
  private static List<String> versionsAfter(String text, String artifactId) {
    Matcher m = Pattern.compile("<artifactId>" + Pattern.quote(artifactId)
        + "</artifactId>\\s*<version>([^<]+)</version>").matcher(text);
    List<String> versions = new ArrayList<>();
    while (m.find()) {
      versions.add(m.group(1));
    }
    return versions;
  }

  /** This build's version: the outer build passes it; run from an IDE, the parent pom's. */
  private static String dsimVersion() throws Exception {
    String v = System.getProperty("dsim.version");
    if (v != null && !v.startsWith("${")) {
      return v;
    }
    return XPathFactory.newInstance().newXPath()
        .evaluate("/project/version", parse(REPO.resolve("pom.xml")));
  }

  /** {@code ${maven.home}/bin/mvn} of the outer build, else the first {@code mvn} on the PATH. */
  private static Optional<Path> mvn() {
    boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT)
        .startsWith("windows");
    String name = windows ? "mvn.cmd" : "mvn";
    List<Path> candidates = new ArrayList<>();
    String home = System.getProperty("maven.home");
    if (home != null && !home.isBlank() && !home.startsWith("${")) {
      candidates.add(Path.of(home, "bin", name));
    }
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(Pattern.quote(File.pathSeparator))) {
        if (!dir.isBlank()) {
          candidates.add(Path.of(dir, name));
        }
      }
    }
    return candidates.stream().filter(Files::isExecutable).findFirst();
  }

  /** The outer build's local repository (passed by the pom), else {@code ~/.m2/repository}. */
  private static Path outerLocalRepository() {
    String passed = System.getProperty("dsim.localRepository");
    if (passed != null && !passed.isBlank() && !passed.startsWith("${")) {
      return Path.of(passed).toAbsolutePath().normalize();
    }
    return Path.of(System.getProperty("user.home"), ".m2", "repository");
  }

  /**
   * The simulator's library jar (not the shaded CLI, dsim.jar): the one {@code package} built,
   * if it is not older than the compiled classes; else those classes packed into a jar here.
   */
  private static Path simulatorJar(String version, Path work) throws IOException {
    Path target = REPO.resolve("simulator").resolve("target");
    Path classes = target.resolve("classes");
    assertThat(classes.resolve("dev").resolve("dsim"))
        .as("the simulator's compiled classes (build the simulator module first)")
        .isDirectory();
    Path built = target.resolve("dsim-simulator-" + version + ".jar");
    if (Files.isRegularFile(built)
        && Files.getLastModifiedTime(built).compareTo(newest(classes)) >= 0) {
      return built;
    }
    Path jar = work.resolve("dsim-simulator-" + version + ".jar");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classes)) {
      files = walk.filter(p -> !p.equals(classes)).sorted().toList();
    }
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream zip = new JarOutputStream(out, manifest)) {
      for (Path f : files) {
        String name = classes.relativize(f).toString().replace(File.separatorChar, '/');
        if (Files.isDirectory(f)) {
          zip.putNextEntry(new JarEntry(name + "/"));
        } else if (!name.equals("META-INF/MANIFEST.MF")) {
          zip.putNextEntry(new JarEntry(name));
          Files.copy(f, zip);
        }
        zip.closeEntry();
      }
    }
    return jar;
  }

  private static FileTime newest(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).map(p -> {
        try {
          return Files.getLastModifiedTime(p);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).max(FileTime::compareTo).orElse(FileTime.fromMillis(0));
    }
  }

  /**
   * Lays out the simulator (jar and pom) and the parent pom it inherits from in {@code m2} as
   * {@code mvn install} would: a local repository holding this checkout's dsim.
   */
  private static void installIntoRepository(Path m2, String version, Path jar)
      throws IOException {
    Path simulator = m2.resolve("dev/dsim/dsim-simulator").resolve(version);
    Path parent = m2.resolve("dev/dsim/dsim-parent").resolve(version);
    Files.createDirectories(simulator);
    Files.createDirectories(parent);
    Files.copy(jar, simulator.resolve("dsim-simulator-" + version + ".jar"));
    Files.copy(REPO.resolve("simulator").resolve("pom.xml"),
        simulator.resolve("dsim-simulator-" + version + ".pom"));
    Files.copy(REPO.resolve("pom.xml"), parent.resolve("dsim-parent-" + version + ".pom"));
  }

  /**
   * Settings whose first repository (for dependencies and plugins) is {@code outer}, read as a
   * remote {@code file://} repository: releases only, so a SNAPSHOT (dsim) is never taken from
   * it, and without checksum checks, since a local repository need not keep them.
   */
  private static String settingsReading(Path outer) {
    String url = xml(outer.toUri().toString());
    String repository = "<id>outer-build-local-repository</id><url>" + url + "</url>"
        + "<releases><enabled>true</enabled><checksumPolicy>ignore</checksumPolicy></releases>"
        + "<snapshots><enabled>false</enabled></snapshots>";
    return String.join("\n",
        "<settings xmlns=\"http://maven.apache.org/SETTINGS/1.0.0\">",
        "  <profiles>",
        "    <profile>",
        "      <id>outer-build</id>",
        "      <repositories><repository>" + repository + "</repository></repositories>",
        "      <pluginRepositories><pluginRepository>" + repository
            + "</pluginRepository></pluginRepositories>",
        "    </profile>",
        "  </profiles>",
        "  <activeProfiles><activeProfile>outer-build</activeProfile></activeProfiles>",
        "</settings>",
        "");
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** Copies the starter as a newcomer would, without a {@code target/} of a build there. */
  private static void copyProject(Path from, Path to) throws IOException {
    Files.walkFileTree(from, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
          throws IOException {
        if (!dir.equals(from) && from.relativize(dir).toString().equals("target")) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        Files.createDirectories(to.resolve(from.relativize(dir).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.copy(file, to.resolve(from.relativize(file).toString()),
            StandardCopyOption.REPLACE_EXISTING);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static Document parse(Path xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(xml.toFile());
  }

  private static String read(Path log) {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no output)";
    } catch (IOException e) {
      return "(its output could not be read: " + e + ")";
    }
  }
}
