package dev.dsim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsim.engine.AbortSignal;
import dev.dsim.engine.Durations;
import dev.dsim.engine.EventLimitExceededException;
import dev.dsim.engine.RunAbortedException;
import dev.dsim.report.ReportDirectory;
import dev.dsim.report.ResolvedScenario;
import dev.dsim.report.SpaceTimeFile;
import dev.dsim.report.ResultsJson;
import dev.dsim.report.RunReport;
import dev.dsim.report.Staging;
import dev.dsim.report.SummaryTable;
import dev.dsim.run.CompletedRun;
import dev.dsim.run.DeterminismCheck;
import dev.dsim.run.RunOptions;
import dev.dsim.run.RunResult;
import dev.dsim.run.Runner;
import dev.dsim.scenario.ProcessConstructionException;
import dev.dsim.scenario.Scenario;
import dev.dsim.scenario.ScenarioException;
import dev.dsim.scenario.ScenarioFile;
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
 * {@code dsim run FILE…}: runs scenarios (every variant in turn, or those named with
 * {@code --variant}), writes {@code results.json} per run into one report directory per file and
 * prints a summary table (or, with {@code --json}, the results as JSON).
 *
 * <p>Every file and variant is loaded and validated before anything runs, so bad input writes
 * nothing; a report directory appears whole or not at all.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Run scenarios and write their results.",
      "Writes <report>/<variant>/seed-<n>/results.json, where <report> is "
          + "reports/<scenario> (or reports/<scenario>-2, … if that holds an earlier report).",
      "With no --variant, every variant in the file runs in turn (the base scenario if the file "
          + "has no variants).",
      "Ctrl-C stops the run in progress and still writes the reports of the runs that "
          + "finished, marked interrupted (exit 130).",
      "Exit status: 0 ok, 1 an expectation failed or a run hit --max-events, 2 bad input or "
          + "environment, 130 interrupted."
    })
final class RunCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Scenario JSON files.")
  List<Path> files;

  @Option(names = "--seed", paramLabel = "N",
      description = "Seed for the runs (default: each scenario's \"seed\").")
  Long seed;

  @Option(names = "--variant", paramLabel = "NAME", split = ",",
      description = "Run only these variants (repeatable or comma-separated; \"base\" for the "
          + "scenario without any variant).")
  List<String> variants = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR",
      description = "Report directory (with several files: the directory that holds one per "
          + "scenario). It must not hold files already, unless --force.")
  Path out;

  @Option(names = "--force",
      description = "Replace an earlier dsim report in the report directory instead of writing "
          + "next to it (only dsim's own, unchanged files are removed), and overwrite an "
          + "existing --trace file.")
  boolean force;

  @Option(names = "--trace", paramLabel = "FILE",
      description = "Write every event as JSON lines to FILE (one file per run when several "
          + "run: FILE's name gets the scenario and variant inserted).")
  Path trace;

  @Option(names = "--no-charts",
      description = "Skip the charts and index.html (results.json only; faster).")
  boolean noCharts;

  @Option(names = "--check-determinism",
      description = "Instead of reporting, run each variant twice and compare the runs event by "
          + "event: prints the first event where they part (time, number, kind, node, both "
          + "details), or that they agree. Writes nothing; exit 1 if any variant is not "
          + "deterministic.")
  boolean checkDeterminism;

  @Option(names = "--json",
      description = "Print the results as JSON on stdout instead of the table.")
  boolean json;

  @Mixin
  ScenarioOptions scenarioOptions;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** One file's runs and where they go. */
  private record Planned(ScenarioFile file, Path path, List<Scenario> scenarios) {}

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    if (scenarioOptions.maxEvents <= 0) {
      return ScenarioOptions.usageError(err, "--max-events must be a positive number, got "
          + scenarioOptions.maxEvents, "leave it out for the default bound");
    }
    List<Planned> plan = new ArrayList<>();
    try {
      List<ScenarioFile> loaded = scenarioOptions.load(files);
      for (int i = 0; i < loaded.size(); i++) {
        plan.add(new Planned(loaded.get(i), files.get(i),
            ScenarioOptions.resolve(loaded.get(i), variants)));
      }
    } catch (ScenarioException e) {
      ErrorPrinter.print(err, e);
      return ExitCodes.BAD_INPUT;
    }
    List<Scenario> all = new ArrayList<>();
    plan.forEach(p -> all.addAll(p.scenarios()));
    for (Planned p : plan) {
      int size = scenarioOptions.checkSize(err, p.path(), p.scenarios());
      if (size >= 0) {
        return size;
      }
    }
    if (checkDeterminism) {
      return checkDeterminism(stdout, plan);
    }
    String taken = existingTrace(plan, all.size() > 1);
    if (taken != null) {
      return ScenarioOptions.usageError(err, "--trace " + taken + " already exists",
          "add --force to overwrite it, or choose another file");
    }
    // Reserve every report directory before running anything: a refusal costs no work, and
    // another dsim started meanwhile cannot take the same directory.
    List<ReportDirectory.Reservation> dirs = new ArrayList<>();
    try {
      List<Path> seen = new ArrayList<>();
      for (Planned p : plan) {
        Path requested = out == null ? null
            : plan.size() == 1 ? out : out.resolve(p.scenarios().get(0).name());
        Path defaultDir = Path.of("reports", p.scenarios().get(0).name());
        Path wanted = (requested != null ? requested : defaultDir).toAbsolutePath().normalize();
        if (seen.contains(wanted)) {
          return ScenarioOptions.usageError(err, "two files would write the same report "
              + (requested != null ? requested : defaultDir) + " (their scenarios have the "
              + "same \"name\")", "run them one at a time with --out, or rename one");
        }
        seen.add(wanted);
        dirs.add(ReportDirectory.reserve(requested, defaultDir, force));
      }
      return runAll(err, stdout, plan, dirs, all.size());
    } catch (ReportDirectory.UnusableException e) {
      return ScenarioOptions.usageError(err, e.getMessage(), e.hint());
    } finally {
      dirs.forEach(ReportDirectory.Reservation::close);
    }
  }

  /**
   * For a run whose checkers found a violation (its history not linearizable, or a lost write,
   * a stale or a corrupt read): the run again, traced over the violation's window (50 ms either
   * side of the linearizability core, else of the first example's operations), and the
   * space-time diagram of that window, in the run's directory; the files written (none for a
   * clean run).
   */
  private List<Path> violationDiagram(Scenario s, long runSeed, RunResult r, Path runDir,
      AbortSignal abort) throws IOException {
    RunResult.Consistency c = r.consistency();
    if (c == null) {
      return requestDiagram(s, runSeed, r, runDir, abort);
    }
    double first;
    double last;
    String what;
    if (c.linearizability().verdict().equals("false")
        && !Double.isNaN(c.linearizability().fromSeconds())) {
      first = c.linearizability().fromSeconds();
      last = c.linearizability().toSeconds();
      what = "the linearizability violation on key " + c.linearizability().key();
    } else if (!c.examples().isEmpty()) {
      RunResult.Example e = c.examples().get(0);
      first = Double.MAX_VALUE;
      last = 0;
      for (RunResult.Operation op : e.operations()) {
        first = Math.min(first, op.invokedAtSeconds());
        last = Math.max(last, op.completedAtSeconds() != null ? op.completedAtSeconds()
            : op.invokedAtSeconds());
      }
      what = "the first " + e.kind().replace('-', ' ');
    } else {
      return requestDiagram(s, runSeed, r, runDir, abort);
    }
    if (last - first > 10) {
      return List.of(); // operations minutes apart (a final read-back): no legible window
    }
    long from = Math.max(0, Math.round((first - 0.05) * 1e9));
    long to = Math.round((last + 0.05) * 1e9);
    Path trace = runDir.resolve("violation.jsonl");
    TracedRun.run(s, runSeed, RunOptions.defaults().withMaxEvents(scenarioOptions.maxEvents)
        .withAbort(abort), trace, new TraceFilter(from, to, List.of()), false);
    SpaceTimeFile.Written w = SpaceTimeFile.write(trace, runDir.resolve(
        RunReport.VIOLATION_PAGE), s.nodeNames(), List.of(), from, to, runSeed, r.traceHash(), r,
        s.name() + " (" + ScenarioOptions.variantName(s) + "): " + what, false);
    return List.of(trace, w.page(), SpaceTimeFile.shivizBeside(trace));
  }

  /** Expectations a failed request can explain: what the first one shows is what went wrong. */
  private static final java.util.Set<String> REQUEST_METRICS = java.util.Set.of("availability",
      "throughput", "requests.ok", "requests.failed", "requests.timedOut");

  /**
   * When no checker found a violation to draw: the space-time diagram of one request, from a
   * little before it was issued to a little after its outcome came, with the faults in force as
   * bands. For a failed availability (or failed-request) expectation, the first request that
   * failed or timed out ({@link RunReport#FIRST_FAILURE_PAGE}); for a failed latency
   * expectation, the slowest ok request ({@link RunReport#SLOWEST_PAGE}). Nothing when the
   * window would be longer than 10 s (a long timeout, a request stuck for minutes).
   */
  private List<Path> requestDiagram(Scenario s, long runSeed, RunResult r, Path runDir,
      AbortSignal abort) throws IOException {
    RunResult.RequestSpan span;
    String page;
    String what;
    if (failed(r, m -> REQUEST_METRICS.contains(m)) && r.requests().firstFailure() != null) {
      span = r.requests().firstFailure();
      page = RunReport.FIRST_FAILURE_PAGE;
      what = "the first request that " + (span.outcome().equals("timedOut") ? "timed out"
          : "failed");
    } else if (failed(r, m -> m.startsWith("latencyMs.")) && r.requests().slowest() != null) {
      span = r.requests().slowest();
      page = RunReport.SLOWEST_PAGE;
      what = "the slowest request";
    } else {
      return List.of();
    }
    if (span.endedAtSeconds() - span.issuedAtSeconds() > 10) {
      return List.of();
    }
    long from = Math.max(0, Math.round((span.issuedAtSeconds() - 0.05) * 1e9));
    long to = Math.round((span.endedAtSeconds() + 0.05) * 1e9);
    String base = page.substring(0, page.length() - ".html".length());
    Path trace = runDir.resolve(base + ".jsonl");
    TracedRun.run(s, runSeed, RunOptions.defaults().withMaxEvents(scenarioOptions.maxEvents)
        .withAbort(abort), trace, new TraceFilter(from, to, List.of()), false);
    SpaceTimeFile.Written w = SpaceTimeFile.write(trace, runDir.resolve(page), s.nodeNames(),
        List.of(), from, to, runSeed, r.traceHash(), r, s.name() + " ("
            + ScenarioOptions.variantName(s) + "): " + what + ", issued at "
            + String.format(java.util.Locale.ROOT, "%.3f", span.issuedAtSeconds()) + "s",
        false);
    return List.of(trace, w.page(), SpaceTimeFile.shivizBeside(trace));
  }

  private static boolean failed(RunResult r, java.util.function.Predicate<String> metric) {
    return r.expectations().stream().anyMatch(e -> !e.ok() && metric.test(e.metric()));
  }

  /** {@code --check-determinism}: every planned run twice, compared event by event. */
  private int checkDeterminism(PrintWriter out, List<Planned> plan) {
    boolean all = true;
    for (Planned p : plan) {
      for (Scenario s : p.scenarios()) {
        long runSeed = seed != null ? seed : s.seed();
        DeterminismCheck.Result r = DeterminismCheck.check(s, runSeed,
            RunOptions.defaults().withMaxEvents(scenarioOptions.maxEvents));
        out.println(s.name() + " (" + ScenarioOptions.variantName(s) + "), seed " + runSeed
            + ": " + r.describe());
        all &= r.deterministic();
      }
    }
    out.flush();
    return all ? ExitCodes.OK : ExitCodes.RUN_FAILED;
  }

  /** The first --trace file that exists already (and --force was not given), or null. */
  private String existingTrace(List<Planned> plan, boolean severalRuns) {
    if (trace == null || force) {
      return null;
    }
    for (Planned p : plan) {
      for (Scenario s : p.scenarios()) {
        Path f = traceFile(s, severalRuns, plan.size() > 1);
        if (java.nio.file.Files.exists(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          return f.toString();
        }
      }
    }
    return null;
  }

  /** Runs every planned scenario, writing each file's report; Ctrl-C keeps what finished. */
  private int runAll(PrintWriter err, PrintWriter stdout, List<Planned> plan,
      List<ReportDirectory.Reservation> dirs, int planned) throws IOException {
    boolean severalRuns = planned > 1;
    boolean severalFiles = plan.size() > 1;
    List<CompletedRun> runs = new ArrayList<>();
    List<Path> written = new ArrayList<>();
    java.util.Map<CompletedRun, Path> resolvedOf = new java.util.IdentityHashMap<>();
    AbortSignal abort = new AbortSignal();
    boolean interrupted;
    try (Interruption ctrlC = new Interruption(abort::raise, err)) {
      for (int f = 0; f < plan.size() && !ctrlC.interrupted(); f++) {
        Planned p = plan.get(f);
        ReportDirectory.Reservation dir = dirs.get(f);
        if (dir.note() != null && !json) {
          err.println("note: " + dir.note());
          err.flush();
        }
        Staging staging = dir.stage();
        List<RunReport.Entry> entries = new ArrayList<>();
        List<Path> staged = new ArrayList<>();
        java.util.Map<CompletedRun, Path> resolvedStaged = new java.util.IdentityHashMap<>();
        for (Scenario s : p.scenarios()) {
          if (ctrlC.interrupted()) {
            break;
          }
          long runSeed = seed != null ? seed : s.seed();
          CompletedRun run;
          try {
            run = runOne(s, runSeed, severalRuns, severalFiles, abort);
          } catch (RunAbortedException stopped) {
            break;
          } catch (ProcessConstructionException e) {
            return Main.userConstructorFailed(err, p.path(), e);
          } catch (dev.dsim.engine.InvariantViolation e) {
            err.println("error: " + s.name() + " (" + ScenarioOptions.variantName(s) + "): "
                + e.getMessage());
            err.println("  replay it: " + Reproduce.replay(p.path(), runSeed, s.variant(),
                scenarioOptions.reproduceArguments(), null) + " --to "
                + Durations.format(e.atNanos()));
            err.println("  nothing was written for " + p.path());
            err.flush();
            return ExitCodes.RUN_FAILED;
          } catch (EventLimitExceededException e) {
            err.println("error: " + s.name() + " (" + ScenarioOptions.variantName(s)
                + ") with seed " + runSeed + ": " + e.getMessage());
            err.println("  hint: raise --max-events, or shorten \"duration\" / lower the load;"
                + " nothing was written for " + p.path());
            err.flush();
            return ExitCodes.RUN_FAILED;
          }
          runs.add(run);
          Path results = staging.dir().resolve(ScenarioOptions.variantName(s))
              .resolve("seed-" + runSeed).resolve("results.json");
          ResultsJson.write(results, run.result());
          staged.add(results);
          if (!noCharts) {
            violationDiagram(s, runSeed, run.result(), results.getParent(), abort)
                .forEach(staged::add);
          }
          if (!run.result().expectations().stream().allMatch(RunResult.ExpectationResult::ok)) {
            // A failure worth reproducing: the scenario it ran, as a file of its own.
            Path resolved = ResolvedScenario.write(results.getParent(), s, runSeed,
                run.result());
            staged.add(resolved);
            resolvedStaged.put(run, resolved);
          }
          entries.add(new RunReport.Entry(run.result(), ScenarioOptions.variantName(s)
              + "/seed-" + runSeed, Reproduce.replay(p.path(), runSeed, s.variant(),
                  scenarioOptions.reproduceArguments(), run.result().traceHash())));
        }
        if (entries.isEmpty()) {
          continue; // Interrupted before this file's first run finished: no report for it.
        }
        boolean partial = entries.size() < p.scenarios().size();
        String warning = partial ? "Interrupted: " + entries.size() + " of "
            + p.scenarios().size() + " runs finished; this report covers only those." : null;
        if (!noCharts) {
          RunReport.write(staging.dir(), p.scenarios().get(0).description(), entries,
              Reproduce.command(reproduceArguments(p.path())), warning);
          staged.add(staging.dir().resolve("index.html"));
        }
        staging.commit(Manifest.of("run", reproduceArguments(p.path()), List.of(p.path()),
            !partial, partial));
        if (staging.note() != null) {
          err.println("note: " + staging.note());
          err.flush();
        }
        staged.forEach(x -> written.add(staging.finalPath(x)));
        resolvedStaged.forEach((r, x) -> resolvedOf.put(r, staging.finalPath(x)));
      }
      interrupted = ctrlC.interrupted();
    }
    if (json) {
      stdout.print(jsonOutput(runs, written, interrupted));
    } else {
      stdout.print(SummaryTable.render(runs));
      for (Path w : written) {
        stdout.println((w.endsWith("index.html") ? "report: " : "wrote ") + display(w)
            + (w.endsWith("index.html") ? " (open it in a browser)" : ""));
      }
    }
    stdout.flush();
    if (interrupted) {
      err.println("interrupted: " + runs.size() + " of " + planned + " runs finished"
          + (runs.isEmpty() ? "; nothing was written" : "; their reports are written, marked "
              + "interrupted where runs are missing"));
      err.flush();
      return ExitCodes.INTERRUPTED;
    }
    boolean failed = false;
    for (CompletedRun run : runs) {
      if (ExpectationMessages.print(err, run.result())) {
        failed = true;
        Path resolved = resolvedOf.get(run);
        if (resolved != null) {
          err.println("  the scenario it ran: " + display(resolved) + " (dsim run it for the "
              + "same trace hash)");
        }
      }
    }
    err.flush();
    return failed ? ExitCodes.RUN_FAILED : ExitCodes.OK;
  }

  /** The arguments that write this file's report again (for its manifest). */
  private List<String> reproduceArguments(Path file) {
    List<String> args = new ArrayList<>(List.of("run", file.toString()));
    if (seed != null) {
      args.add("--seed");
      args.add(Long.toString(seed));
    }
    Reproduce.addRepeated(args, "--variant", variants);
    args.addAll(scenarioOptions.reproduceArguments());
    return args;
  }

  private String jsonOutput(List<CompletedRun> runs, List<Path> written, boolean interrupted)
      throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("interrupted", interrupted);
    boolean ok = true;
    ArrayNode list = root.putArray("runs");
    for (int i = 0; i < runs.size(); i++) {
      RunResult r = runs.get(i).result();
      ObjectNode node = (ObjectNode) JSON.readTree(ResultsJson.toJson(r));
      node.put("resultsFile", display(written.stream()
          .filter(w -> w.endsWith(Path.of(r.variant(), "seed-" + r.seed(), "results.json")))
          .findFirst().orElseThrow()));
      list.add(node);
      for (RunResult.ExpectationResult e : r.expectations()) {
        ok &= e.ok();
      }
    }
    root.put("expectationsHold", ok);
    return JSON.writeValueAsString(root) + "\n";
  }

  /** Paths under the working directory are shown relative to it. */
  static String display(Path p) {
    Path cwd = Path.of("").toAbsolutePath();
    Path abs = p.toAbsolutePath().normalize();
    return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
  }

  private CompletedRun runOne(Scenario s, long runSeed, boolean several, boolean severalFiles,
      AbortSignal abort) throws IOException {
    RunOptions base = RunOptions.defaults().withMaxEvents(scenarioOptions.maxEvents)
        .withAbort(abort);
    if (trace == null) {
      return Runner.run(s, runSeed, base);
    }
    return TracedRun.run(s, runSeed, base, traceFile(s, several, severalFiles),
        TraceFilter.ALL, force);
  }

  /** Where {@code --trace} writes this run's trace (the variant inserted when several run). */
  private Path traceFile(Scenario s, boolean several, boolean severalFiles) {
    String label = severalFiles ? s.name() + "." + ScenarioOptions.variantName(s)
        : ScenarioOptions.variantName(s);
    return several ? insertVariant(trace, label) : trace;
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
