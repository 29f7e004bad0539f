package dev.dsim.scenario.format;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.dsim.scenario.Limits;

/**
 * The {@code loadBalancer} object.
 *
 * @param policy how it picks a backend
 * @param healthCheck health checks of the backends
 * @param nodes how many balancers
 */
@JsonClassDescription("The load balancer in front of the first tier (node \"lb\", or lb-1 ... "
    + "lb-n).")
@Schema.Examples("{\"policy\": \"least-outstanding\", \"healthCheck\": {\"interval\": \"1s\", "
    + "\"timeout\": \"3s\"}}")
public record LoadBalancer(
    @JsonProperty(defaultValue = "round-robin")
    @JsonPropertyDescription("How it picks a backend: round-robin, random, least-outstanding "
        + "(the fewest requests in flight) or power-of-two-choices (the less loaded of two "
        + "random backends).")
    BalancerPolicy policy,
    @JsonPropertyDescription("Health checks of the backends (default none: a dead backend keeps "
        + "getting its share).")
    HealthCheck healthCheck,
    @JsonProperty(defaultValue = "1")
    @JsonPropertyDescription("How many balancers: 1 is a single point of failure named \"lb\"; "
        + "with more, lb-1 ... lb-n, and a client sends each retry to the next.")
    @Schema.Min(1) @Schema.Max(Limits.LOAD_BALANCERS)
    Long nodes) {}
