package dev.dsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * A hostile user's corpus, generated: every shipped scenario mutated (type swaps, deletions,
 * extreme numbers, bad units, unknown references, huge counts, truncation, encodings, NUL bytes),
 * then validated and run by the CLI in-process. For every case: exit 0, 1 or 2, never 3; no
 * stack trace and no exception class name on either stream; every error names the file, and
 * a content error its line, column and JSON path; what validate accepts, run does not refuse; a
 * refused run leaves nothing on disk (no report, no hidden staging directory).
 *
 * <p>Reproducible: a fixed seed, and each case is a pure function of what jqwik draws. The number
 * of tries is jqwik's default, 2,000 in {@code junit-platform.properties}; run more locally with
 * {@code mvn -pl simulator test -Dtest=ScenarioFuzzTest -Djqwik.tries.default=5000}. Runs get a
 * small {@code --max-events}, so each case takes a fraction of a second.
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

  @BeforeContainer
  static void makeRoot() throws IOException {
    root = Files.createTempDirectory("dsim-fuzz-");
  }

  @AfterContainer
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

  @Provide
  Arbitrary<Mutant> mutants() {
    return Combinators.combine(Arbitraries.integers().between(0, SHIPPED.size() - 1),
        Arbitraries.of(Mutation.class), Arbitraries.longs(), Arbitraries.of(true, false))
        .as((file, kind, seed, shorten) -> new Mutant(SHIPPED.get(file), kind, seed, shorten));
  }

  @Property(seed = "20261207", shrinking = net.jqwik.api.ShrinkingMode.BOUNDED)
  void everyMutant_getsAClearAnswer(@ForAll("mutants") Mutant m) throws Exception {
    long start = System.nanoTime();
    Path dir = Files.createDirectory(root.resolve("case-" + CASES.incrementAndGet()));
    Path file = dir.resolve("fuzzed.json");
    Files.write(file, m.bytes());

    CliRunner.Result validate = CliRunner.run("validate", file.toString(), "--max-events",
        MAX_EVENTS);
    assertClear(m, validate, file, false);

    Path out = dir.resolve("out");
    CliRunner.Result run = CliRunner.run("run", file.toString(), "--no-charts", "--out",
        out.toString(), "--max-events", MAX_EVENTS);
    assertClear(m, run, file, true);
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
          .as("%s: files beside the report (a staging directory left behind?)", m)
          .allMatch(n -> n.equals("fuzzed.json") || n.equals("out"));
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
   * @param run for {@code run}, whose size refusal (ScenarioOptions.checkSize) names the scenario
   *     and variant but not yet the file: that one message is let through until it uses
   *     SizeCheck as validate does
   */
  private static void assertClear(Mutant m, CliRunner.Result r, Path file, boolean run) {
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
      if (run && (e.contains("would be too large") || e.contains("would not fit in memory"))) {
        continue;
      }
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
