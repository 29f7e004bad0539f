package dev.dsim.scenario.format;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A duration distribution: a bare duration (a constant), or an object named by its {@code
 * "dist"} with that distribution's own parameters. Sampling is the engine's ({@code
 * dev.dsim.engine.Distribution}); this is only the document's shape.
 */
@JsonClassDescription("A duration distribution: a bare duration (a constant), or {\"dist\": ...} "
    + "with constant (value), exponential (mean), uniform (min, max), normal (mean, stddev; "
    + "clamped at 0), lognormal (median, p99) or pareto (scale, shape).")
@Schema.Examples({"\"8ms\"", "{\"dist\": \"exponential\", \"mean\": \"8ms\"}",
    "{\"dist\": \"lognormal\", \"median\": \"0.5ms\", \"p99\": \"4ms\"}"})
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "dist")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Distribution.ConstantDistribution.class, name = "constant"),
    @JsonSubTypes.Type(value = Distribution.ExponentialDistribution.class, name = "exponential"),
    @JsonSubTypes.Type(value = Distribution.UniformDistribution.class, name = "uniform"),
    @JsonSubTypes.Type(value = Distribution.NormalDistribution.class, name = "normal"),
    @JsonSubTypes.Type(value = Distribution.LognormalDistribution.class, name = "lognormal"),
    @JsonSubTypes.Type(value = Distribution.ParetoDistribution.class, name = "pareto")})
public sealed interface Distribution permits NonNegativeDuration,
    Distribution.ConstantDistribution, Distribution.ExponentialDistribution,
    Distribution.UniformDistribution, Distribution.NormalDistribution,
    Distribution.LognormalDistribution, Distribution.ParetoDistribution {

  /** {@code {"dist": "constant", "value": ...}}. @param value the value */
  @JsonClassDescription("Always the same value.")
  record ConstantDistribution(
      @JsonProperty(required = true) @JsonPropertyDescription("The value.")
      NonNegativeDuration value) implements Distribution {}

  /** {@code {"dist": "exponential", "mean": ...}}. @param mean the mean */
  @JsonClassDescription("Exponential (memoryless) with the given mean.")
  record ExponentialDistribution(
      @JsonProperty(required = true) @JsonPropertyDescription("The mean.")
      PositiveDuration mean) implements Distribution {}

  /**
   * {@code {"dist": "uniform", "min": ..., "max": ...}}.
   *
   * @param min the smallest value
   * @param max the largest value
   */
  @JsonClassDescription("Uniform between min and max (max >= min).")
  record UniformDistribution(
      @JsonProperty(required = true) @JsonPropertyDescription("The smallest value.")
      NonNegativeDuration min,
      @JsonProperty(required = true) @JsonPropertyDescription("The largest value, >= min.")
      NonNegativeDuration max) implements Distribution {}

  /**
   * {@code {"dist": "normal", "mean": ..., "stddev": ...}}.
   *
   * @param mean the mean
   * @param stddev the standard deviation
   */
  @JsonClassDescription("Normal, clamped at zero.")
  record NormalDistribution(
      @JsonProperty(required = true) @JsonPropertyDescription("The mean.")
      NonNegativeDuration mean,
      @JsonProperty(required = true) @JsonPropertyDescription("The standard deviation.")
      NonNegativeDuration stddev) implements Distribution {}

  /**
   * {@code {"dist": "lognormal", "median": ..., "p99": ...}}.
   *
   * @param median the median
   * @param p99 the 99th percentile
   */
  @JsonClassDescription("Lognormal given its median and its 99th percentile (p99 > median).")
  record LognormalDistribution(
      @JsonProperty(required = true) @JsonPropertyDescription("The median (50th percentile).")
      PositiveDuration median,
      @JsonProperty(required = true) @JsonPropertyDescription("The 99th percentile, > median.")
      PositiveDuration p99) implements Distribution {}

  /**
   * {@code {"dist": "pareto", "scale": ..., "shape": ...}}.
   *
   * @param scale the minimum value
   * @param shape the tail index
   */
  @JsonClassDescription("Pareto (heavy tail) with minimum scale and tail index shape.")
  record ParetoDistribution(
      @JsonProperty(required = true) @JsonPropertyDescription("The minimum value.")
      PositiveDuration scale,
      @JsonProperty(required = true)
      @JsonPropertyDescription("The tail index, > 0 (the mean is infinite when <= 1).")
      @Schema.Above(0) @Schema.Examples("1.5")
      Double shape) implements Distribution {}
}
