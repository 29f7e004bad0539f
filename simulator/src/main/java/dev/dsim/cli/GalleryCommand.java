package dev.dsim.cli;

import dev.dsim.report.AtomicFiles;
import dev.dsim.report.ChartFiles;
import dev.dsim.report.Comparison;
import dev.dsim.report.ComparisonCharts;
import dev.dsim.report.ComparisonReport;
import dev.dsim.report.ReportDirectory;
import dev.dsim.report.ResultsJson;
import dev.dsim.report.RunCharts;
import dev.dsim.report.Staging;
import dev.dsim.report.SweepReport;
import dev.dsim.run.ParallelRunner;
import dev.dsim.run.RunOptions;
import dev.dsim.run.RunResult;
import dev.dsim.scenario.Scenario;
import dev.dsim.scenario.ScenarioException;
import dev.dsim.scenario.ScenarioFile;
import dev.dsim.scenario.ScenarioLoader;
import dev.dsim.scenario.ScenarioOverride;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dsim gallery}: regenerates {@code reports/gallery/}, the small set of charts and results
 * the README shows, from the shipped scenarios: the flagship scale-up vs scale-out comparison,
 * health checks over time, a nemesis run's node strips, and a load sweep's saturation curves.
 * Everything in it is a function of the scenarios and fixed seeds, so a test regenerates the
 * JSON and CSV files and checks they are byte-identical to the committed ones.
 */
@Command(
    name = "gallery",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Regenerate the committed gallery (reports/gallery) from the shipped scenarios.",
      "Run it from the repository's root after changing what a shipped scenario shows; the "
          + "README displays its images."
    })
final class GalleryCommand implements Callable<Integer> {
  /** Seeds of the flagship comparison in the gallery: few, to keep it quick and small. */
  static final int COMPARISON_SEEDS = 5;

  @Option(names = "--scenarios", paramLabel = "DIR",
      description = "The shipped scenarios (default: ${DEFAULT-VALUE}).")
  Path scenarios = Path.of("scenarios");

  @Option(names = "--out", paramLabel = "DIR",
      description = "Where the gallery goes (default: ${DEFAULT-VALUE}); replaced whole.")
  Path out = Path.of("reports", "gallery");

  @Option(names = "--jobs", paramLabel = "N", description = "Runs at once.")
  Integer jobs;

  @Option(names = "--no-images", hidden = true,
      description = "Only the JSON and CSV files (the determinism test).")
  boolean noImages;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  private ParallelRunner runner;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    int threads = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
    runner = new ParallelRunner(Math.max(1, threads), RunOptions.defaults());
    try (ReportDirectory.Reservation reserved = ReportDirectory.reserve(out, out, true);
        Interruption ctrlC = new Interruption(runner::abort, err)) {
      Staging staging = reserved.stage();
      Path dir = staging.dir();
      flagship(dir.resolve("scale-up-vs-scale-out"));
      healthChecks(dir.resolve("health-checks"));
      nemesis(dir.resolve("random-nemesis"));
      loadCurves(dir.resolve("mmk-load-sweep"));
      sizing(dir.resolve("sizing"));
      if (ctrlC.interrupted()) {
        err.println("interrupted: the gallery was left as it was");
        err.flush();
        return ExitCodes.INTERRUPTED;
      }
      staging.commit(Manifest.complete("gallery", List.of("gallery"), List.of()));
    } catch (ReportDirectory.UnusableException e) {
      return ScenarioOptions.usageError(err, e.getMessage(), e.hint());
    } catch (ScenarioException e) {
      ErrorPrinter.print(err, e);
      return ExitCodes.BAD_INPUT;
    } catch (Interrupted e) {
      err.println("interrupted: the gallery was left as it was");
      err.flush();
      return ExitCodes.INTERRUPTED;
    }
    spec.commandLine().getOut().println("wrote the gallery to " + RunCommand.display(out));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  /** A gallery run was abandoned (Ctrl-C): the gallery is not regenerated. */
  private static final class Interrupted extends RuntimeException {
    Interrupted() {
      super("interrupted", null, false, false);
    }
  }

  /** The file as the gallery's files name it: relative to the repository, whatever the cwd. */
  private String shown(String name) {
    return "scenarios/" + name + ".json";
  }

  private ScenarioFile load(String name, String... sets) throws ScenarioException {
    List<ScenarioOverride> overrides = ScenarioOverride.parseAll(List.of(sets));
    return ScenarioLoader.load(scenarios.resolve(name + ".json"), overrides);
  }

  private List<RunResult> runAll(List<ParallelRunner.Job> jobs) throws InterruptedException {
    List<RunResult> results = new ArrayList<>();
    for (ParallelRunner.Outcome o : runner.run(jobs, r -> false, 0, null)) {
      if (!o.finished() && o.error() == null && runner.aborted()) {
        throw new Interrupted();
      }
      if (!o.finished()) {
        throw new IllegalStateException("gallery run did not finish: " + o.job() + " "
            + o.error());
      }
      results.add(o.run().result());
    }
    return results;
  }

  private void flagship(Path dir) throws ScenarioException, IOException, InterruptedException {
    ScenarioFile f = load("scale-up-vs-scale-out");
    List<Comparison.Group> groups = new ArrayList<>();
    List<ComparisonReport.RunRef> refs = new ArrayList<>();
    List<Long> seeds = new ArrayList<>();
    for (String v : f.variantNames()) {
      Scenario s = f.resolve(v);
      List<ParallelRunner.Job> jobs = new ArrayList<>();
      for (int i = 0; i < COMPARISON_SEEDS; i++) {
        jobs.add(new ParallelRunner.Job(s, s.seed() + i));
        if (seeds.size() < COMPARISON_SEEDS) {
          seeds.add(s.seed() + i);
        }
      }
      List<RunResult> runs = runAll(jobs);
      groups.add(new Comparison.Group(v, runs));
      for (RunResult r : runs) {
        refs.add(new ComparisonReport.RunRef(v, r, null));
      }
    }
    Comparison c = Comparison.of(groups);
    AtomicFiles.writeString(dir.resolve("comparison.json"),
        ComparisonReport.json(c, List.of(shown("scale-up-vs-scale-out")), seeds, refs));
    AtomicFiles.writeString(dir.resolve("comparison.csv"), ComparisonReport.csv(c));
    if (!noImages) {
      ChartFiles.writePng(dir, "bars-availability", ComparisonCharts.bars(c, "availability"));
      ChartFiles.writePng(dir, "bars-latency-p99", ComparisonCharts.bars(c, "latencyMs.p99"));
      ChartFiles.writePng(dir, "availability-vs-cost",
          ComparisonCharts.tradeOff(c, "cost.total", "availability"));
    }
  }

  private void healthChecks(Path dir) throws ScenarioException, IOException,
      InterruptedException {
    ScenarioFile f = load("health-checks");
    List<ParallelRunner.Job> jobs = new ArrayList<>();
    for (String v : f.variantNames()) {
      Scenario s = f.resolve(v);
      jobs.add(new ParallelRunner.Job(s, s.seed()));
    }
    List<RunResult> runs = runAll(jobs);
    for (RunResult r : runs) {
      ResultsJson.write(dir.resolve(r.variant() + ".results.json"), r);
      if (!noImages) {
        ChartFiles.writePng(dir, r.variant() + "-timeline", RunCharts.timeline(r));
      }
    }
    if (!noImages) {
      List<String> labels = new ArrayList<>();
      runs.forEach(r -> labels.add(r.variant()));
      ChartFiles.writePng(dir, "latency-distribution",
          RunCharts.latencyDistribution(labels, runs));
    }
  }

  private void nemesis(Path dir) throws ScenarioException, IOException, InterruptedException {
    Scenario s = load("random-nemesis").resolve(null);
    RunResult r = runAll(List.of(new ParallelRunner.Job(s, s.seed()))).get(0);
    ResultsJson.write(dir.resolve("results.json"), r);
    if (!noImages) {
      ChartFiles.writePng(dir, "nodes", RunCharts.nodes(r), RunCharts.nodesHeight(r));
      ChartFiles.writePng(dir, "latency-over-time", RunCharts.latencyOverTime(r));
    }
  }

  /**
   * The README's sizing walkthrough, as {@code dsim sweep scenarios/sizing.json --param
   * tiers.web.nodes=2..7 --param tiers.web.cores=2,4,8 --seeds 4} runs it.
   */
  static final List<ParamAxis> SIZING_GRID = List.of(ParamAxis.parse("tiers.web.nodes=2..7"),
      ParamAxis.parse("tiers.web.cores=2,4,8"));
  /** Seeds per point of the sizing grid. */
  static final int SIZING_SEEDS = 4;

  private void sizing(Path dir) throws ScenarioException, IOException, InterruptedException {
    List<ParallelRunner.Job> jobs = new ArrayList<>();
    List<SweepReport.Point> points = new ArrayList<>();
    for (String nodes : SIZING_GRID.get(0).values()) {
      for (String cores : SIZING_GRID.get(1).values()) {
        List<String> sets = List.of(SIZING_GRID.get(0).path() + "=" + nodes,
            SIZING_GRID.get(1).path() + "=" + cores);
        Scenario s = load("sizing", sets.toArray(new String[0])).resolve(null);
        for (int i = 0; i < SIZING_SEEDS; i++) {
          jobs.add(new ParallelRunner.Job(s, s.seed() + i));
          points.add(new SweepReport.Point("base", null, s.seed() + i, null, sets));
        }
      }
    }
    List<RunResult> results = runAll(jobs);
    List<SweepReport.Row> rows = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      List<String> failed = new ArrayList<>();
      for (RunResult.ExpectationResult e : results.get(i).expectations()) {
        if (!e.ok()) {
          failed.add(ExpectationMessages.describe(e));
        }
      }
      rows.add(new SweepReport.Row(points.get(i), results.get(i), failed, null, null));
    }
    SweepReport sweep = new SweepReport(shown("sizing"), rows, rows.size(), false, null);
    dev.dsim.report.ParameterGrid grid = dev.dsim.report.ParameterGrid.of(sweep, 1.0);
    AtomicFiles.writeString(dir.resolve("grid.csv"), grid.csv());
    com.fasterxml.jackson.databind.node.ObjectNode json = grid.json();
    json.put("verdict", grid.verdict());
    AtomicFiles.writeString(dir.resolve("grid.json"), new com.fasterxml.jackson.databind
        .ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
    if (!noImages) {
      ChartFiles.writePng(dir, "front", dev.dsim.report.GridCharts.front(grid));
      ChartFiles.writePng(dir, "availability-vs-nodes",
          dev.dsim.report.GridCharts.againstParam(grid, "availability"));
      ChartFiles.writePng(dir, "cost-vs-nodes",
          dev.dsim.report.GridCharts.againstParam(grid, "cost.perHour"));
    }
  }

  /** Loads (requests/s) of the mmk sweep: up to and past the capacity of 400 req/s. */
  static final double[] LOADS = {100, 200, 300, 350, 380, 400, 450, 500};
  /** Seeds per load: enough for intervals that mean something (Student t with 3 degrees). */
  static final int LOAD_SEEDS = 4;

  private void loadCurves(Path dir) throws ScenarioException, IOException,
      InterruptedException {
    List<SweepReport.Row> rows = new ArrayList<>();
    ScenarioFile base = load("mmk-pooled-vs-split");
    List<ParallelRunner.Job> jobs = new ArrayList<>();
    List<SweepReport.Point> points = new ArrayList<>();
    for (String v : base.variantNames()) {
      for (double load : LOADS) {
        String set = "clients.rate=" + SweepReport.loadText(load, false);
        // A client timeout: past capacity requests time out instead of queueing for ever, so
        // throughput levels off at the knee instead of following the offered load.
        Scenario s = load("mmk-pooled-vs-split", "duration=5m", "warmup=30s",
            "clients.timeout=2s", set).resolve(v);
        for (int i = 0; i < LOAD_SEEDS; i++) {
          jobs.add(new ParallelRunner.Job(s, s.seed() + i));
          points.add(new SweepReport.Point(v, load, s.seed() + i, set));
        }
      }
    }
    List<RunResult> results = runAll(jobs);
    for (int i = 0; i < results.size(); i++) {
      rows.add(new SweepReport.Row(points.get(i), results.get(i), List.of(), null, null));
    }
    SweepReport sweep = new SweepReport(shown("mmk-pooled-vs-split"), rows, rows.size(), false,
        null);
    AtomicFiles.writeString(dir.resolve("loads.csv"), sweep.loadsCsv());
    if (!noImages) {
      ChartFiles.writePng(dir, "throughput-vs-load",
          ComparisonCharts.againstLoad(sweep, "throughput"));
      ChartFiles.writePng(dir, "latency-p99-vs-load",
          ComparisonCharts.againstLoad(sweep, "latencyMs.p99"));
    }
  }
}
