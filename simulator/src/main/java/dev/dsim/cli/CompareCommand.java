package dev.dsim.cli;

import dev.dsim.report.Comparison;
import dev.dsim.report.ComparisonPage;
import dev.dsim.report.ComparisonReport;
import dev.dsim.report.AtomicFiles;
import dev.dsim.report.ReportDirectory;
import dev.dsim.report.ResultsJson;
import dev.dsim.report.Staging;
import dev.dsim.run.ParallelRunner;
import dev.dsim.run.RunResult;
import dev.dsim.scenario.Scenario;
import dev.dsim.scenario.ScenarioException;
import dev.dsim.scenario.ScenarioFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dsim compare FILE…}: every variant of every file over several seeds, and for each
 * metric the variants' means with 95% confidence intervals, the winner where the intervals do
 * not overlap; {@code comparison.json}, {@code comparison.csv} and every run's
 * {@code results.json} in one report directory.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Compare variants over several seeds, with confidence intervals.",
      "Runs every variant (of every file) over several seeds and compares them: each metric's "
          + "mean with a 95%% confidence interval (Student t) per variant, and which variant "
          + "wins it (none where the intervals overlap). Where the scenario has expectations, "
          + "how many seeds of each variant met all of them (with a Clopper-Pearson interval), "
          + "and the cheapest variant that met them in at least --require of its seeds: a "
          + "variant that failed them never wins cost.total.",
      "Writes comparison.json, comparison.csv and runs/<variant>/seed-<n>/results.json to "
          + "reports/<scenario>-compare (or --out).",
      "Ctrl-C stops the runs in progress and still writes the comparison of those that "
          + "finished, marked interrupted, with no winner across unequal seed counts (exit 130).",
      "Exit status: 0 ok, 1 an expectation failed in some run, 2 bad input or environment, "
          + "130 interrupted."
    })
final class CompareCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Scenario JSON files.")
  List<Path> files;

  @Option(names = "--seeds", paramLabel = "N|A..B", converter = SeedRange.Converter.class,
      description = "N seeds from each scenario's own seed, or the seeds A to B "
          + "(default: 10).")
  SeedRange seeds = new SeedRange(null, 10);

  @Option(names = "--require", paramLabel = "P", converter = Share.Converter.class,
      description = "The share of seeds in which a variant must meet every expectation of its "
          + "scenario to be eligible: a variant below it never wins cost.total, and the table "
          + "names the cheapest variant at or above it (95%%, or 0.95; default: 100%%).")
  double require = 1.0;

  @Option(names = "--variant", paramLabel = "NAME", split = ",",
      description = "Compare only these variants (repeatable or comma-separated; \"base\" for "
          + "the scenario without a variant).")
  List<String> variants = new ArrayList<>();

  @Mixin
  ScenarioOptions scenarioOptions;

  @Mixin
  ParallelOptions parallel;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    if (parallel.badJobs(err)) {
      return ExitCodes.BAD_INPUT;
    }
    int threads = parallel.threads();
    List<ScenarioFile> loaded;
    List<List<Scenario>> perFile = new ArrayList<>();
    try {
      loaded = scenarioOptions.load(files);
      for (ScenarioFile f : loaded) {
        perFile.add(ScenarioOptions.resolve(f, variants));
      }
    } catch (ScenarioException e) {
      ErrorPrinter.print(err, e);
      return ExitCodes.BAD_INPUT;
    }
    List<Scenario> all = new ArrayList<>();
    perFile.forEach(all::addAll);
    for (int f = 0; f < files.size(); f++) {
      int size = scenarioOptions.checkSize(err, files.get(f), perFile.get(f));
      if (size >= 0) {
        return size;
      }
    }
    int runs = ScenarioOptions.checkRuns(err, all, seeds.count());
    if (runs >= 0) {
      return runs;
    }
    boolean severalFiles = files.size() > 1;
    // Labels, in the order the variants appear; jobs grouped by label, seeds ascending.
    Map<String, List<Integer>> jobsOfLabel = new LinkedHashMap<>();
    List<ParallelRunner.Job> jobList = new ArrayList<>();
    for (int f = 0; f < perFile.size(); f++) {
      for (Scenario s : perFile.get(f)) {
        String label = severalFiles ? s.name() + "/" + ScenarioOptions.variantName(s)
            : ScenarioOptions.variantName(s);
        if (jobsOfLabel.containsKey(label)) {
          return ScenarioOptions.usageError(err, "two files compare as the same variant '"
              + label + "'", "give their scenarios different \"name\"s");
        }
        List<Integer> indexes = new ArrayList<>();
        for (long seed : seeds.seeds(s.seed())) {
          indexes.add(jobList.size());
          jobList.add(new ParallelRunner.Job(s, seed));
        }
        jobsOfLabel.put(label, indexes);
      }
    }
    String name = severalFiles ? "compare-" + String.join("-", names(perFile))
        : perFile.get(0).get(0).name() + "-compare";
    try (ReportDirectory.Reservation dir = parallel.directory(err, name)) {
      err.println("comparing " + jobsOfLabel.size() + " variant" + (jobsOfLabel.size() == 1
          ? "" : "s") + " over " + seeds.count() + " seed" + (seeds.count() == 1 ? "" : "s")
          + " (" + jobList.size() + " runs, " + Math.min(threads, jobList.size()) + " at once"
          + Estimates.total(jobList, threads) + ")");
      err.flush();
      ParallelRunner runner = parallel.runner(scenarioOptions.maxEvents);
      Progress progress = parallel.progress(err);
      List<ParallelRunner.Outcome> outcomes;
      int[] failing = {0};
      boolean interrupted;
      try (Interruption ctrlC = new Interruption(runner::abort, err)) {
        outcomes = runner.run(jobList, r -> false, 0, (i, o, done, total) -> {
          if (!o.run().result().expectations().stream()
              .allMatch(RunResult.ExpectationResult::ok)) {
            failing[0]++;
          }
          progress.update(done, total, failing[0]);
        });
        progress.finish();
        interrupted = ctrlC.interrupted();
      }
      String title = String.join(" + ", names(perFile));
      String description = perFile.size() == 1 ? perFile.get(0).get(0).description() : "";
      return report(err, stdout, dir, title, description, jobsOfLabel, outcomes, interrupted);
    } catch (ReportDirectory.UnusableException e) {
      return ScenarioOptions.usageError(err, e.getMessage(), e.hint());
    }
  }

  private int report(PrintWriter err, PrintWriter stdout, ReportDirectory.Reservation dir,
      String title, String description, Map<String, List<Integer>> jobsOfLabel,
      List<ParallelRunner.Outcome> outcomes, boolean interrupted) throws IOException {
    List<Comparison.Group> groups = new ArrayList<>();
    List<ComparisonReport.RunRef> refs = new ArrayList<>();
    TreeSet<Long> finishedSeeds = new TreeSet<>();
    List<String> errors = new ArrayList<>();
    Staging staging = dir.stage();
    for (Map.Entry<String, List<Integer>> e : jobsOfLabel.entrySet()) {
      List<RunResult> runs = new ArrayList<>();
      for (int i : e.getValue()) {
        ParallelRunner.Outcome o = outcomes.get(i);
        if (o.error() != null) {
          errors.add(e.getKey() + " seed " + o.job().seed() + ": " + o.error());
        }
        if (!o.finished()) {
          continue;
        }
        RunResult r = o.run().result();
        runs.add(r);
        finishedSeeds.add(r.seed());
        String rel = "runs/" + e.getKey() + "/seed-" + r.seed() + "/results.json";
        ResultsJson.write(staging.dir().resolve(rel), r);
        refs.add(new ComparisonReport.RunRef(e.getKey(), r, rel));
      }
      if (!runs.isEmpty()) {
        groups.add(new Comparison.Group(e.getKey(), runs));
      }
    }
    if (groups.isEmpty()) {
      err.println(interrupted ? "interrupted before any run finished; nothing was written"
          : "no run finished; nothing was written");
      errors.forEach(x -> err.println("error: " + x));
      err.flush();
      return interrupted ? ExitCodes.INTERRUPTED : ExitCodes.RUN_FAILED;
    }
    Comparison c = Comparison.of(groups, jobsOfLabel.size(), require);
    List<String> missing = new ArrayList<>(jobsOfLabel.keySet());
    missing.removeAll(c.variants());
    String warning = interrupted ? "Interrupted: " + refs.size() + " of " + outcomes.size()
        + " planned runs finished, over " + ComparisonReport.seedsText(c)
        + (missing.isEmpty() ? "" : "; no run of " + String.join(", ", missing) + " finished")
        + "; this report covers only those" + (c.equalSeeds() ? "." : ", and names no winner.")
        : null;
    List<String> fileNames = new ArrayList<>();
    files.forEach(f -> fileNames.add(f.toString()));
    AtomicFiles.writeString(staging.dir().resolve("comparison.json"),
        ComparisonReport.json(c, fileNames, List.copyOf(finishedSeeds), refs,
            new ComparisonReport.Coverage(outcomes.size(), interrupted)));
    AtomicFiles.writeString(staging.dir().resolve("comparison.csv"), ComparisonReport.csv(c));
    List<String> failures = expectationFailures(outcomes);
    if (!parallel.noCharts) {
      ComparisonPage.write(staging.dir(), title, description, c, groups, failures,
          Reproduce.command(reproduceArguments()), warning);
    }
    staging.commit(Manifest.of("compare", reproduceArguments(), files, !interrupted,
        interrupted));
    if (staging.note() != null) {
      err.println("note: " + staging.note());
    }
    Path landed = staging.target();
    stdout.print(ComparisonReport.table(c));
    if (!parallel.noCharts) {
      stdout.println("report: " + RunCommand.display(landed.resolve("index.html"))
          + " (open it in a browser)");
    }
    stdout.println("wrote " + RunCommand.display(landed.resolve("comparison.json")) + ", "
        + "comparison.csv and " + refs.size() + " results.json under runs/");
    stdout.flush();
    errors.forEach(x -> err.println("error: " + x));
    if (!failures.isEmpty()) {
      err.println("expectations failed in " + failingRuns(outcomes) + " of " + refs.size()
          + " runs (see each run's results.json, or 'dsim sweep' to list them with replay "
          + "commands)");
    }
    if (interrupted) {
      err.println("interrupted: " + refs.size() + " of " + outcomes.size() + " runs finished; "
          + "the comparison covers those" + (c.equalSeeds() ? ""
              : " and names no winner (unequal seed counts)"));
      err.flush();
      return ExitCodes.INTERRUPTED;
    }
    err.flush();
    return !errors.isEmpty() || !failures.isEmpty() ? ExitCodes.RUN_FAILED : ExitCodes.OK;
  }

  /** Each failed expectation of a finished run, described for the page. */
  private static List<String> expectationFailures(List<ParallelRunner.Outcome> outcomes) {
    List<String> failures = new ArrayList<>();
    for (ParallelRunner.Outcome o : outcomes) {
      if (o.finished()) {
        for (RunResult.ExpectationResult x : o.run().result().expectations()) {
          if (!x.ok()) {
            failures.add(o.run().result().variant() + " (seed " + o.job().seed() + "): "
                + ExpectationMessages.describe(x));
          }
        }
      }
    }
    return failures;
  }

  private static int failingRuns(List<ParallelRunner.Outcome> outcomes) {
    int n = 0;
    for (ParallelRunner.Outcome o : outcomes) {
      if (o.finished() && !o.run().result().expectations().stream()
          .allMatch(RunResult.ExpectationResult::ok)) {
        n++;
      }
    }
    return n;
  }

  private List<String> reproduceArguments() {
    List<String> args = new ArrayList<>(List.of("compare"));
    files.forEach(f -> args.add(f.toString()));
    args.add("--seeds");
    args.add(seeds.argument());
    Reproduce.addRepeated(args, "--variant", variants);
    args.addAll(scenarioOptions.reproduceArguments());
    return args;
  }

  private static List<String> names(List<List<Scenario>> perFile) {
    List<String> names = new ArrayList<>();
    for (List<Scenario> l : perFile) {
      names.add(l.get(0).name());
    }
    return names;
  }
}
