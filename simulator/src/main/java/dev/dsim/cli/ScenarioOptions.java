package dev.dsim.cli;

import dev.dsim.run.RunOptions;
import dev.dsim.scenario.Scenario;
import dev.dsim.scenario.ScenarioError;
import dev.dsim.scenario.ScenarioException;
import dev.dsim.scenario.ScenarioFile;
import dev.dsim.scenario.ScenarioLoader;
import dev.dsim.scenario.ScenarioOverride;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options every command that runs scenarios shares ({@code --set}, {@code --max-events}),
 * and loading the files with them: every file is read, patched and validated before anything
 * runs, and every error in every file is reported at once.
 */
final class ScenarioOptions {
  @Option(names = "--set", paramLabel = "PATH=VALUE",
      description = "Override a scenario value by JSON path, in every variant (repeatable): "
          + "--set tiers.web.nodes=16 --set duration=10m --set 'faults.schedule[0].at=30s'.")
  List<String> sets = new ArrayList<>();

  @Option(names = "--max-events", paramLabel = "N",
      description = "Stop a run that fires more than N events, and refuse up front one "
          + "estimated to need more (default: ${DEFAULT-VALUE}).")
  long maxEvents = RunOptions.DEFAULT_MAX_EVENTS;

  @Option(names = "--classpath", paramLabel = "PATH", split = "${sys:path.separator}",
      description = Classpath.DESCRIPTION)
  List<Path> classpath = new ArrayList<>();

  /** The overrides, parsed (a malformed one is a ScenarioException). */
  List<ScenarioOverride> overrides() throws ScenarioException {
    return ScenarioOverride.parseAll(sets);
  }

  /**
   * These options as a command that reproduces a run must repeat them: {@code --classpath} and
   * every {@code --set}, plus {@code extraSets} (a sweep's load).
   */
  List<String> reproduceArguments(String... extraSets) {
    List<String> args = new ArrayList<>();
    if (!classpath.isEmpty()) {
      List<String> entries = new ArrayList<>();
      classpath.forEach(p -> entries.add(p.toString()));
      args.add("--classpath");
      args.add(String.join(java.io.File.pathSeparator, entries));
    }
    Reproduce.addRepeated(args, "--set", sets);
    for (String extra : extraSets) {
      if (extra != null) {
        args.add("--set");
        args.add(extra);
      }
    }
    return args;
  }

  /** Loads every file with the overrides; all their errors in one exception. */
  List<ScenarioFile> load(List<Path> files) throws ScenarioException {
    String problem = Classpath.install(classpath);
    if (problem != null) {
      throw new ScenarioException(List.of(new ScenarioError("command line", 0, 0, "--classpath",
          problem, "give the directory your classes compile to (target/classes) or a jar")));
    }
    List<ScenarioOverride> overrides = overrides();
    List<ScenarioFile> loaded = new ArrayList<>();
    List<ScenarioError> errors = new ArrayList<>();
    for (Path f : files) {
      try {
        loaded.add(ScenarioLoader.load(f, overrides));
      } catch (ScenarioException e) {
        errors.addAll(e.errors());
      }
    }
    if (!errors.isEmpty()) {
      throw new ScenarioException(errors);
    }
    return loaded;
  }

  /**
   * The one scenario a command about a single run takes: {@code variant} of {@code file}
   * ("base" or null for none; null is an error when the file has variants, which it names).
   */
  Scenario loadOne(Path file, String variant) throws ScenarioException {
    ScenarioFile f = load(List.of(file)).get(0);
    if (variant == null && !f.variantNames().isEmpty()) {
      throw new ScenarioException(List.of(new ScenarioError(file.toString(), 0, 0,
          "variants", "which variant? this file has " + String.join(", ", f.variantNames()),
          "add --variant NAME (or --variant base for the scenario without one)")));
    }
    return f.resolve(variant == null || variant.equals("base") ? null : variant);
  }

  /**
   * The scenarios to run from {@code file}: the named variants ("base" for none), or every
   * variant in file order (the base scenario when the file has none).
   */
  static List<Scenario> resolve(ScenarioFile file, List<String> variants)
      throws ScenarioException {
    List<Scenario> list = new ArrayList<>();
    if (variants != null && !variants.isEmpty()) {
      List<ScenarioError> errors = new ArrayList<>();
      for (String v : variants) {
        try {
          list.add(file.resolve("base".equals(v) ? null : v));
        } catch (ScenarioException e) {
          errors.addAll(e.errors());
        }
      }
      if (!errors.isEmpty()) {
        throw new ScenarioException(errors);
      }
    } else if (file.variantNames().isEmpty()) {
      list.add(file.resolve(null));
    } else {
      for (String v : file.variantNames()) {
        list.add(file.resolve(v));
      }
    }
    return list;
  }

  /**
   * Looks at each run's estimated size before anything runs ({@link SizeCheck}, as
   * {@code validate} does): a run estimated beyond {@code --max-events}, or beyond the heap, is
   * refused (exit 2) with the file and the estimate; a large one is announced on stderr. Returns
   * an exit code to stop with, or -1 to go on.
   */
  int checkSize(java.io.PrintWriter err, Path file, List<Scenario> scenarios) {
    long heap = SizeCheck.heapBytes();
    for (Scenario s : scenarios) {
      SizeCheck.Refusal r = SizeCheck.refusal(s, maxEvents, heap);
      if (r != null) {
        return usageError(err, file + ": " + r.message(), r.hint());
      }
      String note = SizeCheck.note(s);
      if (note != null) {
        err.println("note: " + file + ": " + note);
        err.flush();
      }
      capacityWarnings(err, file, s);
    }
    return -1;
  }

  /**
   * Warns, with the figures, of every tier offered more requests than it can complete (see
   * {@link dev.dsim.run.theory.TierLoad}): the run goes ahead, since overload can be the point,
   * but its latency then grows with the run's length instead of settling.
   */
  static void capacityWarnings(java.io.PrintWriter err, Path file, Scenario s) {
    for (String w : dev.dsim.run.theory.ScenarioTheory.of(s).warnings()) {
      err.println("warning: " + file + (s.variant() == null ? "" : " (variant " + s.variant()
          + ")") + ": " + w);
    }
    err.flush();
  }

  /**
   * Before a command builds its list of runs ({@code scenarios}, each over {@code seedsEach}
   * seeds): refuses (exit 2) a number of runs whose results would not fit in the heap, since
   * {@code compare} and {@code sweep} keep every finished run's results for their tables. A
   * typo such as {@code --seeds 1..100000000} is refused in a moment instead of dying of
   * OutOfMemoryError hours later. Returns an exit code to stop with, or -1 to go on.
   */
  static int checkRuns(java.io.PrintWriter err, List<Scenario> scenarios, long seedsEach) {
    return checkRuns(err, scenarios, seedsEach, "use fewer seeds (split the range over several "
        + "commands), or give Java more heap (java -Xmx16g -jar ...)");
  }

  /** As {@link #checkRuns(java.io.PrintWriter, List, long)}, with the command's own hint. */
  static int checkRuns(java.io.PrintWriter err, List<Scenario> scenarios, long seedsEach,
      String hint) {
    double bytes = 0;
    long runs = 0;
    for (Scenario s : scenarios) {
      runs += seedsEach;
      bytes += seedsEach * Estimates.retainedBytes(s);
    }
    long heap = Runtime.getRuntime().maxMemory();
    if (bytes > 0.5 * heap) {
      return usageError(err, runs + " runs would keep about " + dev.dsim.run.RunEstimate.size(bytes)
          + " of results in memory, more than half of what this JVM may use ("
          + (heap >> 20) + " MiB)", hint);
    }
    return -1;
  }

  /** "base" for the scenario without a variant. */
  static String variantName(Scenario s) {
    return s.variant() == null ? "base" : s.variant();
  }

  /** A usage problem found after parsing (exit 2), in the same shape as picocli's. */
  static int usageError(java.io.PrintWriter err, String message, String hint) {
    err.println("error: " + message);
    if (hint != null && !hint.isEmpty()) {
      err.println("  hint: " + hint);
    }
    err.flush();
    return ExitCodes.BAD_INPUT;
  }
}
