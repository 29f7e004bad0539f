package dev.dsim.scenario.format;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/**
 * One of the network's {@code links}.
 *
 * @param between the two ends, both directions
 * @param from the sending end
 * @param to the receiving end
 * @param latency latency on this link
 * @param bandwidth bandwidth of this link
 * @param loss loss on this link
 */
@JsonClassDescription("A link configured apart: \"between\" two ends (both directions) or "
    + "\"from\"/\"to\" (one way), with at least one of latency, bandwidth, loss.")
// NetworkBinder: between, or from and to; and a link changes at least one thing.
@Schema.Rule("""
    {"oneOf": [{"required": ["between"], "properties": {"from": false, "to": false}},
               {"required": ["from", "to"], "properties": {"between": false}}],
     "anyOf": [{"required": ["latency"]}, {"required": ["bandwidth"]}, {"required": ["loss"]}]}
    """)
@Schema.Examples("{\"between\": [\"lb\", \"web-3\"], \"latency\": \"10ms\", \"bandwidth\": "
    + "\"1Gbit/s\"}")
public record Link(
    @JsonPropertyDescription("The two ends, each nodes or tiers; both directions.")
    @Schema.Count(min = 2, max = 2) @Schema.Examples("[\"web\", \"db\"]")
    List<FixedTarget> between,
    @JsonPropertyDescription("The sending end (one way).")
    FixedTarget from,
    @JsonPropertyDescription("The receiving end (one way).")
    FixedTarget to,
    @JsonPropertyDescription("Latency on this link, a duration or distribution.")
    Distribution latency,
    @JsonPropertyDescription("Bandwidth of this link.")
    Bandwidth bandwidth,
    @JsonPropertyDescription("Loss on this link.")
    Probability loss) {}
