package dev.dsim.cli;

import dev.dsim.report.AtomicFiles;
import dev.dsim.report.ParameterGrid;
import dev.dsim.report.ReportDirectory;
import dev.dsim.report.ResolvedScenario;
import dev.dsim.report.ResultsJson;
import dev.dsim.report.Staging;
import dev.dsim.report.SweepPage;
import dev.dsim.report.SweepReport;
import dev.dsim.run.JobRunner;
import dev.dsim.run.RunEngine;
import dev.dsim.run.ParallelRunner;
import dev.dsim.run.RunResult;
import dev.dsim.scenario.Scenario;
import dev.dsim.scenario.ScenarioException;
import dev.dsim.scenario.ScenarioFile;
import dev.dsim.scenario.ScenarioLoader;
import dev.dsim.scenario.ScenarioOverride;
import dev.dsim.service.Load;
import java.io.IOException;
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
 * {@code dsim sweep FILE --seeds A..B}: many seeds (and optionally many offered loads) in
 * parallel, to find the seeds whose expectations fail, each listed with the command that replays
 * it, or to draw throughput and latency against load.
 */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Run many seeds (and loads) in parallel; list the failing seeds.",
      "Runs many seeds in parallel and lists those whose \"expect\" failed, each with the exact "
          + "command that replays it; with --loads, sweep the offered load too (throughput and "
          + "latency against load).",
      "Writes sweep.json, sweep.csv (one line per run), loads.csv (with --loads) and the "
          + "failing runs' results.json to reports/<scenario>-sweep (or --out).",
      "With --swarm, each run enables a random subset of the scenario's random fault kinds, "
          + "and the summary counts, per kind, the failing runs that had it enabled and "
          + "disabled.",
      "With --dataset (a million seeds), each run becomes one line of runs.jsonl as it "
          + "finishes and only the totals stay in memory; the summary is the same.",
      "Ctrl-C stops early and still writes what finished, marked interrupted (exit 130).",
      "With --param, sweeps a grid of settings (tiers.web.nodes=4..12) and names the cheapest "
          + "point meeting every expectation in at least --require of its seeds; writes grid.csv "
          + "too.",
      "Exit status: 0 no failing seed (with --param: some point met the expectations), 1 some "
          + "seed failed (with --param: no point did), 2 bad input or environment, 130 "
          + "interrupted."
    })
final class SweepCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "Scenario JSON file.")
  Path file;

  @Option(names = "--seeds", paramLabel = "A..B|N", required = true,
      converter = SeedRange.Converter.class,
      description = "The seeds A to B, or N seeds from the scenario's own seed.")
  SeedRange seeds;

  @Option(names = "--variant", paramLabel = "NAME", split = ",",
      description = "Sweep only these variants (default: all; \"base\" for none).")
  List<String> variants = new ArrayList<>();

  @Option(names = "--loads", paramLabel = "LOADS", converter = LoadList.Converter.class,
      description = "Offered loads: requests per second for open-loop clients, users for "
          + "closed-loop ones; a list (100,200,400), a range (100..1000:100) or both.")
  LoadList loads;

  @Option(names = "--param", paramLabel = "PATH=VALUES", converter = ParamAxis.Converter.class,
      description = "Sweep a setting over values (repeatable: the grid of all combinations): "
          + "a list (--param tiers.web.cores=4,8), a range of integers (--param "
          + "tiers.web.nodes=4..12), a range of numbers with a step (--param "
          + "tiers.web.speed=0.5..2:0.5), or words (--param "
          + "loadBalancer.policy=round-robin,least-outstanding). Each value is applied as "
          + "--set PATH=VALUE. The report charts each metric against the setting, availability "
          + "against cost per hour with the Pareto front, and names the cheapest point meeting "
          + "every expectation.")
  List<ParamAxis> params = new ArrayList<>();

  @Option(names = "--require", paramLabel = "P", converter = Share.Converter.class,
      description = "With --param: the share of seeds in which a grid point must meet every "
          + "expectation to count as the cheapest point meeting them (95%%, or 0.95; default: "
          + "100%%).")
  double require = 1.0;

  @Option(names = "--swarm",
      description = "Swarm testing: each run enables a random subset of the kinds under "
          + "\"faults.random\" (as if \"faults.swarm\" were true), drawn from its seed; the "
          + "summary shows, per kind, how many failing runs had it enabled and disabled.")
  boolean swarm;

  /** What {@code --swarm} adds to a replay command: the same runs, from the file. */
  static final String SWARM_SET = "faults.swarm=true";

  @Option(names = "--stop-after", paramLabel = "K",
      description = "Stop once K failing runs are found (the first K in seed order, whatever "
          + "--jobs is).")
  Integer stopAfter;

  @Option(names = "--dataset",
      description = "For large sweeps (a million seeds): stream every run to runs.jsonl, one "
          + "JSON line per run in seed order, and keep only the totals in memory; the summary "
          + "is computed as the runs arrive. Writes sweep.json (without its \"runs\" array), "
          + "loads.csv with --loads, index.html and the results of the first --keep-failing "
          + "failing runs; no sweep.csv, no per-seed charts. Not with --param.")
  boolean dataset;

  @Option(names = "--keep-failing", paramLabel = "K",
      description = "With --dataset: keep the results file and resolved scenario of the first "
          + "K failing runs (default: ${DEFAULT-VALUE}); every failing run's line in "
          + "runs.jsonl has its replay command.", defaultValue = "20")
  int keepFailing;

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
    if (stopAfter != null && stopAfter < 1) {
      return ScenarioOptions.usageError(err, "--stop-after must be at least 1, got "
          + stopAfter, "--stop-after K stops once K failing runs are found");
    }
    if (dataset && !params.isEmpty()) {
      return ScenarioOptions.usageError(err, "--dataset and --param cannot be combined",
          "a parameter grid keeps every run to find its cheapest point; sweep it without "
          + "--dataset, or sweep each point with --dataset and --set PATH=VALUE");
    }
    if (keepFailing < 0) {
      return ScenarioOptions.usageError(err, "--keep-failing must be at least 0, got "
          + keepFailing, "--keep-failing K keeps the results of the first K failing runs");
    }
    String gridProblem = gridProblem();
    if (gridProblem != null) {
      return ScenarioOptions.usageError(err, gridProblem, "--param PATH=VALUES once per "
          + "setting; an offered load is --param clients.rate=100,200,400 (or clients.users)");
    }
    // One (sets, scenarios) per load or grid point: each is more --sets, so a replay command
    // says them.
    List<SweepReport.Point> points = new ArrayList<>();
    List<ParallelRunner.Job> jobList = new ArrayList<>();
    List<List<String>> grid = gridSets();
    try {
      ScenarioFile base = scenarioOptions.load(List.of(file)).get(0);
      List<String> loadKeys = new ArrayList<>();
      if (loads == null) {
        loadKeys.add(null);
      } else {
        String key = loadKey(base);
        for (double l : loads.values()) {
          loadKeys.add(key + "=" + SweepReport.loadText(l, key.endsWith("users")));
        }
      }
      List<ScenarioOverride> common = scenarioOptions.overrides();
      String text = java.nio.file.Files.readString(file);
      List<List<Scenario>> byLoad = new ArrayList<>();
      List<ScenarioException> gridErrors = new ArrayList<>();
      for (String lk : loadKeys) {
        for (List<String> point : grid) {
          List<ScenarioOverride> o = new ArrayList<>(common);
          if (lk != null) {
            o.add(ScenarioOverride.parse(lk));
          }
          for (String set : point) {
            o.add(ScenarioOverride.parse(set));
          }
          try {
            ScenarioFile f = lk == null && point.isEmpty() ? base
                : ScenarioLoader.parse(file.toString(), text, o);
            List<Scenario> resolved = ScenarioOptions.resolve(f, variants);
            byLoad.add(swarm ? swarmOn(f, resolved) : resolved);
          } catch (ScenarioException e) {
            gridErrors.add(e);
          }
        }
      }
      if (!gridErrors.isEmpty()) {
        throw firstDistinct(gridErrors);
      }
      List<Scenario> planned = new ArrayList<>();
      byLoad.forEach(planned::addAll);
      int runs = dataset ? -1 : ScenarioOptions.checkRuns(err, planned, seeds.count(),
          "sweep with --dataset (every run streamed to runs.jsonl, only totals kept), use "
          + "fewer seeds, or give Java more heap (java -Xmx16g -jar ...)");
      if (runs >= 0) {
        return runs;
      }
      // Order: variant, then load or grid point, then seed.
      int variantCount = byLoad.get(0).size();
      for (int v = 0; v < variantCount; v++) {
        for (int l = 0; l < byLoad.size(); l++) {
          Scenario s = byLoad.get(l).get(v);
          Double load = loads == null ? null : loads.values().get(l);
          String loadSet = loads == null ? null : loadKeys.get(l);
          List<String> point = loads == null ? grid.get(l) : List.of();
          for (long seed : seeds.seeds(s.seed())) {
            points.add(new SweepReport.Point(ScenarioOptions.variantName(s), load, seed,
                loadSet, point));
            jobList.add(new ParallelRunner.Job(s, seed));
          }
        }
      }
      List<Scenario> sizes = new ArrayList<>();
      byLoad.forEach(sizes::addAll);
      int size = scenarioOptions.checkSize(err, file, sizes);
      if (size >= 0) {
        return size;
      }
      if (byLoad.get(0).get(0).expect().isEmpty() && loads == null) {
        err.println("note: " + file + " states no \"expect\", so no seed can fail; add "
            + "expectations to find failing seeds");
      }
    } catch (ScenarioException e) {
      ErrorPrinter.print(err, e);
      return ExitCodes.BAD_INPUT;
    } catch (IllegalArgumentException e) {
      return ScenarioOptions.usageError(err, e.getMessage(),
          "--loads sets \"clients.rate\" (open loop) or \"clients.users\" (closed loop)");
    }
    String name = jobList.get(0).scenario().name();
    try (ReportDirectory.Reservation dir = parallel.directory(err, name + "-sweep")) {
      err.println("sweeping " + jobList.size() + " runs (" + parallel.pace(jobList) + ")");
      err.flush();
      if (dataset) {
        return new DatasetSweep(this, err, stdout).run(dir, points, jobList,
            parallel.longProgress(err));
      }
      Progress progress = parallel.progress(err);
      int[] failing = {0};
      List<ParallelRunner.Outcome> outcomes;
      boolean interrupted;
      try (JobRunner runner = parallel.runner(scenarioOptions.maxEvents);
          Interruption ctrlC = new Interruption(runner::abort, err)) {
        outcomes = runner.run(jobList, SweepCommand::failed,
            stopAfter == null ? 0 : stopAfter, (i, o, done, total) -> {
              if (failed(o.run())) {
                failing[0]++;
              }
              progress.update(done, total, failing[0]);
            });
        progress.finish();
        interrupted = ctrlC.interrupted();
      }
      return report(err, stdout, dir, points, jobList, outcomes, interrupted);
    } catch (ReportDirectory.UnusableException e) {
      return ScenarioOptions.usageError(err, e.getMessage(), e.hint());
    } catch (RunEngine.Unavailable e) {
      return ScenarioOptions.usageError(err, e.getMessage(), e.hint());
    }
  }

  /**
   * The scenarios with swarm testing on; a scenario without random fault kinds has nothing to
   * choose from, which is bad input (exit 2), named with its variant.
   */
  private static List<Scenario> swarmOn(ScenarioFile f, List<Scenario> scenarios)
      throws ScenarioException {
    List<Scenario> on = new ArrayList<>();
    List<dev.dsim.scenario.ScenarioError> errors = new ArrayList<>();
    for (Scenario s : scenarios) {
      if (!s.faults().hasRandom()) {
        errors.add(f.error(s.variant(), "faults.random",
            "--swarm enables a random subset of the random fault kinds in each run, and "
                + (s.variant() == null ? "the scenario" : "variant \"" + s.variant() + "\"")
                + " has none",
            "add kinds under \"faults.random\" (e.g. \"crash\": {\"mttf\": \"5m\", "
                + "\"mttr\": \"30s\"}, \"partition\": {\"mtbf\": \"3m\", \"for\": \"20s\"}), "
                + "or sweep without --swarm"));
      } else {
        on.add(s.withFaults(s.faults().withSwarm(true)));
      }
    }
    if (!errors.isEmpty()) {
      throw new ScenarioException(errors);
    }
    return on;
  }

  /** Why the --param axes cannot make a grid (null when they can). */
  private String gridProblem() {
    if (params.isEmpty()) {
      return null;
    }
    if (loads != null) {
      return "--loads and --param cannot be combined";
    }
    long size = 1;
    List<String> paths = new ArrayList<>();
    for (ParamAxis a : params) {
      if (paths.contains(a.path())) {
        return "--param " + a.path() + " is given twice";
      }
      paths.add(a.path());
      size *= a.values().size();
      if (size > ParamAxis.MAX_POINTS) {
        return "the grid of --param has more than " + ParamAxis.MAX_POINTS + " points";
      }
    }
    for (String set : scenarioOptions.sets) {
      String path = set.indexOf('=') < 0 ? set : set.substring(0, set.indexOf('=')).trim();
      if (paths.contains(path)) {
        return "--set " + path + " and --param " + path + " both set it";
      }
    }
    return null;
  }

  /**
   * Every point of the grid as its {@code --set}s, the first {@code --param} varying slowest;
   * one empty point without {@code --param}.
   */
  private List<List<String>> gridSets() {
    List<List<String>> grid = new ArrayList<>();
    grid.add(List.of());
    for (ParamAxis a : params) {
      List<List<String>> next = new ArrayList<>();
      for (List<String> prefix : grid) {
        for (int i = 0; i < a.values().size(); i++) {
          List<String> p = new ArrayList<>(prefix);
          p.add(a.set(i));
          next.add(List.copyOf(p));
        }
      }
      grid = next;
    }
    return grid;
  }

  /**
   * The errors of the grid's points, each message once: a bad --param path fails every point
   * alike, and one message says it (a bad value names its point).
   */
  private ScenarioException firstDistinct(List<ScenarioException> errors) {
    List<dev.dsim.scenario.ScenarioError> out = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (ScenarioException e : errors) {
      for (dev.dsim.scenario.ScenarioError x : e.errors()) {
        dev.dsim.scenario.ScenarioError shown = byParam(x);
        String key = shown.jsonPath() + "\u0000" + shown.message();
        if (!seen.contains(key)) {
          seen.add(key);
          out.add(shown);
        }
      }
    }
    return new ScenarioException(out);
  }

  /**
   * The error as the user wrote it: a value a --param gave is "(set by --param PATH=VALUES)",
   * not the --set of one point, so the same mistake at every point is one message.
   */
  private dev.dsim.scenario.ScenarioError byParam(dev.dsim.scenario.ScenarioError x) {
    for (ParamAxis a : params) {
      String marker = " (set by --set " + a.path() + "=";
      int at = x.jsonPath().indexOf(marker);
      if (at >= 0) {
        return new dev.dsim.scenario.ScenarioError(x.file(), x.line(), x.column(),
            x.jsonPath().substring(0, at) + " (set by --param " + a.argument() + ")",
            x.message(), x.hint());
      }
    }
    return x;
  }

  /** The {@code --set} a replay of a swarm run repeats, or null without {@code --swarm}. */
  private String swarmSet() {
    return swarm ? SWARM_SET : null;
  }

  /** The --sets a replay of the run at {@code p} adds: its load or grid point, and swarm. */
  String[] extraSets(SweepReport.Point p) {
    List<String> extra = new ArrayList<>();
    extra.add(p.loadSet());
    extra.addAll(p.params());
    extra.add(swarmSet());
    return extra.toArray(new String[0]);
  }

  /** Where a failing run's results go in the report: failing/VARIANT[/load-L][/POINT]/seed-N. */
  static String resultsFile(SweepReport.Point p) {
    return "failing/" + p.variant() + (p.load() == null ? ""
        : "/load-" + SweepReport.loadText(p.load(), false)) + (p.params().isEmpty() ? ""
            : "/" + directoryName(p.params())) + "/seed-" + p.seed() + "/results.json";
  }

  /** A grid point as a directory name: "tiers.web.nodes=4,tiers.web.cores=8", made safe. */
  static String directoryName(List<String> sets) {
    return String.join(",", sets).replaceAll("[^A-Za-z0-9._=,+-]", "_");
  }

  private static boolean failed(dev.dsim.run.CompletedRun run) {
    for (RunResult.ExpectationResult e : run.result().expectations()) {
      if (!e.ok()) {
        return true;
      }
    }
    return false;
  }

  /** Which client setting an offered load is: "clients.rate" or "clients.users". */
  private static String loadKey(ScenarioFile base) throws ScenarioException {
    Scenario s = base.resolve(null);
    Load load = s.clients().load();
    if (load instanceof Load.Open open) {
      if (!open.rate().isConstant()) {
        throw new IllegalArgumentException("--loads sets a constant rate, but " + base
            .displayName() + " has a rate that changes over time (\"rate\": [steps])");
      }
      return "clients.rate";
    }
    return "clients.users";
  }

  private int report(PrintWriter err, PrintWriter stdout, ReportDirectory.Reservation dir,
      List<SweepReport.Point> points, List<ParallelRunner.Job> jobs,
      List<ParallelRunner.Outcome> outcomes, boolean aborted) throws IOException {
    List<SweepReport.Row> rows = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    int skipped = 0;
    Staging staging = dir.stage();
    ParameterGrid grid;
    {
      for (int i = 0; i < outcomes.size(); i++) {
        ParallelRunner.Outcome o = outcomes.get(i);
        SweepReport.Point p = points.get(i);
        if (o.error() != null) {
          List<String> sets = scenarioOptions.reproduceArguments(extraSets(p));
          errors.add(p.variant() + " seed " + p.seed() + ": " + o.error() + "\n    replay: "
              + Reproduce.replay(file, p.seed(), p.variant().equals("base") ? null
                  : p.variant(), sets, null));
          continue;
        }
        if (!o.finished()) {
          skipped++;
          continue;
        }
        RunResult r = o.run().result();
        List<String> failedExpectations = new ArrayList<>();
        for (RunResult.ExpectationResult e : r.expectations()) {
          if (!e.ok()) {
            failedExpectations.add(ExpectationMessages.describe(e));
          }
        }
        String resultsFile = null;
        String replay = null;
        if (!failedExpectations.isEmpty()) {
          resultsFile = resultsFile(p);
          ResultsJson.write(staging.dir().resolve(resultsFile), r);
          // The scenario it ran, load and overrides applied, to run on its own.
          ResolvedScenario.write(staging.dir().resolve(resultsFile).getParent(),
              jobs.get(i).scenario(), p.seed(), r);
          List<String> sets = scenarioOptions.reproduceArguments(extraSets(p));
          replay = Reproduce.replay(file, p.seed(),
              p.variant().equals("base") ? null : p.variant(), sets, r.traceHash());
        }
        rows.add(new SweepReport.Row(p, r, failedExpectations, resultsFile, replay));
      }
      if (rows.isEmpty()) {
        err.println(aborted ? "interrupted before any run finished; nothing was written"
            : "no run finished; nothing was written");
        errors.forEach(e -> err.println("error: " + e));
        err.flush();
        return aborted ? ExitCodes.INTERRUPTED : ExitCodes.RUN_FAILED;
      }
      SweepReport report = new SweepReport(file.toString(), rows, outcomes.size(), aborted,
          stopAfter);
      grid = ParameterGrid.of(report, require);
      AtomicFiles.writeString(staging.dir().resolve("sweep.json"), report.json(grid));
      AtomicFiles.writeString(staging.dir().resolve("sweep.csv"), report.csv());
      if (grid != null) {
        AtomicFiles.writeString(staging.dir().resolve("grid.csv"), grid.csv());
      }
      if (loads != null) {
        AtomicFiles.writeString(staging.dir().resolve("loads.csv"), report.loadsCsv());
      }
      if (!parallel.noCharts) {
        SweepPage.write(staging.dir(), report, Reproduce.command(reproduceArguments()), grid);
      }
      boolean complete = !aborted && rows.size() == outcomes.size();
      staging.commit(Manifest.of("sweep", reproduceArguments(), List.of(file), complete,
          aborted));
      if (staging.note() != null) {
        err.println("note: " + staging.note());
      }
      stdout.print(grid == null ? report.summary() : grid.summary());
    }
    Path landed = staging.target();
    long failingCount = rows.stream().filter(r -> !r.failed().isEmpty()).count();
    if (failingCount > 0) {
      stdout.println();
      stdout.println(failingCount + " failing run" + (failingCount == 1 ? "" : "s")
          + ", each with the command that replays it:");
      // A grid fails on purpose at its small points: the first few, the rest in sweep.json.
      int shown = 0;
      for (SweepReport.Row r : rows) {
        if (!r.failed().isEmpty() && grid != null && shown == GRID_FAILING_SHOWN) {
          stdout.println("  … and " + (failingCount - shown) + " more, each with its replay "
              + "command in sweep.json");
          break;
        }
        if (!r.failed().isEmpty()) {
          shown++;
          stdout.println("  " + r.point().groupName() + ", seed "
              + r.point().seed() + ": " + String.join("; ", r.failed()));
          stdout.println("    " + r.replay());
          stdout.println("    the scenario it ran: " + RunCommand.display(landed.resolve(
              r.resultsFile()).resolveSibling(ResolvedScenario.FILE)));
        }
      }
    } else {
      stdout.println("no failing seed among " + rows.size() + " runs");
    }
    if (!parallel.noCharts) {
      stdout.println("report: " + RunCommand.display(landed.resolve("index.html"))
          + " (open it in a browser)");
    }
    stdout.println("wrote " + RunCommand.display(landed.resolve("sweep.json")) + " and "
        + "sweep.csv" + (loads != null ? ", loads.csv" : "") + (params.isEmpty() ? ""
            : ", grid.csv"));
    stdout.flush();
    errors.forEach(e -> err.println("error: " + e));
    if (stopAfter != null && failingCount >= stopAfter && skipped > 0) {
      err.println("stopped after " + stopAfter + " failing run" + (stopAfter == 1 ? "" : "s")
          + "; " + skipped + " later runs were not needed");
    } else if (aborted) {
      err.println("interrupted: " + rows.size() + " of " + outcomes.size() + " runs finished; "
          + "the report covers those");
      err.flush();
      return ExitCodes.INTERRUPTED;
    }
    err.flush();
    if (grid != null) {
      // A grid answers "which point meets the expectations": it fails only when none does.
      boolean answered = !grid.comparison().expectations().any() || grid.cheapest() != null;
      return answered && errors.isEmpty() ? ExitCodes.OK : ExitCodes.RUN_FAILED;
    }
    return failingCount > 0 || !errors.isEmpty() ? ExitCodes.RUN_FAILED : ExitCodes.OK;
  }

  /** How many failing runs of a grid the terminal lists (all are in sweep.json). */
  static final int GRID_FAILING_SHOWN = 5;

  List<String> reproduceArguments() {
    List<String> args = new ArrayList<>(List.of("sweep", file.toString(), "--seeds",
        seeds.argument()));
    Reproduce.addRepeated(args, "--variant", variants);
    if (loads != null) {
      List<String> l = new ArrayList<>();
      loads.values().forEach(x -> l.add(SweepReport.loadText(x, false)));
      args.add("--loads");
      args.add(String.join(",", l));
    }
    for (ParamAxis a : params) {
      args.add("--param");
      args.add(a.argument());
    }
    if (require != 1.0) {
      args.add("--require");
      args.add(Share.format(require));
    }
    if (stopAfter != null) {
      args.add("--stop-after");
      args.add(Integer.toString(stopAfter));
    }
    if (swarm) {
      args.add("--swarm");
    }
    args.addAll(scenarioOptions.reproduceArguments());
    return args;
  }
}
