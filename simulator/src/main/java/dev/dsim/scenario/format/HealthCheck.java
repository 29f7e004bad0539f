package dev.dsim.scenario.format;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * A load balancer's {@code healthCheck} or a kv tier's {@code heartbeat}.
 *
 * @param interval how often to check
 * @param timeout how long a silence means down
 */
@JsonClassDescription("Periodic liveness checks: ping every interval; a node silent for longer "
    + "than the timeout is taken to be down, and back when it answers.")
@Schema.Examples("{\"interval\": \"1s\", \"timeout\": \"3s\"}")
public record HealthCheck(
    @JsonProperty(required = true) @JsonPropertyDescription("How often to check.")
    @Schema.Examples({"\"250ms\"", "\"1s\""})
    PositiveDuration interval,
    @JsonProperty(required = true)
    @JsonPropertyDescription("How long a silence means down; at least the interval, typically a "
        + "few intervals.")
    @Schema.Examples({"\"1s\"", "\"3s\""})
    PositiveDuration timeout) {}
