package dev.dsim.cli;

import dev.dsim.report.ReportDirectory;
import dev.dsim.run.JobRunner;
import dev.dsim.run.ParallelRunner;
import dev.dsim.run.RunEngine;
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

  @Option(names = "--engine", paramLabel = "NAME", defaultValue = LOCAL,
      description = "What runs the seeds: local (this process's threads, the default) or "
          + "spark (Apache Spark, with dsim-spark.jar: see the README). The report is the same "
          + "bytes either way.")
  String engine;

  @Option(names = "--master", paramLabel = "URL",
      description = "With --engine spark: Spark's master (default: the one spark-submit was "
          + "given, else local[*], Spark inside this process on every core; local[N], "
          + "spark://host:7077, yarn, k8s://...).")
  String master;

  @Option(names = "--out", paramLabel = "DIR", description = "Report directory.")
  Path out;

  @Option(names = "--force", description = "Replace an earlier dsim report there.")
  boolean force;

  @Option(names = "--no-progress", description = "No progress bar, even on a terminal.")
  boolean noProgress;

  @Option(names = "--no-charts",
      description = "Skip the charts and index.html (the JSON and CSV files only).")
  boolean noCharts;

  static final String LOCAL = "local";

  /** Runs at once; less than 1 is a usage error the caller reports. */
  int threads() {
    return jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
  }

  /**
   * Prints the usage error for a bad {@code --jobs}, or an engine that is not on the class path,
   * and returns true if there is one.
   */
  boolean badJobs(PrintWriter err) {
    if (threads() < 1) {
      ScenarioOptions.usageError(err, "--jobs must be at least 1, got " + threads(),
          "--jobs 1 runs one at a time; leave it out for one per processor");
      return true;
    }
    if (!engine.equals(LOCAL) && jobs != null) {
      ScenarioOptions.usageError(err, "--jobs is for --engine local: " + engine + " runs as "
          + "many at once as its master has cores", "drop --jobs; --master 'local[" + jobs
          + "]' runs Spark on " + jobs + " threads");
      return true;
    }
    if (!engine.equals(LOCAL) && RunEngine.find(engine) == null) {
      ScenarioOptions.usageError(err, "no engine '" + engine + "' in this dsim"
          + (engine.equals("spark") ? ": the Spark engine is in dsim-spark.jar, not in dsim.jar"
              : ""), engine.equals("spark") ? "build it with mvn -Pspark -pl simulator/spark "
              + "-am package -DskipTests, then run java -jar simulator/spark/target/dsim-spark.jar "
              + "with the same arguments" : "--engine local (the default) or spark");
      return true;
    }
    if (engine.equals(LOCAL) && master != null) {
      ScenarioOptions.usageError(err, "--master is for --engine spark",
          "add --engine spark, or drop --master");
      return true;
    }
    return false;
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

  /**
   * How the jobs will run, for the line a command prints before it starts: "4 at once, about
   * 2 min in all" on this machine's threads; on another engine its name and master (this
   * machine's processors say nothing of a cluster's).
   */
  String pace(java.util.List<dev.dsim.run.ParallelRunner.Job> jobs) {
    if (engine.equals(LOCAL)) {
      return Math.min(threads(), jobs.size()) + " at once" + Estimates.total(jobs, threads());
    }
    return "on " + engine + (master == null ? "" : " at " + master);
  }

  /**
   * What runs the jobs: this process's threads, or the engine {@code --engine} names (checked by
   * {@link #badJobs}); the caller closes it.
   */
  JobRunner runner(long maxEvents) throws RunEngine.Unavailable {
    RunOptions options = RunOptions.defaults().withMaxEvents(maxEvents);
    if (engine.equals(LOCAL)) {
      return new ParallelRunner(threads(), options);
    }
    return RunEngine.find(engine).open(master, options);
  }

  Progress progress(PrintWriter err) {
    return new Progress(err, !noProgress && Progress.onTerminal(), "runs");
  }

  /**
   * The progress of a long sweep: the bar on a terminal, else (its stderr in a log, as a Spark
   * driver's is) a line every {@link #LOG_PROGRESS_SECONDS} seconds; neither with --no-progress.
   */
  Progress longProgress(PrintWriter err) {
    return new Progress(err, !noProgress && Progress.onTerminal(), "runs",
        noProgress ? 0 : java.util.concurrent.TimeUnit.SECONDS.toNanos(LOG_PROGRESS_SECONDS));
  }

  /** How often a long sweep without a terminal says how far it got. */
  static final int LOG_PROGRESS_SECONDS = 30;
}
