package dev.dsim.scenario.format;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * The clients' {@code backoff}.
 *
 * @param base the first backoff
 * @param max the cap
 * @param jitter how it is jittered
 */
@JsonClassDescription("Exponential backoff between retries, capped, with jitter.")
public record Backoff(
    @JsonProperty(defaultValue = "10ms") @JsonPropertyDescription("The first backoff.")
    NonNegativeDuration base,
    @JsonProperty(defaultValue = "1s") @JsonPropertyDescription("The cap, >= base.")
    NonNegativeDuration max,
    @JsonProperty(defaultValue = "full")
    @JsonPropertyDescription("full (spreads retries most), equal or none.")
    Jitter jitter) {}
