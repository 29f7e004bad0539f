package dev.dsim.cli;

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
 * reports every error in every file, each with file:line:column, JSON path and a hint.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Check scenario files without running them.",
      "Checks JSON syntax, every key and value of the base "
          + "scenario and of every variant. Every error in every file is reported, each with "
          + "file:line:column, its JSON path and a hint.",
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

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
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
        int v = sf.variantNames().size();
        out.println("ok " + f + (v == 0 ? "" : " (base and " + v + " variant"
            + (v == 1 ? "" : "s") + ")"));
      } catch (ScenarioException e) {
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
}
