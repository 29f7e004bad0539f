package dev.dsim.run;

import java.util.List;
import java.util.function.Predicate;

/**
 * Runs many (scenario, seed) jobs and returns their outcomes in job order, whatever runs them:
 * this JVM's threads ({@link ParallelRunner}) or another engine found by {@link RunEngine}
 * (Spark, in the dsim-spark module). Each run is a pure function of its scenario and seed, so
 * every engine gives the same outcomes, and the reports built from them are the same bytes.
 */
public interface JobRunner extends AutoCloseable {
  /**
   * Runs {@code jobs}; {@code failed} says which outcomes count as failures for
   * {@code stopAfter} (0: never stop early): then the outcomes are those of a serial run that
   * stopped at the {@code stopAfter}-th failure in job order (later jobs unfinished). Returns
   * one outcome per job, in job order; the listener hears of each finished one.
   */
  List<ParallelRunner.Outcome> run(List<ParallelRunner.Job> jobs, Predicate<CompletedRun> failed,
      int stopAfter, ParallelRunner.Listener listener) throws InterruptedException;

  /** Abandons the runs in progress and starts no more; what finished is kept. Thread-safe. */
  void abort();

  /** Releases what the engine holds (a cluster connection); this JVM's threads hold nothing. */
  @Override
  default void close() {}
}
