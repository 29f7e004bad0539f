package dev.dsim.cli;

import dev.dsim.report.Comparison;
import dev.dsim.report.ComparisonPage;
import dev.dsim.report.ComparisonReport;
import dev.dsim.report.AtomicFiles;
import dev.dsim.report.ReportDirectory;
import dev.dsim.report.ResultsJson;
import dev.dsim.report.Staging;
import dev.dsim.run.JobRunner;
import dev.dsim.run.ParallelRunner;
import dev.dsim.run.RunEngine;
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

  @Option(names = "--precision", paramLabel = "[METRIC=]P",
      description = "Add seeds (doubling the count, up to --max-seeds) until every 95%% "
          + "interval's half-width is within P of its mean: --precision 0.5%% for "
          + "availability, throughput, latency and cost, --precision latencyMs.p99=2%% for one "
          + "metric (repeatable). Prints where it stopped.")
  List<String> precision = new ArrayList<>();

  @Option(names = "--max-seeds", paramLabel = "N",
      description = "With --precision, the most seeds per variant (default: 100).")
  long maxSeeds = 100;

  /** The files as loaded, for the variants' patches. */
  private List<ScenarioFile> loadedFiles = List.of();

  /** How --precision ended, for comparison.json; null without it. */
  private com.fasterxml.jackson.databind.node.ObjectNode search;

  /** The search's record: its targets, where it stopped, and why. */
  private com.fasterxml.jackson.databind.node.ObjectNode precisionJson(Precision.Verdict verdict,
      long seedsUsed) {
    com.fasterxml.jackson.databind.node.ObjectNode o =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    com.fasterxml.jackson.databind.node.ObjectNode targets = o.putObject("targets");
    Precision.targets(precision).forEach(targets::put);
    o.put("startSeeds", seeds.count());
    o.put("maxSeeds", maxSeeds);
    o.put("seeds", seedsUsed);
    o.put("reached", verdict.met());
    if (!verdict.met()) {
      o.put("widest", verdict.worst());
    }
    return o;
  }

  /** The seeds the comparison ended with (more than --seeds under --precision). */
  private SeedRange usedSeeds;

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
    try {
      Precision.targets(precision);
    } catch (CommandLine.TypeConversionException e) {
      return ScenarioOptions.usageError(err, e.getMessage(), "for example --precision 0.5% or "
          + "--precision latencyMs.p99=2%");
    }
    List<ScenarioFile> loaded;
    List<List<Scenario>> perFile = new ArrayList<>();
    try {
      loaded = scenarioOptions.load(files);
      loadedFiles = loaded;
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
    int runs = ScenarioOptions.checkRuns(err, all,
        precision.isEmpty() ? seeds.count() : Math.max(seeds.count(), maxSeeds));
    if (runs >= 0) {
      return runs;
    }
    boolean severalFiles = files.size() > 1;
    if (!precision.isEmpty() && maxSeeds < seeds.count()) {
      return ScenarioOptions.usageError(err, "--max-seeds " + maxSeeds + " is fewer than the "
          + seeds.count() + " seeds to start from", "raise --max-seeds or lower --seeds");
    }
    // Labels, in the order the variants appear; jobs grouped by label, seeds ascending.
    Map<String, List<Integer>> jobsOfLabel = new LinkedHashMap<>();
    Map<String, Scenario> scenarioOfLabel = new LinkedHashMap<>();
    for (int f = 0; f < perFile.size(); f++) {
      for (Scenario s : perFile.get(f)) {
        String label = severalFiles ? s.name() + "/" + ScenarioOptions.variantName(s)
            : ScenarioOptions.variantName(s);
        if (jobsOfLabel.containsKey(label)) {
          return ScenarioOptions.usageError(err, "two files compare as the same variant '"
              + label + "'", "give their scenarios different \"name\"s");
        }
        jobsOfLabel.put(label, new ArrayList<>());
        scenarioOfLabel.put(label, s);
      }
    }
    String name = severalFiles ? "compare-" + String.join("-", names(perFile))
        : perFile.get(0).get(0).name() + "-compare";
    try (ReportDirectory.Reservation dir = parallel.directory(err, name);
        JobRunner runner = parallel.runner(scenarioOptions.maxEvents)) {
      List<ParallelRunner.Outcome> outcomes = new ArrayList<>();
      boolean interrupted = false;
      long done = 0;
      long target = seeds.count();
      int[] failing = {0};
      Precision.Verdict verdict = null;
      while (true) {
        // This round's seeds: those from the last count up to the new one, for every variant.
        List<ParallelRunner.Job> round = new ArrayList<>();
        SeedRange range = new SeedRange(seeds.first(), target);
        for (Map.Entry<String, Scenario> e : scenarioOfLabel.entrySet()) {
          long[] ofVariant = range.seeds(e.getValue().seed());
          for (int k = (int) done; k < ofVariant.length; k++) {
            jobsOfLabel.get(e.getKey()).add(outcomes.size() + round.size());
            round.add(new ParallelRunner.Job(e.getValue(), ofVariant[k]));
          }
        }
        String variantsText = jobsOfLabel.size() + " variant" + (jobsOfLabel.size() == 1 ? ""
            : "s");
        err.println((done == 0 ? "comparing " + variantsText + " over " + target + " seed"
            + (target == 1 ? "" : "s") : "adding " + (target - done) + " seeds to each of "
            + variantsText + ", " + target + " in all") + " (" + round.size() + " runs, "
            + parallel.pace(round) + ")");
        err.flush();
        Progress progress = parallel.progress(err);
        try (Interruption ctrlC = new Interruption(runner::abort, err)) {
          outcomes.addAll(runner.run(round, r -> false, 0, (i, o, n, total) -> {
            if (!o.run().result().expectations().stream()
                .allMatch(RunResult.ExpectationResult::ok)) {
              failing[0]++;
            }
            progress.update(n, total, failing[0]);
          }));
          progress.finish();
          interrupted = ctrlC.interrupted();
        }
        done = target;
        usedSeeds = range;
        if (precision.isEmpty() || interrupted) {
          break;
        }
        verdict = Precision.judge(precision, comparisonOf(jobsOfLabel, outcomes));
        if (verdict.met() || target >= maxSeeds) {
          break;
        }
        err.println("precision not yet reached: " + verdict.worst());
        target = Math.min(maxSeeds, target * 2);
      }
      if (verdict != null) {
        search = precisionJson(verdict, done);
        err.println(verdict.met() ? "precision reached after " + done + " seeds: every "
            + "interval's half-width within its target" : "stopped at --max-seeds " + maxSeeds
            + " without the precision asked for: " + verdict.worst());
        err.flush();
      }
      String title = String.join(" + ", names(perFile));
      String description = perFile.size() == 1 ? perFile.get(0).get(0).description() : "";
      return report(err, stdout, dir, title, description, jobsOfLabel, outcomes, interrupted);
    } catch (ReportDirectory.UnusableException e) {
      return ScenarioOptions.usageError(err, e.getMessage(), e.hint());
    } catch (RunEngine.Unavailable e) {
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
            new ComparisonReport.Coverage(outcomes.size(), interrupted), search));
    AtomicFiles.writeString(staging.dir().resolve("comparison.csv"), ComparisonReport.csv(c));
    List<String> failures = expectationFailures(outcomes);
    if (!parallel.noCharts) {
      ComparisonPage.write(staging.dir(), title, description, c, groups, changes(),
          failures,
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

  /** Per variant label, its patch as written (for the page's "what each variant changes"). */
  private Map<String, String> changes() {
    Map<String, String> out = new LinkedHashMap<>();
    boolean severalFiles = loadedFiles.size() > 1;
    for (ScenarioFile f : loadedFiles) {
      String scenario = null;
      for (String v : f.variantNames()) {
        String text = f.patchText(v);
        if (text != null) {
          if (severalFiles && scenario == null) {
            try {
              scenario = f.resolve(null).name();
            } catch (ScenarioException e) {
              scenario = f.displayName();
            }
          }
          out.put(severalFiles ? scenario + "/" + v : v, text);
        }
      }
    }
    return out;
  }

  /** The comparison of the runs so far, for the precision check. */
  private Comparison comparisonOf(Map<String, List<Integer>> jobsOfLabel,
      List<ParallelRunner.Outcome> outcomes) {
    List<Comparison.Group> groups = new ArrayList<>();
    for (Map.Entry<String, List<Integer>> e : jobsOfLabel.entrySet()) {
      List<RunResult> runs = new ArrayList<>();
      for (int i : e.getValue()) {
        if (outcomes.get(i).finished()) {
          runs.add(outcomes.get(i).run().result());
        }
      }
      groups.add(new Comparison.Group(e.getKey(), runs));
    }
    return Comparison.of(groups, jobsOfLabel.size(), require);
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
    // Under --precision, the seeds it ended with: the same comparison, without the search.
    args.add((usedSeeds != null ? usedSeeds : seeds).argument());
    if (require != 1.0) {
      args.add("--require");
      args.add(Share.format(require));
    }
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
