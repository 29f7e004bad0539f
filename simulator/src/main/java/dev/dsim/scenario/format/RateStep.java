package dev.dsim.scenario.format;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * One step of a rate schedule.
 *
 * @param at when the step starts
 * @param rate requests per second from then on
 * @param ramp reach the rate linearly
 */
@JsonClassDescription("One step of a rate schedule: from 'at' on, clients send 'rate' requests "
    + "per second.")
public record RateStep(
    @JsonProperty(required = true)
    @JsonPropertyDescription("When the step starts; the first step is at \"0s\", later ones in "
        + "increasing order and before the end of the run.")
    NonNegativeDuration at,
    @JsonProperty(required = true)
    @JsonPropertyDescription("Requests per second from this step on, >= 0 (0 pauses).")
    @Schema.Min(0)
    Double rate,
    @JsonProperty(defaultValue = "false")
    @JsonPropertyDescription("Reach this rate linearly from the previous step's instead of "
        + "jumping to it (not on the first step).")
    Boolean ramp) {}
