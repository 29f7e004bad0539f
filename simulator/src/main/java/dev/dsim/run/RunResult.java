package dev.dsim.run;

import java.util.List;
import java.util.Objects;

/**
 * Everything a run produced that is a pure function of (scenario, variant, seed): what
 * {@code results.json} holds. Wall-clock figures are deliberately not here (see
 * {@link CompletedRun}), so the same inputs always give an equal result.
 */
public record RunResult(String scenario, String variant, long seed, String traceHash,
    Simulated simulated, Requests requests, double availability, double throughputPerSecond,
    LatencyMs latencyMs, Cost cost, NetworkResult network, List<FaultRecord> faults,
    List<NodeResult> nodes) {

  public RunResult {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(variant, "variant");
    faults = List.copyOf(faults);
    nodes = List.copyOf(nodes);
  }

  /** Simulated time covered (including the drain after the window) and events fired. */
  public record Simulated(double seconds, long events) {}

  /** Requests issued in the measured window, by outcome. */
  /**
   * Requests issued in the measured window by outcome; {@code corrupt} counts the ok ones whose
   * content was damaged without anyone noticing (silent corruption that reached a client).
   */
  public record Requests(long total, long ok, long failed, long timedOut, long corrupt) {}

  /**
   * What the nodes cost: {@code perHour} for all of them together, {@code total} over the
   * simulated time (nodes cost money whether up or down).
   */
  public record Cost(double perHour, double total) {}

  /** Messages by fate: the network's counters over the whole run. */
  public record NetworkResult(long sent, long delivered, long dropped, long lost,
      long duplicated, long corrupted, long corruptDiscarded) {}

  /**
   * One node's disk, over the whole run: operations, corruption caught by checksums and
   * returned unnoticed, latent sector errors, writes refused (full), lost on crash and torn.
   */
  public record DiskResult(long reads, long writes, long fsyncs, long corruptDetected,
      long corruptReturned, long ioErrors, long fullErrors, long writesLostOnCrash,
      long tornWrites, long usedBytes) {}

  /** Latency of ok requests, from issue to reply at the client, in milliseconds. */
  public record LatencyMs(double mean, double p50, double p90, double p99, double p999,
      double max) {}

  /**
   * A fault that was injected: what, on which nodes, when it struck and healed (null if it never
   * did), and whether the schedule or the random nemesis injected it.
   */
  public record FaultRecord(String kind, String targets, double atSeconds,
      Double healedAtSeconds, String source) {}

  /**
   * One node: its role, its size, the fraction of the run it was up, how often it crashed, the
   * jobs its CPU completed and how busy its cores were (busy core-time / (cores × simulated
   * time)).
   */
  /** One node; {@code disk} is null when the node never used its disk. */
  public record NodeResult(String name, String tier, int cores, double speed,
      double pricePerHour, double uptime, int crashes, long jobs, double utilisation,
      DiskResult disk) {}
}
