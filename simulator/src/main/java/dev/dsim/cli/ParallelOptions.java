package dev.dsim.cli;

import dev.dsim.report.ReportDirectory;
import dev.dsim.run.ParallelRunner;
import dev.dsim.run.RunOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options of the commands that run many seeds at once ({@code compare}, {@code sweep}): how
 * many runs at a time, where the report goes, and whether to draw a progress bar.
 */
final class ParallelOptions {
  @Option(names = "--jobs", paramLabel = "N",
      description = "Runs at once, one per thread (default: the number of processors). "
          + "Results do not depend on it.")
  Integer jobs;

  @Option(names = "--out", paramLabel = "DIR", description = "Report directory.")
  Path out;

  @Option(names = "--force", description = "Replace an earlier dsim report there.")
  boolean force;

  @Option(names = "--no-progress", description = "No progress bar, even on a terminal.")
  boolean noProgress;

  @Option(names = "--no-charts",
      description = "Skip the charts and index.html (the JSON and CSV files only).")
  boolean noCharts;

  /** Runs at once; less than 1 is a usage error the caller reports. */
  int threads() {
    return jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
  }

  /** Prints the usage error for a bad {@code --jobs} and returns true if there is one. */
  boolean badJobs(PrintWriter err) {
    if (threads() >= 1) {
      return false;
    }
    ScenarioOptions.usageError(err, "--jobs must be at least 1, got " + threads(),
        "--jobs 1 runs one at a time; leave it out for one per processor");
    return true;
  }

  /**
   * Reserves the report directory ({@code --out}, or {@code reports/<name>}) and prints its
   * note; the caller closes the reservation when the report is in place.
   */
  ReportDirectory.Reservation directory(PrintWriter err, String name)
      throws ReportDirectory.UnusableException {
    ReportDirectory.Reservation dir = ReportDirectory.reserve(out, Path.of("reports", name),
        force);
    if (dir.note() != null) {
      err.println("note: " + dir.note());
    }
    return dir;
  }

  ParallelRunner runner(long maxEvents) {
    return new ParallelRunner(threads(), RunOptions.defaults().withMaxEvents(maxEvents));
  }

  Progress progress(PrintWriter err) {
    return new Progress(err, !noProgress && Progress.onTerminal(), "runs");
  }
}
