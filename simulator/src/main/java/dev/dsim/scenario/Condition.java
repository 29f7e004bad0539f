package dev.dsim.scenario;

import java.util.Objects;

/**
 * The condition of an expectation, for the typed builder: {@link Build#atLeast atLeast(0.99)}
 * writes {@code ">= 0.99"}, as a file would. The threshold is written in the shortest plain
 * decimal that reads back as the same double ({@code 200}, not {@code 200.0}).
 *
 * @param comparison how the metric is compared
 * @param threshold the number it is compared with (finite)
 */
public record Condition(Expectation.Comparison comparison, double threshold) {
  public Condition {
    Objects.requireNonNull(comparison, "comparison");
    if (!Double.isFinite(threshold)) {
      throw new IllegalArgumentException("a threshold is a finite number, got " + threshold);
    }
  }

  /** The condition as the format writes it: {@code ">= 0.99"}. */
  public String text() {
    return comparison.symbol() + " " + BuilderJson.plain(threshold);
  }

  @Override
  public String toString() {
    return text();
  }
}
