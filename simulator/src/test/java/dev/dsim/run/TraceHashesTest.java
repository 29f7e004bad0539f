package dev.dsim.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsim.scenario.Scenario;
import dev.dsim.scenario.ScenarioFile;
import dev.dsim.scenario.ScenarioLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every shipped scenario, every variant, at its own seed, has the trace hash recorded in
 * {@code src/test/resources/determinism/trace-hashes.txt}, which was written under JDK 17. Run
 * by the build (JDK 17: a change keeps every shipped scenario's trace hash unless it means to
 * alter behaviour) and again by {@code .ci/run} under JDK 25 with
 * {@code -XX:hashCode=2} (every identity hash the same): the same hashes on another JDK, another
 * JIT and another identity-hash scheme are what "a run is a pure function of its scenario and
 * seed" promises.
 *
 * <p>A change that means to alter behaviour rewrites the file with
 * {@code mvn -pl simulator test -Dtest=TraceHashesTest -Ddsim.writeHashes=true}, and its commit
 * says so. With {@code -Ddsim.expectJava=25} the test also checks it runs on that Java, and with
 * {@code -Ddsim.expectConstantIdentityHash=true} that {@code -XX:hashCode=2} is in effect, so the
 * CI step cannot pass on the wrong JVM unnoticed.
 */
final class TraceHashesTest {
  static final Path GOLDEN = Path.of("src/test/resources/determinism/trace-hashes.txt");

  /** A shipped scenario in one variant, labelled "file variant seed" as the golden file is. */
  record Shipped(String label, Scenario scenario) {}

  /** Every shipped scenario in every variant, in file order. */
  static List<Shipped> shipped() throws Exception {
    List<Shipped> all = new ArrayList<>();
    for (Path file : DeterminismTest.shippedScenarios().toList()) {
      ScenarioFile sf = ScenarioLoader.load(file);
      List<String> variants = sf.variantNames().isEmpty()
          ? Collections.singletonList(null) : sf.variantNames();
      for (String v : variants) {
        Scenario s = sf.resolve(v);
        all.add(new Shipped(file.getFileName() + " " + (v == null ? "base" : v) + " "
            + s.seed(), s));
      }
    }
    return all;
  }

  /** "file variant seed hash" for every shipped scenario and variant, in file order. */
  static List<String> currentHashes() throws Exception {
    List<String> lines = new ArrayList<>();
    for (Shipped x : shipped()) {
      Scenario s = x.scenario();
      lines.add(x.label() + " " + Runner.run(s, s.seed(), RunOptions.defaults()).result()
          .traceHash());
    }
    return lines;
  }

  /** The golden file's lines, without comments. */
  static List<String> recordedHashes() throws Exception {
    List<String> recorded = new ArrayList<>();
    for (String line : Files.readAllLines(GOLDEN, StandardCharsets.UTF_8)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        recorded.add(line.trim());
      }
    }
    return recorded;
  }

  /**
   * The same runs as a sweep makes them, two at a time on worker threads
   * ({@link ParallelRunner}, what {@code sweep --jobs 2} uses), give the very hashes the serial
   * runs recorded: nothing a run computes depends on which thread ran it or what ran beside
   * it. Run under JDK 25 with {@code -XX:hashCode=2} by {@code .ci/run} too.
   */
  @Test
  void everyShippedScenario_runInParallel_givesTheSerialHashes() throws Exception {
    List<ParallelRunner.Job> jobs = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (Shipped x : shipped()) {
      jobs.add(new ParallelRunner.Job(x.scenario(), x.scenario().seed()));
      labels.add(x.label());
    }
    List<ParallelRunner.Outcome> outcomes = new ParallelRunner(2, RunOptions.defaults())
        .run(jobs, run -> false, 0, null);
    List<String> parallel = new ArrayList<>();
    for (int i = 0; i < jobs.size(); i++) {
      ParallelRunner.Outcome o = outcomes.get(i);
      assertThat(o.finished()).as(labels.get(i) + ": " + o.error()).isTrue();
      parallel.add(labels.get(i) + " " + o.run().result().traceHash());
    }
    assertThat(parallel).as("parallel runs against the serial hashes of %s", GOLDEN)
        .containsExactlyElementsOf(recordedHashes());
  }

  @Test
  void everyShippedScenario_hasItsRecordedTraceHash() throws Exception {
    String expectJava = System.getProperty("dsim.expectJava");
    if (expectJava != null && !expectJava.isBlank()) {
      assertThat(Runtime.version().feature()).as("the Java this check was meant to run on")
          .isEqualTo(Integer.parseInt(expectJava.trim()));
    }
    boolean constantIdentityHash = System.identityHashCode(new Object())
        == System.identityHashCode(new Object());
    if (Boolean.getBoolean("dsim.expectConstantIdentityHash")) {
      assertThat(constantIdentityHash).as("-XX:hashCode=2 in effect").isTrue();
    }
    System.out.println("trace hashes on Java " + Runtime.version() + " ("
        + System.getProperty("java.vm.name") + ")" + (constantIdentityHash
            ? ", every identity hash the same (-XX:hashCode=2)" : ""));
    List<String> now = currentHashes();
    if (Boolean.getBoolean("dsim.writeHashes")) {
      Files.createDirectories(GOLDEN.getParent());
      Files.writeString(GOLDEN, "# scenario variant seed traceHash, written under Java "
          + Runtime.version().feature() + " by TraceHashesTest -Ddsim.writeHashes=true\n"
          + String.join("\n", now) + "\n", StandardCharsets.UTF_8);
    }
    List<String> recorded = recordedHashes();
    assertThat(now).as("trace hashes on Java %s; if the change means to alter behaviour, "
        + "rewrite %s with -Ddsim.writeHashes=true and say so in the commit",
        Runtime.version(), GOLDEN).containsExactlyElementsOf(recorded);
  }
}
