package dev.dsim.scenario;

/**
 * The metrics an expectation can name ({@code expect}), for the typed builder: each constant
 * writes its dotted name in results.json ({@link Expectation#METRICS}, the list the binder
 * checks; a test keeps the two equal). The file's short names ({@code "lostWrites"}) are the
 * {@code consistency.*} constants here.
 */
public enum Metric {
  AVAILABILITY("availability"),
  THROUGHPUT("throughput"),
  LATENCY_MS_MEAN("latencyMs.mean"),
  LATENCY_MS_P50("latencyMs.p50"),
  LATENCY_MS_P90("latencyMs.p90"),
  LATENCY_MS_P99("latencyMs.p99"),
  LATENCY_MS_P999("latencyMs.p999"),
  LATENCY_MS_MAX("latencyMs.max"),
  REQUESTS_TOTAL("requests.total"),
  REQUESTS_OK("requests.ok"),
  REQUESTS_FAILED("requests.failed"),
  REQUESTS_TIMED_OUT("requests.timedOut"),
  REQUESTS_CORRUPT("requests.corrupt"),
  REQUESTS_RETRIES("requests.retries"),
  REQUESTS_HEDGES("requests.hedges"),
  COST_PER_HOUR("cost.perHour"),
  COST_TOTAL("cost.total"),
  LOST_WRITES("consistency.lostWrites"),
  STALE_READS("consistency.staleReads"),
  CORRUPT_READS("consistency.corruptReads"),
  UNVERIFIED_KEYS("consistency.unverifiedKeys"),
  /** 1 linearizable, 0 not; an unknown verdict meets no condition: {@code equalTo(1)}. */
  LINEARIZABLE("consistency.linearizable"),
  /** Every acknowledged write whose effect is gone (see {@code ConsistencyChecker}). */
  VANISHED_WRITES("consistency.vanishedWrites"),
  /** Lost writes whose key read back corrupt (also counted in corruptReads). */
  LOST_WRITES_CORRUPT("consistency.lostWritesCorrupt"),
  LB_DETECTIONS("detection.loadBalancer.detections"),
  LB_MEAN_DELAY_MS("detection.loadBalancer.meanDelayMs"),
  LB_MAX_DELAY_MS("detection.loadBalancer.maxDelayMs"),
  LB_FALSE_SUSPICIONS("detection.loadBalancer.falseSuspicions"),
  REPLICAS_DETECTIONS("detection.replicas.detections"),
  REPLICAS_MEAN_DELAY_MS("detection.replicas.meanDelayMs"),
  REPLICAS_MAX_DELAY_MS("detection.replicas.maxDelayMs"),
  REPLICAS_FALSE_SUSPICIONS("detection.replicas.falseSuspicions");

  private final String jsonName;

  Metric(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The metric's dotted name in results.json and in a scenario's {@code expect}. */
  public String jsonName() {
    return jsonName;
  }
}
