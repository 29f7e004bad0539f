package dev.dsim.run;

import dev.dsim.engine.AbortSignal;
import dev.dsim.engine.EventLimitExceededException;
import dev.dsim.engine.RunAbortedException;
import dev.dsim.scenario.ProcessConstructionException;
import dev.dsim.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Runs many (scenario, seed) jobs on a pool of threads, one run per thread at a time, and returns
 * the outcomes in job order: the same runs done serially give the same results, because each run
 * is a pure function of its scenario and seed and shares nothing with the others.
 *
 * <p>{@code stopAfter} failures make it stop early, deterministically: the result holds the
 * first {@code stopAfter} failing jobs in job order, exactly as a serial run would find them
 * (jobs after the last of those are cancelled; jobs before it still finish). {@link #abort()}
 * (Ctrl-C) abandons the runs in progress; what finished is kept.
 */
public final class ParallelRunner implements JobRunner {
  /** One run to do. */
  public record Job(Scenario scenario, long seed) {
    public Job {
      Objects.requireNonNull(scenario, "scenario");
    }
  }

  /**
   * What became of a job: its run, or why it has none ({@code error}: it exceeded the event
   * bound or an invariant failed; both null: it was skipped or abandoned).
   */
  public record Outcome(Job job, CompletedRun run, String error) {
    public boolean finished() {
      return run != null;
    }
  }

  /** Told of each finished job (from worker threads, one call at a time). */
  public interface Listener {
    void finished(int index, Outcome outcome, int done, int total);
  }

  private final int threads;
  private final RunOptions options;
  private final AbortSignal stopAll = new AbortSignal();
  private volatile OrderedSearch<?> search;

  /** @param threads runs at once (at least 1) */
  public ParallelRunner(int threads, RunOptions options) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1: " + threads);
    }
    this.threads = threads;
    this.options = Objects.requireNonNull(options, "options");
  }

  /** Abandons every run in progress and starts no more. Thread-safe (a signal handler calls it). */
  @Override
  public void abort() {
    stopAll.raise();
    OrderedSearch<?> s = search;
    if (s != null) {
      s.abortRunning();
    }
  }

  /** True once {@link #abort()} was called. */
  public boolean aborted() {
    return stopAll.isRaised();
  }

  /**
   * Runs {@code jobs}; {@code failed} says which outcomes count as failures for
   * {@code stopAfter} (0: never stop early). Returns one outcome per job, in job order.
   */
  @Override
  public List<Outcome> run(List<Job> jobs, Predicate<CompletedRun> failed, int stopAfter,
      Listener listener) throws InterruptedException {
    OrderedSearch<Outcome> s = new OrderedSearch<>(threads, stopAll);
    search = s;
    if (stopAll.isRaised()) {
      s.abortRunning();
    }
    List<Outcome> found = s.run(jobs.size(), (i, signal) -> attempt(jobs.get(i), signal),
        o -> o.finished() && failed.test(o.run()), stopAfter,
        listener == null ? null : (i, o, done, total) -> {
          if (o.finished()) {
            listener.finished(i, o, done, total);
          }
        });
    List<Outcome> list = new ArrayList<>(jobs.size());
    for (int i = 0; i < jobs.size(); i++) {
      Outcome o = found.get(i);
      list.add(o != null ? o : new Outcome(jobs.get(i), null, null));
    }
    return list;
  }

  @Override
  public void stream(List<Job> jobs, int stopAfter, int keepFailing,
      Consumer<StreamedRun> sink, Progress progress) {
    OrderedSearch<StreamedRun> s = new OrderedSearch<>(threads, stopAll);
    search = s;
    if (stopAll.isRaised()) {
      s.abortRunning();
    }
    InOrder order = new InOrder(stopAfter, sink);
    // Every failing run keeps its whole result until the sink has seen it (the first
    // keepFailing in job order are among them); passing runs are digested on the worker.
    s.run(jobs.size(), (i, signal) -> {
      Outcome o = attempt(jobs.get(i), signal);
      if (o == null) {
        return null;
      }
      RunDigest d = o.run() == null ? null : RunDigest.of(o.run().result());
      return new StreamedRun(i, o.job(), d, d != null && d.failing() ? o.run() : null,
          o.error());
    }, StreamedRun::failing, stopAfter, (i, r, done, total) -> {
      order.offer(r);
      if (progress != null) {
        progress.finished(done, total, r.failing());
      }
    }, false);
    order.drain();
  }

  /** One run; null when it was abandoned. */
  private Outcome attempt(Job job, AbortSignal signal) {
    try {
      return new Outcome(job, Runner.run(job.scenario(), job.seed(),
          options.withAbort(signal)), null);
    } catch (RunAbortedException e) {
      return null;
    } catch (EventLimitExceededException | dev.dsim.engine.InvariantViolation e) {
      return new Outcome(job, null, e.getMessage());
    } catch (ProcessConstructionException e) {
      // The user's class cannot be built: every other run would fail alike, so stop them all
      // now and let the command report it (bad input, not a failing seed).
      abort();
      throw e;
    }
  }

}
