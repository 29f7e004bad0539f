package dev.dsim.run;

import java.util.List;
import java.util.function.Consumer;
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

  /**
   * Runs {@code jobs} for a large sweep and keeps none of them: each job reaches {@code sink}
   * in job order (one call at a time), as soon as every earlier job is known ({@link InOrder});
   * after {@link #abort()}, the finished ones still waiting reach it at the end. A failing job
   * is one whose digest says so; with {@code stopAfter} (0: never) nothing after the
   * {@code stopAfter}-th failing job in job order reaches the sink. The engine passes the whole
   * run of at least the first {@code keepFailing} failing jobs in job order. {@code progress}
   * hears of each finished job as it finishes.
   */
  void stream(List<ParallelRunner.Job> jobs, int stopAfter, int keepFailing,
      Consumer<StreamedRun> sink, Progress progress) throws InterruptedException;

  /** Told of each finished job: how many are done, of how many, and whether it failed. */
  @FunctionalInterface
  interface Progress {
    void finished(int done, int total, boolean failing);
  }

  /** Abandons the runs in progress and starts no more; what finished is kept. Thread-safe. */
  void abort();

  /** Releases what the engine holds (a cluster connection); this JVM's threads hold nothing. */
  @Override
  default void close() {}
}
