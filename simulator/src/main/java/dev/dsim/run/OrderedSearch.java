package dev.dsim.run;

import dev.dsim.engine.AbortSignal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Runs tasks 0..n-1 on a pool of threads and returns their results in task order, stopping
 * early, deterministically, once {@code stopAfter} tasks failed: the result then holds the first
 * {@code stopAfter} failures in task order, exactly as a serial loop would find them (tasks after
 * the last of those are abandoned through their {@link AbortSignal}; tasks before it finish).
 * Both the CLI's parallel runs and the library's seed sweeps search this way.
 *
 * @param <T> a task's result
 */
public final class OrderedSearch<T> {
  /** One task: its result, or null if it noticed its signal and gave up. */
  @FunctionalInterface
  public interface Task<T> {
    T run(int index, AbortSignal signal);
  }

  /** Told of each finished task (from worker threads, one call at a time). */
  @FunctionalInterface
  public interface Listener<T> {
    void finished(int index, T result, int done, int total);
  }

  private final int threads;
  private final AbortSignal stopAll;
  private volatile AbortSignal[] running = new AbortSignal[0];

  /**
   * @param threads tasks at once (at least 1)
   * @param stopAll when raised (from any thread), no task starts and running ones are told
   */
  public OrderedSearch(int threads, AbortSignal stopAll) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1: " + threads);
    }
    this.threads = threads;
    this.stopAll = stopAll;
  }

  /** Raises the signal of every running task (after {@code stopAll} was raised). */
  public void abortRunning() {
    for (AbortSignal s : running) {
      if (s != null) {
        s.raise();
      }
    }
  }

  /**
   * Runs the tasks; {@code failed} says which results count for {@code stopAfter} (0: never
   * stop early). Returns one entry per task in task order: null for a task skipped, abandoned,
   * or made unnecessary by earlier failures.
   */
  public List<T> run(int n, Task<T> task, Predicate<T> failed, int stopAfter,
      Listener<T> listener) {
    return run(n, task, failed, stopAfter, listener, true);
  }

  /**
   * As {@link #run(int, Task, Predicate, int, Listener)}; with {@code retain} false the results
   * are only told to the listener and none is kept (a streamed sweep of a million runs), and
   * null is returned.
   */
  public List<T> run(int n, Task<T> task, Predicate<T> failed, int stopAfter,
      Listener<T> listener, boolean retain) {
    List<T> results = retain ? new ArrayList<>(n) : null;
    for (int i = 0; retain && i < n; i++) {
      results.add(null);
    }
    AbortSignal[] signals = new AbortSignal[n];
    running = signals;
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    // Indexes of the failures so far; the cutoff is the stopAfter-th smallest of them.
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
        T result = task.run(i, signal);
        synchronized (lock) {
          signals[i] = null;
          if (result == null || i > cutoff[0]) {
            continue; // abandoned, or an earlier failure made it unnecessary
          }
          if (results != null) {
            results.set(i, result);
          }
          if (stopAfter > 0 && failed.test(result)) {
            failures.add(i);
            if (failures.size() >= stopAfter) {
              cut(nth(failures, stopAfter), cutoff, signals, results);
            }
          }
          if (listener != null) {
            listener.finished(i, result, done.incrementAndGet(), n);
          }
        }
      }
    };
    runWorkers(worker, Math.min(threads, Math.max(1, n)));
    return results;
  }

  /** Tasks after {@code c} are not needed any more: stop them and forget their results. */
  private static <T> void cut(int c, int[] cutoff, AbortSignal[] signals, List<T> results) {
    if (c >= cutoff[0]) {
      return;
    }
    cutoff[0] = c;
    for (int j = c + 1; j < signals.length; j++) {
      if (signals[j] != null) {
        signals[j].raise();
      }
      if (results != null) {
        results.set(j, null);
      }
    }
  }

  private void runWorkers(Runnable worker, int count) {
    ExecutorService pool = Executors.newFixedThreadPool(count, r -> {
      // Created by the calling thread, so it inherits its context class loader (--classpath).
      Thread t = new Thread(r, "dsim-run");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < count; w++) {
        futures.add(pool.submit(worker));
      }
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (ExecutionException e) {
          stopAll.raise();
          abortRunning();
          Throwable cause = e.getCause();
          if (cause instanceof RuntimeException re) {
            throw re;
          }
          if (cause instanceof Error err) {
            throw err;
          }
          throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          stopAll.raise();
          abortRunning();
          throw new IllegalStateException("interrupted", e);
        }
      }
    } finally {
      pool.shutdownNow();
    }
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
