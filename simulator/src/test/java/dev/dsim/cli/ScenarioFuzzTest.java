package dev.dsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.dsim.scenario.Scenario;
import dev.dsim.scenario.ScenarioFile;
import dev.dsim.scenario.ScenarioLoader;
import dev.dsim.scenario.ScenarioWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A hostile user's corpus, generated: every shipped scenario mutated (type swaps, deletions,
 * extreme numbers, bad units, unknown references, huge counts, truncation, encodings, NUL bytes),
 * then validated and run by the CLI in-process. For every case: exit 0, 1 or 2, never 3; no
 * stack trace and no exception class name on either stream; every error names the file, and
 * a content error its line, column and JSON path; what validate accepts, run does not refuse; a
 * refused run leaves nothing on disk (no report, no hidden staging directory); no case hangs.
 *
 * <p>Reproducible: the cases are drawn from a fixed seed, each a pure function of (file,
 * mutation, seed, shortened), which its test name states. 2,000 cases by default; another corpus
 * or more of them locally with {@code mvn -pl simulator test -Dtest=ScenarioFuzzTest
 * -Ddsim.fuzz.seed=777 -Ddsim.fuzz.tries=10000}. Runs get a small {@code --max-events}, so each
 * case takes a fraction of a second.
 *
 * <p>The cases are JUnit dynamic tests rather than a jqwik property: jqwik 1.10 prints a request
 * that AI agents not use it, and this test was written by one; the corpus needs no shrinking
 * (a failing case is already one small mutation of one file), only a seeded stream of cases.
 */
final class ScenarioFuzzTest {
  /** Events a run may fire: enough for a shortened shipped scenario, small enough to be quick. */
  private static final String MAX_EVENTS = "300000";
  private static final Pattern STACK = Pattern.compile("\tat |\\w+(Exception|Error)\\b");
  private static final Pattern LOCATED = Pattern.compile("^error: \\S+:\\d+:\\d+: at \\S");
  private static final List<Path> SHIPPED = shipped();
  private static final AtomicInteger CASES = new AtomicInteger();
  private static Path root;
  /** How often validate and run answered 0, 1, 2 (a corpus that only ever fails proves little). */
  private static final int[][] EXITS = new int[2][3];
  private static final long SEED = Long.getLong("dsim.fuzz.seed", 20261207L);
  private static final int TRIES = Integer.getInteger("dsim.fuzz.tries", 2000);
  private static long slowestNanos;
  private static String slowest = "";

  private static List<Path> shipped() {
    try (Stream<Path> files = Files.list(Path.of("..", "scenarios"))) {
      return files.filter(p -> p.toString().endsWith(".json"))
          .filter(p -> !p.getFileName().toString().equals("scenario.schema.json"))
          .sorted().toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @BeforeAll
  static void makeRoot() throws IOException {
    root = Files.createTempDirectory("dsim-fuzz-");
  }

  @AfterAll
  static void removeRoot() throws IOException {
    System.out.printf(java.util.Locale.ROOT, "ScenarioFuzzTest: %d cases, slowest %.2f s (%s); "
        + "validate exits 0/1/2: %s, run exits 0/1/2: %s%n", CASES.get(), slowestNanos / 1e9,
        slowest, java.util.Arrays.toString(EXITS[0]), java.util.Arrays.toString(EXITS[1]));
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** The cases: {@link #TRIES} mutants drawn from {@link #SEED}. */
  @TestFactory
  Stream<DynamicTest> everyMutant_getsAClearAnswer() {
    SplittableRandom random = new SplittableRandom(SEED);
    Mutation[] kinds = Mutation.values();
    List<DynamicTest> cases = new ArrayList<>();
    for (int i = 0; i < TRIES; i++) {
      Mutant m = new Mutant(SHIPPED.get(random.nextInt(SHIPPED.size())),
          kinds[random.nextInt(kinds.length)], random.nextLong(), random.nextBoolean());
      // A hang guard, not a speed check: every case is bounded by --max-events and the input
      // limits and takes well under a second; one still going after a minute is stuck inside
      // an event (as a clock drift of 1e90 ppm once was), which --max-events cannot stop.
      cases.add(DynamicTest.dynamicTest(m.toString(), () -> assertTimeoutPreemptively(
          Duration.ofSeconds(60), () -> check(m), () -> m + ": still running after 60 s")));
    }
    return cases.stream();
  }

  private static void check(Mutant m) throws Exception {
    long start = System.nanoTime();
    Path dir = Files.createDirectory(root.resolve("case-" + CASES.incrementAndGet()));
    Path file = dir.resolve("fuzzed.json");
    Files.write(file, m.bytes());

    CliRunner.Result validate = CliRunner.run("validate", file.toString(), "--max-events",
        MAX_EVENTS);
    assertClear(m, validate, file);

    if (validate.exitCode() == 0) {
      assertWritesBack(m, file);
    }

    Path out = dir.resolve("out");
    CliRunner.Result run = CliRunner.run("run", file.toString(), "--no-charts", "--out",
        out.toString(), "--max-events", MAX_EVENTS);
    assertClear(m, run, file);
    if (validate.exitCode() == 0) {
      assertThat(run.exitCode()).as("%s: validate accepted what run refused:%n%s", m, run.err())
          .isNotEqualTo(2);
    } else {
      assertThat(run.exitCode()).as("%s: validate refused what run accepted", m).isEqualTo(2);
    }
    if (run.exitCode() == 2 || run.err().contains("nothing was written")) {
      assertThat(out).as("%s: a refused run wrote a report", m).doesNotExist();
    }
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .as("%s: files beside the report (a staging directory left behind?); the directory "
              + "lock stays by design", m)
          .allMatch(n -> n.equals("fuzzed.json") || n.equals("out") || n.equals(".dsim-lock"));
    }
    EXITS[0][validate.exitCode()]++;
    EXITS[1][run.exitCode()]++;
    long took = System.nanoTime() - start;
    if (took > slowestNanos) {
      slowestNanos = took;
      slowest = m.toString();
    }
  }

  /**
   * What validate accepts, {@link ScenarioWriter} writes back: every variant, in both styles,
   * reads back as an equal scenario (the mutants vary every value the writer must spell).
   */
  private static void assertWritesBack(Mutant m, Path file) throws Exception {
    ScenarioFile loaded = ScenarioLoader.load(file);
    List<String> variants = new ArrayList<>();
    variants.add(null);
    variants.addAll(loaded.variantNames());
    for (String v : variants) {
      Scenario s = loaded.resolve(v);
      Scenario base = s.withoutVariant();
      for (ScenarioWriter.Style style : ScenarioWriter.Style.values()) {
        String written = ScenarioWriter.write(s, style);
        assertThat(ScenarioLoader.parse("written", written).resolve(null))
            .as("%s: variant %s written %s reads back differently:%n%s", m, v, style, written)
            .isEqualTo(base);
      }
    }
  }

  private static void assertClear(Mutant m, CliRunner.Result r, Path file) {
    String both = r.out() + r.err();
    assertThat(r.exitCode()).as("%s: exit code; stderr:%n%s", m, r.err()).isIn(0, 1, 2);
    assertThat(STACK.matcher(both).find()).as("%s: a stack trace or exception name in:%n%s", m,
        both).isFalse();
    if (r.exitCode() != 2) {
      return;
    }
    List<String> errors = new ArrayList<>();
    for (String line : r.err().split("\n")) {
      if (line.startsWith("error: ")) {
        errors.add(line);
      }
    }
    assertThat(errors).as("%s: exit 2 without an error line:%n%s", m, r.err()).isNotEmpty();
    for (String e : errors) {
      assertThat(e).as("%s: an error that does not name the file", m)
          .startsWith("error: " + file);
    }
    boolean located = errors.stream().anyMatch(e -> LOCATED.matcher(e).find());
    boolean wholeFile = errors.stream().anyMatch(e -> e.contains("would be too large")
        || e.contains("would not fit in memory") || e.contains("a scenario file is at most"));
    assertThat(located || wholeFile).as("%s: no error with line, column and path:%n%s", m,
        r.err()).isTrue();
  }

  /** One way to damage a scenario. */
  enum Mutation {
    TYPE_SWAP, DELETE, EXTREME_NUMBER, BAD_UNIT, UNKNOWN_REFERENCE, HUGE_COUNT, TRUNCATE,
    BOM, UTF16, LATIN1, INVALID_UTF8, NUL_BYTES, STRAY_CHARACTER, DEEP_NESTING, LONG_STRING
  }

  /** A shipped file, a mutation and the seed of its random choices; optionally shortened. */
  record Mutant(Path file, Mutation kind, long seed, boolean shorten) {
    byte[] bytes() throws IOException {
      return Mutator.mutate(Files.readString(file), kind, new Random(seed), shorten);
    }

    @Override
    public String toString() {
      return file.getFileName() + " " + kind + " seed=" + seed + (shorten ? " shortened" : "");
    }
  }
}
