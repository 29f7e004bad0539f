package dev.dsim.cli;

import dev.dsim.report.AtomicFiles;
import dev.dsim.report.ReportDirectory;
import dev.dsim.report.ResolvedScenario;
import dev.dsim.report.ResultsJson;
import dev.dsim.report.Staging;
import dev.dsim.report.SweepDataset;
import dev.dsim.report.SweepDatasetReport;
import dev.dsim.report.SweepReport;
import dev.dsim.report.SweepTally;
import dev.dsim.run.JobRunner;
import dev.dsim.run.ParallelRunner;
import dev.dsim.run.RunDigest;
import dev.dsim.run.RunResult;
import dev.dsim.run.StreamedRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code dsim sweep --dataset}: a sweep too large to keep. Each run reaches this class in job
 * order as soon as every earlier one has (whatever engine ran it), is written as one line of
 * {@code runs.jsonl} and added to the totals, and is then forgotten; only the first
 * {@code --keep-failing} failing runs are kept whole, for their results file and resolved
 * scenario. Memory is the totals (32 bytes a run) and the work list, not the runs.
 */
final class DatasetSweep {
  /** How many runs that stopped with an error the terminal lists (all are in the dataset). */
  static final int ERRORS_SHOWN = 10;

  private final SweepCommand sweep;
  private final PrintWriter err;
  private final PrintWriter stdout;

  DatasetSweep(SweepCommand sweep, PrintWriter err, PrintWriter stdout) {
    this.sweep = sweep;
    this.err = err;
    this.stdout = stdout;
  }

  /** What the sink has seen so far, in job order. */
  private final class Sink {
    final Staging staging;
    final SweepDataset.Writer dataset;
    final List<SweepReport.Point> points;
    final SweepTally tally = new SweepTally();
    final List<SweepReport.Row> kept = new ArrayList<>();
    final List<String> errorLines = new ArrayList<>();
    int errors;

    Sink(Staging staging, SweepDataset.Writer dataset, List<SweepReport.Point> points) {
      this.staging = staging;
      this.dataset = dataset;
      this.points = points;
    }

    void accept(StreamedRun r) {
      try {
        take(r);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void take(StreamedRun r) throws IOException {
      SweepReport.Point p = points.get(r.index());
      String variant = p.variant().equals("base") ? null : p.variant();
      List<String> sets = sweep.scenarioOptions.reproduceArguments(sweep.extraSets(p));
      if (r.digest() == null) {
        String replay = Reproduce.replay(sweep.file, p.seed(), variant, sets, null);
        dataset.error(p, r.error(), replay);
        if (++errors <= ERRORS_SHOWN) {
          errorLines.add(p.variant() + " seed " + p.seed() + ": " + r.error() + "\n    replay: "
              + replay);
        }
        return;
      }
      RunDigest d = r.digest();
      List<String> failed = new ArrayList<>();
      for (RunResult.ExpectationResult e : d.failed()) {
        failed.add(ExpectationMessages.describe(e));
      }
      String replay = null;
      String results = null;
      if (!failed.isEmpty()) {
        replay = Reproduce.replay(sweep.file, p.seed(), variant, sets, d.traceHash());
        if (kept.size() < sweep.keepFailing && r.full() != null) {
          results = SweepCommand.resultsFile(p);
          RunResult full = r.full().result();
          Path at = staging.dir().resolve(results);
          ResultsJson.write(at, full);
          ResolvedScenario.write(at.getParent(), r.job().scenario(), p.seed(), full);
          kept.add(new SweepReport.Row(p, full, failed, results, replay));
        }
      }
      dataset.run(p, d, failed, results, replay);
      tally.add(p, d.availability(), d.throughputPerSecond(), d.latencyMsMean(),
          d.latencyMsP99(), !failed.isEmpty(), d.swarm(), d.expectations());
    }
  }

  int run(ReportDirectory.Reservation dir, List<SweepReport.Point> points,
      List<ParallelRunner.Job> jobs, Progress progress) throws IOException,
      InterruptedException, dev.dsim.run.RunEngine.Unavailable {
    Staging staging = dir.stage();
    Sink sink;
    boolean interrupted;
    int[] failing = {0};
    try (SweepDataset.Writer dataset = SweepDataset.Writer.create(staging.dir());
        JobRunner runner = sweep.parallel.runner(sweep.scenarioOptions.maxEvents);
        Interruption ctrlC = new Interruption(runner::abort, err)) {
      sink = new Sink(staging, dataset, points);
      try {
        runner.stream(jobs, sweep.stopAfter == null ? 0 : sweep.stopAfter, sweep.keepFailing,
            sink::accept, (done, total, f) -> {
              if (f) {
                failing[0]++;
              }
              progress.update(done, total, failing[0]);
            });
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      progress.finish();
      interrupted = ctrlC.interrupted();
    }
    SweepTally tally = sink.tally;
    if (tally.runs() == 0) {
      err.println(interrupted ? "interrupted before any run finished; nothing was written"
          : "no run finished; nothing was written");
      sink.errorLines.forEach(e -> err.println("error: " + e));
      moreErrors(sink.errors, false);
      err.flush();
      return interrupted ? ExitCodes.INTERRUPTED : ExitCodes.RUN_FAILED;
    }
    SweepDatasetReport report = new SweepDatasetReport(sweep.file.toString(), tally, sink.kept,
        jobs.size(), sink.errors, interrupted, sweep.stopAfter, sweep.keepFailing);
    AtomicFiles.writeString(staging.dir().resolve("sweep.json"), report.json());
    boolean loads = sweep.loads != null;
    if (loads) {
      AtomicFiles.writeString(staging.dir().resolve("loads.csv"), tally.loadsCsv());
    }
    if (!sweep.parallel.noCharts) {
      report.writePage(staging.dir(), jobs.get(0).scenario().name(),
          Reproduce.command(sweep.reproduceArguments()), loads);
    }
    int finished = tally.runs() + sink.errors;
    boolean complete = !interrupted && finished == jobs.size();
    staging.commit(Manifest.of("sweep", sweep.reproduceArguments(), List.of(sweep.file),
        complete, interrupted));
    if (staging.note() != null) {
      err.println("note: " + staging.note());
    }
    stdout.print(tally.summary());
    Path landed = staging.target();
    if (tally.failing() > 0) {
      stdout.println();
      stdout.println(tally.failing() + " failing run" + (tally.failing() == 1 ? "" : "s")
          + "; " + (sink.kept.isEmpty() ? "none" : "the first " + sink.kept.size())
          + " kept whole, each with the command that replays it:");
      for (SweepReport.Row r : sink.kept) {
        stdout.println("  " + r.point().groupName() + ", seed " + r.point().seed() + ": "
            + String.join("; ", r.failed()));
        stdout.println("    " + r.replay());
        stdout.println("    the scenario it ran: " + RunCommand.display(landed.resolve(
            r.resultsFile()).resolveSibling(ResolvedScenario.FILE)));
      }
      if (tally.failing() > sink.kept.size()) {
        stdout.println("  … and " + (tally.failing() - sink.kept.size()) + " more, each with "
            + "its replay command in " + SweepDataset.FILE + " (\"ok\": false)");
      }
    } else {
      stdout.println("no failing seed among " + tally.runs() + " runs");
    }
    if (!sweep.parallel.noCharts) {
      stdout.println("report: " + RunCommand.display(landed.resolve("index.html"))
          + " (open it in a browser)");
    }
    stdout.println("wrote " + RunCommand.display(landed.resolve(SweepDataset.FILE)) + " ("
        + (tally.runs() + sink.errors) + " lines), sweep.json" + (loads ? ", loads.csv" : ""));
    stdout.flush();
    sink.errorLines.forEach(e -> err.println("error: " + e));
    moreErrors(sink.errors, true);
    int skipped = jobs.size() - finished;
    if (sweep.stopAfter != null && tally.failing() >= sweep.stopAfter && skipped > 0) {
      err.println("stopped after " + sweep.stopAfter + " failing run"
          + (sweep.stopAfter == 1 ? "" : "s") + "; " + skipped + " later runs were not needed");
    } else if (interrupted) {
      err.println("interrupted: " + finished + " of " + jobs.size() + " runs finished; "
          + "the report covers those");
      err.flush();
      return ExitCodes.INTERRUPTED;
    }
    err.flush();
    return tally.failing() > 0 || sink.errors > 0 ? ExitCodes.RUN_FAILED : ExitCodes.OK;
  }

  /** The errors beyond those listed: their count, and where they are when a report was written. */
  private void moreErrors(int errors, boolean written) {
    if (errors > ERRORS_SHOWN) {
      err.println("error: … and " + (errors - ERRORS_SHOWN) + " more runs stopped with an "
          + "error" + (written ? ", each with its replay command in " + SweepDataset.FILE : ""));
    }
  }
}
