package dev.dsim.scenario.format;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.dsim.scenario.Limits;

/**
 * A tier's {@code clock}.
 *
 * @param offset how far off true time the clocks start
 * @param driftPpm drift in parts per million
 */
@JsonClassDescription(Tier.CLOCK)
public record Clock(
    @JsonProperty(defaultValue = "0s")
    @JsonPropertyDescription("How far off true time the clocks start (negative: behind).")
    Duration offset,
    @JsonProperty(defaultValue = "0")
    @JsonPropertyDescription(DRIFT)
    @Schema.Above(-Limits.DRIFT_PPM) @Schema.Max(Limits.DRIFT_PPM)
    Double driftPpm) {
  /** The description of a drift in ppm, here and on clock drift faults. */
  public static final String DRIFT = "Drift in parts per million (positive: runs fast), > "
      + "-1000000.";
}
