package dev.dsim.cli;

import dev.dsim.run.ParallelRunner;
import dev.dsim.run.RunEstimate;
import dev.dsim.scenario.Scenario;
import java.util.List;

/**
 * The wall time many runs will take, from each run's size estimate, for the line a long
 * {@code compare} or {@code sweep} prints before it starts: "about 2.5 h by the size estimate".
 * An estimate (right within about a factor of two), not a promise; the progress bar's ETA,
 * measured as the runs finish, takes over once they start.
 */
final class Estimates {
  private Estimates() {}

  /** Seconds all {@code jobs} take on {@code threads} threads (one run per thread at a time). */
  static double wallSeconds(List<ParallelRunner.Job> jobs, int threads) {
    double total = 0;
    Scenario last = null;
    double perRun = 0;
    for (ParallelRunner.Job j : jobs) {
      if (j.scenario() != last) { // Jobs of one variant share their Scenario: estimate it once.
        last = j.scenario();
        perRun = RunEstimate.of(last).wallSeconds();
      }
      total += perRun;
    }
    return total / Math.max(1, Math.min(threads, jobs.size()));
  }

  /**
   * Heap a finished run's results take while a comparison or sweep keeps them: the time line
   * (at most 200 buckets of four numbers), the latency distribution and summaries (about 8 KiB
   * together, measured on the shipped scenarios' results.json), and a record per node.
   */
  static double retainedBytes(Scenario s) {
    long nodes = 1 + s.loadBalancer().nodes();
    for (dev.dsim.scenario.Tier t : s.tiers().values()) {
      nodes += t.nodes();
    }
    return 8192 + 256.0 * nodes;
  }

  /** ", about 40 s by the size estimate" (to end a parenthesis), or "" for a second or less. */
  static String total(List<ParallelRunner.Job> jobs, int threads) {
    double s = wallSeconds(jobs, threads);
    return s < 1 ? "" : ", about " + RunEstimate.time(s) + " by the size estimate";
  }
}
