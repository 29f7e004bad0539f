package dev.dsim.run;

import dev.dsim.engine.AbortSignal;
import dev.dsim.engine.EventLimitExceededException;
import dev.dsim.engine.RunAbortedException;
import dev.dsim.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
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
public final class ParallelRunner {
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
  private volatile AbortSignal[] running = new AbortSignal[0];

  /** @param threads runs at once (at least 1) */
  public ParallelRunner(int threads, RunOptions options) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1: " + threads);
    }
    this.threads = threads;
    this.options = Objects.requireNonNull(options, "options");
  }

  /** Abandons every run in progress and starts no more. Thread-safe (a shutdown hook calls it). */
  public void abort() {
    stopAll.raise();
    for (AbortSignal s : running) {
      if (s != null) {
        s.raise();
      }
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
  public List<Outcome> run(List<Job> jobs, Predicate<CompletedRun> failed, int stopAfter,
      Listener listener) throws InterruptedException {
    int n = jobs.size();
    Outcome[] outcomes = new Outcome[n];
    AbortSignal[] signals = new AbortSignal[n];
    running = signals;
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    // Indexes of failed jobs so far; the cutoff is the stopAfter-th smallest of them.
    TreeSet<Integer> failures = new TreeSet<>();
    int[] cutoff = {Integer.MAX_VALUE};
    Object lock = new Object();

    Runnable worker = () -> {
      while (true) {
        int i = next.getAndIncrement();
        AbortSignal signal = new AbortSignal();
        synchronized (lock) {
          if (i >= n || stopAll.isRaised() || i > cutoff[0]) {
            return;
          }
          signals[i] = signal;
        }
        Job job = jobs.get(i);
        Outcome outcome;
        try {
          CompletedRun run = Runner.run(job.scenario(), job.seed(), options.withAbort(signal));
          outcome = new Outcome(job, run, null);
        } catch (RunAbortedException e) {
          outcome = new Outcome(job, null, null);
        } catch (EventLimitExceededException | dev.dsim.engine.InvariantViolation e) {
          outcome = new Outcome(job, null, e.getMessage());
        }
        synchronized (lock) {
          signals[i] = null;
          if (i > cutoff[0]) {
            continue; // Finished after an earlier failure made it unnecessary: drop it.
          }
          outcomes[i] = outcome;
          if (outcome.finished() && stopAfter > 0 && failed.test(outcome.run())) {
            failures.add(i);
            if (failures.size() >= stopAfter) {
              int c = nth(failures, stopAfter);
              if (c < cutoff[0]) {
                cutoff[0] = c;
                for (int j = c + 1; j < n; j++) {
                  if (signals[j] != null) {
                    signals[j].raise();
                  }
                  outcomes[j] = null;
                }
              }
            }
          }
          if (listener != null && outcome.finished()) {
            listener.finished(i, outcome, done.incrementAndGet(), n);
          }
        }
      }
    };

    int pool = Math.min(threads, Math.max(1, n));
    ThreadFactory factory = r -> {
      Thread t = new Thread(r, "dsim-run");
      t.setDaemon(true);
      return t;
    };
    ExecutorService executor = Executors.newFixedThreadPool(pool, factory);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < pool; w++) {
        futures.add(executor.submit(worker));
      }
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          abort();
          Throwable cause = e.getCause();
          if (cause instanceof RuntimeException re) {
            throw re;
          }
          if (cause instanceof Error err) {
            throw err;
          }
          throw new IllegalStateException(cause);
        }
      }
    } finally {
      executor.shutdownNow();
    }
    List<Outcome> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(outcomes[i] != null ? outcomes[i] : new Outcome(jobs.get(i), null, null));
    }
    return list;
  }

  private static int nth(TreeSet<Integer> set, int k) {
    int seen = 0;
    for (int v : set) {
      if (++seen == k) {
        return v;
      }
    }
    throw new IllegalStateException("fewer than " + k + " failures");
  }
}
