package dev.dsim.scenario.format;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.dsim.scenario.Limits;

/**
 * One of the scenario's {@code instanceTypes}: a machine a tier can be made of, by name.
 *
 * @param cores cores per node
 * @param speed work units per second per core
 * @param memory the machine's memory
 * @param price its price per hour
 */
@JsonClassDescription("A machine tiers can be made of (\"instance\": \"<name>\"): its cores, "
    + "their speed, its memory and its price per hour (by default the pricing rule's).")
@Schema.Examples("{\"cores\": 4, \"memory\": \"16GiB\", \"price\": 0.192}")
public record InstanceType(
    @JsonProperty(required = true)
    @JsonPropertyDescription("Cores per node.")
    @Schema.Min(1) @Schema.Max(Limits.CORES)
    Long cores,
    @JsonProperty(defaultValue = "1.0")
    @JsonPropertyDescription("Work units per second per core.")
    @Schema.Above(0)
    Double speed,
    @JsonPropertyDescription("The machine's memory (default 4 GiB per core); it prices the "
        + "machine and nothing else: dsim does not model memory pressure.")
    Size memory,
    @JsonPropertyDescription("The price per hour of one such machine (default: the pricing "
        + "rule's, from cores, speed and memory).")
    @Schema.Min(0)
    Double price) {}
