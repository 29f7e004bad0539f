package dev.dsim.run;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a large sweep keeps of one run: the figures of its line in the sweep's dataset and of its
 * group's summary, a few hundred bytes where a {@link RunResult} holds its timelines, nodes and
 * consistency examples. An executor of a distributed sweep sends this back instead of the whole
 * result, so a million runs fit in the driver's memory and in Spark's result-size bound.
 *
 * @param scenario the scenario's name
 * @param traceHash the run's trace hash: the same seed replays to the same hash
 * @param events events the run fired
 * @param requests requests measured; {@code requestsOk} of them ok
 * @param consistency what the consistency checkers counted; null when no tier stores data
 * @param swarm the run's swarm draw; null without swarm testing
 * @param expectations how many expectations the scenario states
 * @param failed the expectations that did not hold, in the scenario's order (empty: it passed)
 */
public record RunDigest(String scenario, String traceHash, long events, long requests,
    long requestsOk, double availability, double throughputPerSecond, double latencyMsMean,
    double latencyMsP50, double latencyMsP99, Consistency consistency, RunResult.Swarm swarm,
    int expectations, List<RunResult.ExpectationResult> failed) implements Serializable {
  private static final long serialVersionUID = 1L;

  public RunDigest {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(traceHash, "traceHash");
    failed = List.copyOf(failed);
  }

  /** The consistency counts a sweep line shows, and the linearizability verdict. */
  public record Consistency(long lostWrites, long staleReads, long corruptReads,
      String linearizable) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** The digest of a finished run. */
  public static RunDigest of(RunResult r) {
    List<RunResult.ExpectationResult> failed = new ArrayList<>();
    for (RunResult.ExpectationResult e : r.expectations()) {
      if (!e.ok()) {
        failed.add(e);
      }
    }
    RunResult.Consistency c = r.consistency();
    return new RunDigest(r.scenario(), r.traceHash(), r.simulated().events(),
        r.requests().total(), r.requests().ok(), r.availability(), r.throughputPerSecond(),
        r.latencyMs().mean(), r.latencyMs().p50(), r.latencyMs().p99(),
        c == null ? null : new Consistency(c.lostWrites(), c.staleReads(), c.corruptReads(),
            c.linearizability().verdict()), r.swarm(), r.expectations().size(), failed);
  }

  /** Whether some expectation failed: what a sweep counts as a failing run. */
  public boolean failing() {
    return !failed.isEmpty();
  }
}
