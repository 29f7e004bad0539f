package dev.dsim.cli;

import dev.dsim.report.TheoryTable;
import dev.dsim.run.ParallelRunner;
import dev.dsim.run.RunOptions;
import dev.dsim.run.RunResult;
import dev.dsim.run.theory.ScenarioTheory;
import dev.dsim.run.theory.Theory;
import dev.dsim.scenario.Scenario;
import dev.dsim.scenario.ScenarioException;
import dev.dsim.scenario.ScenarioFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dsim explain FILE}: queueing and reliability theory beside what the simulation
 * measured, variant by variant: each prediction with its model and assumptions, the measured
 * mean over the seeds with its 95% interval, the error, and where no model applies, why.
 * It writes no files.
 */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Print what queueing and reliability theory predicts beside what the runs measure.",
      "For each variant (all of them, or --variant), runs the seeds and prints, for every "
          + "figure a closed-form model covers (mean and percentile latency, throughput, "
          + "availability, each tier's utilisation, node uptime under random crashes), the "
          + "model, its assumptions as checked on the scenario, the prediction, the measured "
          + "mean with its 95%% interval over the seeds, the error and whether they agree "
          + "(within 2%%, or the prediction inside the interval). Figures no model covers are "
          + "listed with the assumption the scenario breaks. Then each tier's offered load "
          + "against its capacity.",
      "Models: M/M/c (Erlang C), M/G/1 (Pollaczek-Khinchine), M/D/1, random split, "
          + "round-robin as E_k/M/1, contended cores (USL) as a birth-death chain, tandem "
          + "tiers (Jackson), closed loops by mean value analysis, loss with retries, renewal "
          + "availability and the crash nemesis's chain.",
      "Exit status: 0 every exact prediction agrees, 1 one does not, 2 bad input, "
          + "130 interrupted."
    })
final class ExplainCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "Scenario JSON file.")
  Path file;

  @Option(names = "--variant", paramLabel = "NAME", split = ",",
      description = "Explain only these variants (repeatable or comma-separated; \"base\" for "
          + "the scenario without a variant). Default: every variant.")
  List<String> variants = new ArrayList<>();

  @Option(names = "--seeds", paramLabel = "N|A..B", converter = SeedRange.Converter.class,
      description = "N seeds from the scenario's own seed, or the seeds A to B (default: 5).")
  SeedRange seeds = new SeedRange(null, 5);

  @Option(names = "--jobs", paramLabel = "N",
      description = "Runs at once (default: the number of processors). Results do not "
          + "depend on it.")
  Integer jobs;

  @Mixin
  ScenarioOptions scenarioOptions;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    int threads = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
    if (threads < 1) {
      return ScenarioOptions.usageError(err, "--jobs must be at least 1, got " + threads,
          "--jobs 1 runs one at a time; leave it out for one per processor");
    }
    List<Scenario> scenarios;
    try {
      ScenarioFile f = scenarioOptions.load(List.of(file)).get(0);
      scenarios = ScenarioOptions.resolve(f, variants);
    } catch (ScenarioException e) {
      ErrorPrinter.print(err, e);
      return ExitCodes.BAD_INPUT;
    }
    int size = scenarioOptions.checkSize(err, file, scenarios);
    if (size >= 0) {
      return size;
    }
    List<ParallelRunner.Job> jobList = new ArrayList<>();
    for (Scenario s : scenarios) {
      for (long seed : seeds.seeds(s.seed())) {
        jobList.add(new ParallelRunner.Job(s, seed));
      }
    }
    err.println("running " + scenarios.size() + " variant" + (scenarios.size() == 1 ? "" : "s")
        + " over " + seeds.count() + " seed" + (seeds.count() == 1 ? "" : "s") + " ("
        + jobList.size() + " runs" + Estimates.total(jobList, threads) + ")");
    err.flush();
    ParallelRunner runner = new ParallelRunner(threads,
        RunOptions.defaults().withMaxEvents(scenarioOptions.maxEvents));
    List<ParallelRunner.Outcome> outcomes;
    boolean interrupted;
    try (Interruption ctrlC = new Interruption(runner::abort, err)) {
      outcomes = runner.run(jobList, r -> false, 0, (i, o, done, total) -> { });
      interrupted = ctrlC.interrupted();
    }
    boolean allAgree = true;
    List<String> errors = new ArrayList<>();
    int next = 0;
    for (Scenario s : scenarios) {
      List<RunResult> runs = new ArrayList<>();
      for (int k = 0; k < seeds.count(); k++) {
        ParallelRunner.Outcome o = outcomes.get(next++);
        if (o.error() != null) {
          errors.add(ScenarioOptions.variantName(s) + " seed " + o.job().seed() + ": "
              + o.error());
        }
        if (o.finished()) {
          runs.add(o.run().result());
        }
      }
      Theory theory = ScenarioTheory.of(s);
      out.println(s.name() + ", variant " + ScenarioOptions.variantName(s) + ": "
          + runs.size() + " seed" + (runs.size() == 1 ? "" : "s"));
      List<TheoryTable.Row> rows = runs.isEmpty() ? List.of() : TheoryTable.rows(theory, runs);
      if (theory.predictions().isEmpty()) {
        out.println("no model applies to this variant; why, figure by figure:");
      }
      out.print(TheoryTable.text(theory, rows));
      out.println();
      for (TheoryTable.Row r : rows) {
        allAgree &= r.agrees() || !r.prediction().exact();
      }
    }
    out.flush();
    errors.forEach(x -> err.println("error: " + x));
    if (interrupted) {
      err.println("interrupted: the tables cover the runs that finished");
      err.flush();
      return ExitCodes.INTERRUPTED;
    }
    err.flush();
    return errors.isEmpty() && allAgree ? ExitCodes.OK : ExitCodes.RUN_FAILED;
  }
}
