package dev.dsim.cli;

import dev.dsim.engine.EventLimitExceededException;
import dev.dsim.report.JsonLinesTrace;
import dev.dsim.report.ResultsJson;
import dev.dsim.report.SummaryTable;
import dev.dsim.run.RunResult;
import dev.dsim.run.CompletedRun;
import dev.dsim.run.RunOptions;
import dev.dsim.run.Runner;
import dev.dsim.scenario.Scenario;
import dev.dsim.scenario.ScenarioException;
import dev.dsim.scenario.ScenarioFile;
import dev.dsim.scenario.ScenarioLoader;
import java.io.IOException;
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
 * {@code dsim run FILE}: runs a scenario (every variant in turn, or one with {@code --variant}),
 * writes {@code results.json} per run and prints a summary table.
 *
 * <p>Every file and variant is loaded and validated before anything runs, so bad input writes
 * nothing.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Run a scenario and write reports/<scenario>/<variant>/seed-<n>/results.json.",
      "With no --variant, every variant in the file runs in turn (the base scenario if the file "
          + "has no variants)."
    })
final class RunCommand implements Callable<Integer> {

  @Parameters(paramLabel = "FILE", description = "Scenario JSON file.")
  Path file;

  @Option(names = "--seed", paramLabel = "N",
      description = "Seed for the run (default: the scenario's \"seed\").")
  Long seed;

  @Option(names = "--variant", paramLabel = "NAME",
      description = "Run only this variant (\"base\" for the scenario without any variant).")
  String variant;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Directory for this scenario's reports (default: reports/<scenario>).")
  Path out;

  @Option(names = "--trace", paramLabel = "FILE",
      description = "Write every event as JSON lines to FILE (one file per variant when several "
          + "run: FILE's name gets the variant inserted).")
  Path trace;

  @Option(names = "--max-events", paramLabel = "N",
      description = "Fail a run that fires more than N events (default: ${DEFAULT-VALUE}).")
  long maxEvents = RunOptions.DEFAULT_MAX_EVENTS;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter outWriter = spec.commandLine().getOut();
    if (maxEvents <= 0) {
      err.println("error: --max-events must be a positive number, got " + maxEvents);
      return ExitCodes.BAD_INPUT;
    }
    List<Scenario> scenarios;
    try {
      scenarios = resolve(ScenarioLoader.load(file));
    } catch (ScenarioException e) {
      ErrorPrinter.print(err, e);
      return ExitCodes.BAD_INPUT;
    }
    List<CompletedRun> runs = new ArrayList<>();
    for (Scenario s : scenarios) {
      long runSeed = seed != null ? seed : s.seed();
      CompletedRun run;
      try {
        run = runOne(s, runSeed, scenarios.size() > 1);
      } catch (EventLimitExceededException e) {
        err.println("error: " + variantName(s) + " with seed " + runSeed + ": " + e.getMessage());
        err.println("  hint: raise --max-events, or shorten \"duration\" / lower \"rate\"");
        return ExitCodes.RUN_FAILED;
      }
      runs.add(run);
      Path results = runDirectory(s, runSeed).resolve("results.json");
      ResultsJson.write(results, run.result());
    }
    outWriter.print(SummaryTable.render(runs));
    for (int i = 0; i < runs.size(); i++) {
      Scenario s = scenarios.get(i);
      outWriter.println("wrote " + runDirectory(s, runs.get(i).result().seed())
          .resolve("results.json"));
    }
    outWriter.flush();
    boolean failed = false;
    for (CompletedRun run : runs) {
      for (RunResult.ExpectationResult e : run.result().expectations()) {
        if (!e.ok()) {
          failed = true;
          err.println("expectation failed: " + run.result().variant() + " (seed "
              + run.result().seed() + "): " + e.metric() + " " + e.condition() + ", got "
              + (e.actual() == null ? "nothing (not measured in this run)"
                  : SummaryTable.number(e.actual())));
        }
      }
    }
    err.flush();
    return failed ? ExitCodes.RUN_FAILED : ExitCodes.OK;
  }

  private List<Scenario> resolve(ScenarioFile sf) throws ScenarioException {
    List<Scenario> list = new ArrayList<>();
    if (variant != null) {
      list.add(sf.resolve("base".equals(variant) ? null : variant));
    } else if (sf.variantNames().isEmpty()) {
      list.add(sf.resolve(null));
    } else {
      for (String v : sf.variantNames()) {
        list.add(sf.resolve(v));
      }
    }
    return list;
  }

  private CompletedRun runOne(Scenario s, long runSeed, boolean several) throws IOException {
    if (trace == null) {
      return Runner.run(s, runSeed, RunOptions.defaults().withMaxEvents(maxEvents));
    }
    Path traceFile = several ? insertVariant(trace, variantName(s)) : trace;
    JsonLinesTrace[] writer = new JsonLinesTrace[1];
    RunOptions options = RunOptions.defaults().withMaxEvents(maxEvents).withTrace(world -> {
      try {
        writer[0] = new JsonLinesTrace(traceFile, id -> world.node(id).name());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return writer[0];
    });
    try {
      CompletedRun run = Runner.run(s, runSeed, options);
      writer[0].close();
      return run;
    } catch (RuntimeException e) {
      if (writer[0] != null) {
        writer[0].abandon();
      }
      throw e;
    }
  }

  private Path runDirectory(Scenario s, long runSeed) {
    Path root = out != null ? out : Path.of("reports", s.name());
    return root.resolve(variantName(s)).resolve("seed-" + runSeed);
  }

  private static String variantName(Scenario s) {
    return s.variant() == null ? "base" : s.variant();
  }

  static Path insertVariant(Path file, String variantName) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String renamed = dot > 0
        ? name.substring(0, dot) + "." + variantName + name.substring(dot)
        : name + "." + variantName;
    return file.resolveSibling(renamed);
  }
}
