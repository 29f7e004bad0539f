package dev.dsim.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * One timed piece of work: the calling thread's CPU time (what the work cost, much steadier on a
 * shared machine than wall time) and the wall time it took.
 */
record Measurement(long cpuNanos, long wallNanos, long result) {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** Something to time, returning a value the JIT cannot discard. */
  interface Work {
    long run();
  }

  static Measurement of(Work work) {
    if (!THREADS.isCurrentThreadCpuTimeSupported()) {
      throw new IllegalStateException("this JVM cannot measure thread CPU time");
    }
    long cpu0 = THREADS.getCurrentThreadCpuTime();
    long wall0 = System.nanoTime();
    long result = work.run();
    long wall = System.nanoTime() - wall0;
    long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
    return new Measurement(cpu, wall, result);
  }
}
