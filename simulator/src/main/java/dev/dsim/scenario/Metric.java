package dev.dsim.scenario;

import java.util.List;

/**
 * The metrics an expectation can name ({@code expect}), the one list of them: each constant has
 * its dotted name in results.json, its description (the schema's, from here) and, for the most
 * used consistency metrics, the short name a file may write instead ({@code "lostWrites"}).
 * {@link Expectation#METRICS} and {@link Expectation#SHORTHANDS}, the schema's {@code expect}
 * object and the typed builder's constants all come from this enum; how a run's value is read
 * is {@code dev.dsim.run.Expectations}', a switch over it that the compiler holds complete. A
 * new metric is one constant here and one case there.
 */
public enum Metric {
  AVAILABILITY("availability", "Fraction of requests in the measured window that succeeded."),
  THROUGHPUT("throughput", "Successful requests per second."),
  LATENCY_MS_MEAN("latencyMs.mean", "Mean latency of successful requests, ms."),
  LATENCY_MS_P50("latencyMs.p50", "Median latency, ms."),
  LATENCY_MS_P90("latencyMs.p90", "90th percentile latency, ms."),
  LATENCY_MS_P99("latencyMs.p99", "99th percentile latency, ms."),
  LATENCY_MS_P999("latencyMs.p999", "99.9th percentile latency, ms."),
  LATENCY_MS_MAX("latencyMs.max", "Largest latency, ms."),
  REQUESTS_TOTAL("requests.total", "Requests sent."),
  REQUESTS_OK("requests.ok", "Requests that succeeded."),
  REQUESTS_FAILED("requests.failed", "Requests that failed."),
  REQUESTS_TIMED_OUT("requests.timedOut", "Requests that timed out."),
  REQUESTS_CORRUPT("requests.corrupt", "Replies whose content was wrong."),
  REQUESTS_RETRIES("requests.retries", "Retries sent."),
  REQUESTS_HEDGES("requests.hedges", "Hedged copies sent."),
  COST_PER_HOUR("cost.perHour", "Price of the nodes per hour."),
  COST_TOTAL("cost.total", "Price of the nodes over the run."),
  LOST_WRITES("consistency.lostWrites", "lostWrites",
      "Acknowledged writes the final read-back did not find."),
  STALE_READS("consistency.staleReads", "staleReads",
      "Reads that returned an older value than the last acknowledged write."),
  CORRUPT_READS("consistency.corruptReads", "corruptReads",
      "Reads that returned a value no client wrote."),
  UNVERIFIED_KEYS("consistency.unverifiedKeys", "Keys the checkers could not verify."),
  /** 1 linearizable, 0 not; an unknown verdict meets no condition: {@code equalTo(1)}. */
  LINEARIZABLE("consistency.linearizable", "linearizable", "1 when the workload's history is "
      + "linearizable (each key a register), 0 when it is not; an unknown verdict (the "
      + "checker's budget ran out) meets no condition: \"== 1\" requires linearizability."),
  /** Every acknowledged write whose effect is gone (see {@code ConsistencyChecker}). */
  VANISHED_WRITES("consistency.vanishedWrites", "Acknowledged writes whose value is gone while "
      + "no write that could have replaced it survived (every such write, not only the newest "
      + "of each key)."),
  /** Lost writes whose key read back corrupt (also counted in corruptReads). */
  LOST_WRITES_CORRUPT("consistency.lostWritesCorrupt", "Lost writes whose key read back a "
      + "corrupt value (that read-back is also one of the corruptReads)."),
  LB_DETECTIONS("detection.loadBalancer.detections",
      "Failures the load balancer's health checks detected."),
  LB_MEAN_DELAY_MS("detection.loadBalancer.meanDelayMs",
      "Mean delay from a failure to its detection by the load balancer, ms."),
  LB_MAX_DELAY_MS("detection.loadBalancer.maxDelayMs", "Longest such delay, ms."),
  LB_FALSE_SUSPICIONS("detection.loadBalancer.falseSuspicions",
      "Live backends the load balancer took out."),
  REPLICAS_DETECTIONS("detection.replicas.detections",
      "Failures the kv replicas' heartbeats or SWIM detected."),
  REPLICAS_MEAN_DELAY_MS("detection.replicas.meanDelayMs",
      "Mean delay from a failure to its detection by the replicas, ms."),
  REPLICAS_MAX_DELAY_MS("detection.replicas.maxDelayMs", "Longest such delay, ms."),
  REPLICAS_FALSE_SUSPICIONS("detection.replicas.falseSuspicions",
      "Live replicas suspected by their peers.");

  private static final List<Metric> ALL = List.of(values());

  private final String jsonName;
  private final String shorthand;
  private final String description;

  Metric(String jsonName, String description) {
    this(jsonName, null, description);
  }

  Metric(String jsonName, String shorthand, String description) {
    this.jsonName = jsonName;
    this.shorthand = shorthand;
    this.description = description;
  }

  /** The metric's dotted name in results.json and in a scenario's {@code expect}. */
  public String jsonName() {
    return jsonName;
  }

  /** The short name {@code expect} also accepts ({@code "lostWrites"}), or null. */
  public String shorthand() {
    return shorthand;
  }

  /** What the metric measures, in a sentence (the schema's description of its key). */
  public String description() {
    return description;
  }

  /**
   * The metric {@code name} names, by its dotted name or its shorthand; null when none does.
   * Linear over 32 constants: it runs once per expectation read, never per event.
   */
  public static Metric named(String name) {
    for (Metric m : ALL) {
      if (m.jsonName.equals(name) || name.equals(m.shorthand)) {
        return m;
      }
    }
    return null;
  }
}
