package dev.dsim.scenario;

import java.util.Arrays;
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

  /** Every metric an expectation can name, by its dotted path in results.json ({@link Metric}). */
  public static final List<String> METRICS = Arrays.stream(Metric.values())
      .map(Metric::jsonName).toList();
  /** Short names accepted for the consistency metrics, in {@link Metric}'s order. */
  static final List<String> SHORTHANDS = Arrays.stream(Metric.values())
      .map(Metric::shorthand).filter(Objects::nonNull).toList();

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
