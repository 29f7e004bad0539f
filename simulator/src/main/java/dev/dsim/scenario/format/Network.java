package dev.dsim.scenario.format;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.dsim.scenario.Limits;
import java.util.List;

/**
 * The {@code network} object.
 *
 * @param latency one-way latency
 * @param loss loss probability
 * @param duplicate duplication probability
 * @param bandwidth bandwidth of each directed link
 * @param messageSize the size of every message
 * @param corrupt corruption probability
 * @param checksums whether receivers discard corrupt messages
 * @param links links configured apart
 */
@JsonClassDescription("The network between all nodes, and links configured apart.")
public record Network(
    @JsonProperty(defaultValue = "0s")
    @JsonPropertyDescription("One-way latency of each message, a duration or distribution.")
    @Schema.Examples("{\"dist\": \"lognormal\", \"median\": \"0.5ms\", \"p99\": \"4ms\"}")
    Distribution latency,
    @JsonPropertyDescription("Probability that a message is lost.")
    Probability loss,
    @JsonPropertyDescription("Probability that a message is delivered twice.")
    Probability duplicate,
    @JsonPropertyDescription("Bandwidth of each directed link (default unlimited); each "
        + "serialises one message at a time.")
    Bandwidth bandwidth,
    @JsonProperty(defaultValue = "1KiB")
    @JsonPropertyDescription("The size of every message, at most 2GiB.")
    Size messageSize,
    @JsonPropertyDescription("Probability that a message has bits flipped in flight.")
    Probability corrupt,
    @JsonProperty(defaultValue = "false")
    @JsonPropertyDescription("Receivers discard corrupt messages instead of taking them as fine.")
    Boolean checksums,
    @JsonPropertyDescription("Links with their own latency, bandwidth or loss, e.g. a slow "
        + "cross-zone link.")
    @Schema.Count(max = Limits.LINKS)
    List<Link> links) {}
