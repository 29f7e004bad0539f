package dev.dsim.run;

import dev.dsim.run.theory.Theory;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * Everything a run produced that is a pure function of (scenario, variant, seed): what
 * {@code results.json} holds. Wall-clock figures are deliberately not here (see
 * {@link CompletedRun}), so the same inputs always give an equal result. {@code theory} is what
 * closed-form models predict for the scenario ({@link dev.dsim.run.theory.ScenarioTheory}),
 * which {@link TheoryChecks} sets beside what this run measured.
 */
public record RunResult(String scenario, String variant, long seed, String traceHash,
    Simulated simulated, Requests requests, double availability, double throughputPerSecond,
    LatencyMs latencyMs, Cost cost, NetworkResult network, Timeline timeline,
    Detection detection, Consistency consistency, List<FaultRecord> faults, Swarm swarm,
    List<NodeResult> nodes, List<ExpectationResult> expectations, Theory theory)
        implements Serializable {

  public RunResult {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(timeline, "timeline");
    Objects.requireNonNull(detection, "detection");
    faults = List.copyOf(faults);
    nodes = List.copyOf(nodes);
    expectations = List.copyOf(expectations);
    Objects.requireNonNull(theory, "theory");
  }

  /** The run with its expectations judged. */
  public RunResult withExpectations(List<ExpectationResult> judged) {
    return new RunResult(scenario, variant, seed, traceHash, simulated, requests, availability,
        throughputPerSecond, latencyMs, cost, network, timeline, detection, consistency, faults,
        swarm, nodes, judged, theory);
  }

  /**
   * One expectation of the scenario, judged: the metric, the condition as written, the run's
   * value (null when the run did not measure it) and whether it held.
   */
  public record ExpectationResult(String metric, String condition, Double actual, boolean ok)
      implements Serializable {}

  /**
   * Availability, throughput and latency over time: requests issued in each bucket of the
   * measured window (by issue time), how many of them were ok, and the p50 and p99 latency of
   * those (NaN in a bucket without any).
   */
  public record Timeline(double bucketSeconds, double startSeconds, long[] total, long[] ok,
      double[] p50Ms, double[] p99Ms) implements Serializable {
    public Timeline {
      total = total.clone();
      ok = ok.clone();
      p50Ms = p50Ms.clone();
      p99Ms = p99Ms.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Timeline t && t.bucketSeconds == bucketSeconds
          && t.startSeconds == startSeconds && java.util.Arrays.equals(t.total, total)
          && java.util.Arrays.equals(t.ok, ok) && java.util.Arrays.equals(t.p50Ms, p50Ms)
          && java.util.Arrays.equals(t.p99Ms, p99Ms);
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.hashCode(total) * 31 + java.util.Arrays.hashCode(ok);
    }
  }

  /**
   * How the failure detectors did, judged against the truth: the load balancers' health checks
   * and the key-value replicas' heartbeats (each null when not configured).
   */
  public record Detection(Detector loadBalancer, Detector replicas) implements Serializable {}

  /**
   * One kind of failure detector: suspicions of nodes that were down (detections, with the delay
   * from crash to suspicion) and of nodes that were up (false suspicions).
   */
  public record Detector(long detections, double meanDelayMs, double maxDelayMs,
      long falseSuspicions) implements Serializable {}

  /**
   * What the consistency checkers found in the operation history (null when no tier stores
   * data); {@code examples} shows a few violations of each kind.
   */
  public record Consistency(long lostWrites, long vanishedWrites, long lostWritesCorrupt,
      long staleReads, long corruptReads,
      long unverifiedKeys, long readsChecked, long writesAcknowledged, long keysVerified,
      List<Example> examples, Linearizability linearizability) implements Serializable {
    public Consistency {
      examples = List.copyOf(examples);
      java.util.Objects.requireNonNull(linearizability, "linearizability");
    }
  }

  /**
   * Whether the workload's history is linearizable (each key a register): {@code verdict} is
   * "true", "false" or "unknown" (the checker's budget ran out). For "false": the first
   * violating key, the operations of its core (the smallest set found that shows the violation)
   * and an explanation in words; for "unknown", the reason in {@code explanation}.
   *
   * @param violatingKeys keys whose history is not linearizable
   * @param unknownKeys keys the checker could not decide within its budget
   * @param fromSeconds when the violation's first operation was called (NaN: no violation)
   * @param toSeconds when its last one returned: with {@code fromSeconds}, the window to replay
   * @param core the core's operations as the examples show operations (key, value in hex,
   *     times, outcome), for a space-time diagram to highlight
   */
  public record Linearizability(String verdict, String key, List<String> operations,
      String explanation, int violatingKeys, int unknownKeys, double fromSeconds,
      double toSeconds, List<Operation> core) implements Serializable {
    public Linearizability {
      operations = List.copyOf(operations);
      core = List.copyOf(core);
    }

    /** 1 linearizable, 0 not, NaN unknown: what an expectation compares. */
    public double asNumber() {
      return switch (verdict) {
        case "true" -> 1;
        case "false" -> 0;
        default -> Double.NaN;
      };
    }
  }

  /** One violation: its kind, what happened in words, and the operations involved. */
  public record Example(String kind, String explanation, List<Operation> operations)
      implements Serializable {
    public Example {
      operations = List.copyOf(operations);
    }
  }

  /** An operation of the history, as an example shows it. */
  public record Operation(String op, int key, String value, double invokedAtSeconds,
      Double completedAtSeconds, String outcome) implements Serializable {}

  /** Simulated time covered (including the drain after the window) and events fired. */
  public record Simulated(double seconds, long events) implements Serializable {}

  /**
   * Requests issued in the measured window by outcome; {@code corrupt} counts the ok ones whose
   * content was damaged without anyone noticing (silent corruption that reached a client);
   * {@code retries} and {@code hedges} count the extra attempts clients sent for them;
   * {@code firstFailure} is the one that failed or timed out first (null when none did), and
   * {@code slowest} the ok one that took longest (null when none was ok).
   */
  public record Requests(long total, long ok, long failed, long timedOut, long corrupt,
      long retries, long hedges, RequestSpan firstFailure, RequestSpan slowest)
          implements Serializable {}

  /**
   * One measured request, from when it was issued to when its outcome came (its reply, an error
   * reply, or its timeout), and that outcome ({@code "ok"}, {@code "failed"} or
   * {@code "timedOut"}): the window a diagram of it draws.
   */
  public record RequestSpan(double issuedAtSeconds, double endedAtSeconds, String outcome)
      implements Serializable {}

  /**
   * What the nodes cost: {@code perHour} for all of them together, {@code total} over the
   * simulated time (nodes cost money whether up or down), both in {@code currency} (the
   * scenario's {@code pricing.currency}).
   */
  public record Cost(double perHour, double total, String currency) implements Serializable {}

  /** Messages by fate: the network's counters over the whole run. */
  public record NetworkResult(long sent, long delivered, long dropped, long lost,
      long duplicated, long corrupted, long corruptDiscarded) implements Serializable {}

  /**
   * One node's disk, over the whole run: operations, corruption caught by checksums and
   * returned unnoticed, latent sector errors, writes refused (full), lost on crash and torn.
   */
  public record DiskResult(long reads, long writes, long fsyncs, long corruptDetected,
      long corruptReturned, long ioErrors, long fullErrors, long writesLostOnCrash,
      long tornWrites, long usedBytes) implements Serializable {}

  /** Latency of ok requests, from issue to reply at the client, in milliseconds. */
  public record LatencyMs(double mean, double p50, double p90, double p99, double p999,
      double max, List<Percentile> distribution) implements Serializable {
    public LatencyMs {
      distribution = List.copyOf(distribution);
    }
  }

  /** A point of the latency distribution: {@code percentile} (0..100) of ok requests. */
  public record Percentile(double percentile, double ms) implements Serializable {}

  /**
   * A fault that was injected: what, on which nodes, when it struck and healed (null if it never
   * did), whether the schedule or the random nemesis injected it, and the fault as it struck as
   * a schedule entry ({@code struck}: its exact time, the nodes it hit, how long it lasts), so
   * a nemesis's draws can be written down and struck again without the nemesis.
   */
  public record FaultRecord(String kind, String targets, double atSeconds,
      Double healedAtSeconds, String source, dev.dsim.fault.FaultPlan.Scheduled struck)
          implements Serializable {}

  /**
   * Swarm testing's draw for this run (null without swarm testing): the random fault kinds
   * (keys under {@code faults.random}) it enabled and those it disabled, in declaration order.
   */
  public record Swarm(List<String> enabled, List<String> disabled) implements Serializable {
    public Swarm {
      enabled = List.copyOf(enabled);
      disabled = List.copyOf(disabled);
    }
  }

  /**
   * One node: its role, its size, the fraction of the run it was up, how often it crashed, the
   * jobs its CPU completed and how busy its cores were (busy core-time / (cores × simulated
   * time)); {@code disk} is null when the node never used its disk, {@code store} (the
   * key-value counters, by name) is null for nodes of other tiers.
   */
  public record NodeResult(String name, String tier, int cores, double speed,
      double pricePerHour, double uptime, int crashes, long jobs, double utilisation,
      DiskResult disk, java.util.Map<String, Long> store) implements Serializable {}
}
