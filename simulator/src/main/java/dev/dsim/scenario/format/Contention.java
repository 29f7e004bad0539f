package dev.dsim.scenario.format;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * A tier's {@code contention}.
 *
 * @param alpha contention
 * @param beta coherency
 */
@JsonClassDescription(Tier.CONTENTION)
public record Contention(
    @JsonProperty(defaultValue = "0")
    @JsonPropertyDescription("Contention (serialisation), >= 0.")
    @Schema.Min(0) @Schema.Examples("0.01")
    Double alpha,
    @JsonProperty(defaultValue = "0")
    @JsonPropertyDescription("Coherency (crosstalk), >= 0.")
    @Schema.Min(0) @Schema.Examples("0.0001")
    Double beta) {}
