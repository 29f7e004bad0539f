package dev.dsim.scenario;

import java.util.List;
import java.util.Objects;

/**
 * One expectation of a scenario's {@code expect}: a metric of the run's results compared with a
 * threshold, e.g. {@code "availability": ">= 0.999"}. A run whose expectation fails exits 1: a
 * failure worth reproducing.
 *
 * @param metric the metric's canonical dotted name in results.json
 * @param condition the condition as written, e.g. {@code ">= 0.999"}
 */
public record Expectation(String metric, String condition, Comparison comparison,
    double threshold) {

  /** Every metric an expectation can name, by its dotted path in results.json. */
  public static final List<String> METRICS = List.of("availability", "throughput",
      "latencyMs.mean", "latencyMs.p50", "latencyMs.p90", "latencyMs.p99", "latencyMs.p999",
      "latencyMs.max", "requests.total", "requests.ok", "requests.failed", "requests.timedOut",
      "requests.corrupt", "requests.retries", "requests.hedges", "cost.perHour", "cost.total",
      "consistency.lostWrites", "consistency.staleReads", "consistency.corruptReads",
      "consistency.unverifiedKeys", "consistency.linearizable", "consistency.vanishedWrites",
      "consistency.lostWritesCorrupt",
      "detection.loadBalancer.detections",
      "detection.loadBalancer.meanDelayMs", "detection.loadBalancer.maxDelayMs",
      "detection.loadBalancer.falseSuspicions", "detection.replicas.detections",
      "detection.replicas.meanDelayMs", "detection.replicas.maxDelayMs",
      "detection.replicas.falseSuspicions");
  /** Short names accepted for the consistency metrics. */
  static final List<String> SHORTHANDS = List.of("lostWrites", "staleReads", "corruptReads",
      "linearizable");

  /** How a value is compared with the threshold. */
  public enum Comparison {
    AT_LEAST(">="),
    MORE_THAN(">"),
    AT_MOST("<="),
    LESS_THAN("<"),
    EQUAL("=="),
    NOT_EQUAL("!=");

    private final String symbol;

    Comparison(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }

    /** True when {@code value} satisfies this comparison with {@code threshold}; NaN never. */
    public boolean holds(double value, double threshold) {
      if (Double.isNaN(value)) {
        return false;
      }
      return switch (this) {
        case AT_LEAST -> value >= threshold;
        case MORE_THAN -> value > threshold;
        case AT_MOST -> value <= threshold;
        case LESS_THAN -> value < threshold;
        case EQUAL -> value == threshold;
        case NOT_EQUAL -> value != threshold;
      };
    }
  }

  public Expectation {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(comparison, "comparison");
  }

  /** True when {@code value} meets this expectation. */
  public boolean holds(double value) {
    return comparison.holds(value, threshold);
  }
}
