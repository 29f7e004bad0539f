package dev.dsim.cli;

import dev.dsim.run.RunOptions;
import dev.dsim.scenario.Scenario;
import dev.dsim.scenario.ScenarioError;
import dev.dsim.scenario.ScenarioException;
import dev.dsim.scenario.ScenarioFile;
import dev.dsim.scenario.ScenarioLoader;
import dev.dsim.scenario.ScenarioOverride;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dsim validate FILE…}: checks scenario files (every variant) without running them, and
 * reports every error in every file, each with file:line:column, JSON path and a hint. It refuses
 * what {@code run} would refuse before running: a variant whose estimated size is beyond
 * {@code --max-events} or the heap ({@link SizeCheck}).
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Check scenario files without running them.",
      "Checks JSON syntax, every key and value of the base "
          + "scenario and of every variant. Every error in every file is reported, each with "
          + "file:line:column, its JSON path and a hint. Like run, it refuses a variant "
          + "estimated beyond --max-events or the heap.",
      "Exit status: 0 all valid, 2 some error."
    })
final class ValidateCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Scenario JSON files.")
  List<Path> files;

  @Option(names = "--set", paramLabel = "PATH=VALUE",
      description = "Check the files as they would run with this override (repeatable).")
  List<String> sets = new ArrayList<>();

  @Option(names = "--classpath", paramLabel = "PATH", split = "${sys:path.separator}",
      description = Classpath.DESCRIPTION)
  List<Path> classpath = new ArrayList<>();

  @Option(names = "--max-events", paramLabel = "N",
      description = "Refuse, as run would, a variant estimated to fire more than N events "
          + "(default: ${DEFAULT-VALUE}).")
  long maxEvents = RunOptions.DEFAULT_MAX_EVENTS;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    if (maxEvents <= 0) {
      return ScenarioOptions.usageError(err, "--max-events must be a positive number, got "
          + maxEvents, "leave it out for the default bound");
    }
    String problem = Classpath.install(classpath);
    if (problem != null) {
      return ScenarioOptions.usageError(err, problem,
          "give the directory your classes compile to (target/classes) or a jar");
    }
    List<ScenarioOverride> overrides;
    try {
      overrides = ScenarioOverride.parseAll(sets);
    } catch (ScenarioException e) {
      ErrorPrinter.print(err, e);
      return ExitCodes.BAD_INPUT;
    }
    int errors = 0;
    int badFiles = 0;
    for (Path f : files) {
      try {
        ScenarioFile sf = ScenarioLoader.load(f, overrides);
        int refused = checkSizes(err, f, ScenarioOptions.resolve(sf, List.of()));
        if (refused > 0) {
          badFiles++;
          errors += refused;
          continue;
        }
        int v = sf.variantNames().size();
        out.println("ok " + f + (v == 0 ? "" : " (base and " + v + " variant"
            + (v == 1 ? "" : "s") + ")"));
      } catch (ScenarioException e) {
        if (e.errors().size() == 1
            && e.errors().get(0).message().equals(ScenarioLoader.SCHEMA_NOT_SCENARIO)) {
          // A glob such as scenarios/*.json takes in the schema beside the scenarios.
          out.println("skipped " + f + ": the scenario format's JSON Schema, not a scenario");
          continue;
        }
        badFiles++;
        for (ScenarioError error : e.errors()) {
          errors++;
          err.println("error: " + error.format());
        }
      }
    }
    out.flush();
    if (errors > 0) {
      err.println(errors + " error" + (errors == 1 ? "" : "s") + " in " + badFiles + " of "
          + files.size() + " file" + (files.size() == 1 ? "" : "s") + ".");
      err.flush();
      return ExitCodes.BAD_INPUT;
    }
    return ExitCodes.OK;
  }

  /** Prints each run of {@code file} that run would refuse for its size; returns how many. */
  private int checkSizes(PrintWriter err, Path file, List<Scenario> scenarios) {
    int refused = 0;
    long heap = SizeCheck.heapBytes();
    for (Scenario s : scenarios) {
      SizeCheck.Refusal r = SizeCheck.refusal(s, maxEvents, heap);
      if (r != null) {
        refused++;
        err.println("error: " + file + ": " + r.message());
        err.println("  hint: " + r.hint());
      } else if (SizeCheck.note(s) != null) {
        err.println("note: " + file + ": " + SizeCheck.note(s));
      }
      ScenarioOptions.capacityWarnings(err, file, s);
    }
    return refused;
  }
}
