package dev.dsim.scenario.format;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * A kv tier's {@code swim}: failure detection by the SWIM protocol
 * ({@link dev.dsim.service.swim.SwimDetector}).
 *
 * @param period the protocol period
 * @param probeTimeout how long a direct ping waits
 * @param indirectProbes members asked to ping on the prober's behalf
 */
@JsonClassDescription("SWIM failure detection: each period every node pings one other (a random "
    + "round-robin), asks a few others to ping it when it does not answer within the probe "
    + "timeout, and suspects it when nobody reached it by the end of the period; suspicions and "
    + "refutations spread on the pings themselves. Messages per node are constant in the tier's "
    + "size, where heartbeats go to every peer; detection takes a few periods to reach everyone.")
@Schema.Examples("{\"period\": \"500ms\", \"probeTimeout\": \"100ms\", \"indirectProbes\": 3}")
public record Swim(
    @JsonProperty(required = true)
    @JsonPropertyDescription("The protocol period: each node probes one other per period.")
    @Schema.Examples({"\"200ms\"", "\"1s\""})
    PositiveDuration period,
    @JsonPropertyDescription("How long a direct ping waits for its answer before others are asked "
        + "to ping; shorter than the period (default a fifth of it).")
    @Schema.Examples({"\"40ms\"", "\"200ms\""})
    PositiveDuration probeTimeout,
    @JsonProperty(defaultValue = "3")
    @JsonPropertyDescription("How many other nodes ping an unanswering node on the prober's "
        + "behalf, so one bad link does not make a node suspect another; 0 for none.")
    @Schema.Min(0) @Schema.Max(dev.dsim.service.swim.SwimConfig.MAX_INDIRECT_PROBES)
    Long indirectProbes) {}
