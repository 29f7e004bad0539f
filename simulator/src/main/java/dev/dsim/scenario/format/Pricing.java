package dev.dsim.scenario.format;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.dsim.scenario.Limits;

/**
 * The scenario's {@code pricing}: the currency costs are in, and the rule that prices a node a
 * tier does not price itself.
 *
 * @param currency the currency every price is in
 * @param perNode the fixed price of a node per hour
 * @param perCoreHour the price of one core of speed 1 per hour
 * @param perGiBHour the price of one GiB of memory per hour
 */
@JsonClassDescription("How nodes are priced: a node without its own price (or instance type) "
    + "costs perNode + perCoreHour x cores x speed + perGiBHour x memory in GiB, per hour. "
    + "The defaults (0.01 + 0.032 per core + 0.0045 per GiB, with 4 GiB per core) are close to "
    + "on-demand general-purpose cloud instances in USD: 0.05 per core-hour, plus a node's "
    + "fixed share (its operating system, agents, monitoring and care), so that one big "
    + "machine and many small ones of the same cores do not cost the same.")
@Schema.Examples("{\"currency\": \"EUR\", \"perNode\": 0.02, \"perCoreHour\": 0.03, "
    + "\"perGiBHour\": 0.004}")
public record Pricing(
    @JsonProperty(defaultValue = "USD")
    @JsonPropertyDescription("The currency of every price, as reports show it (a code such as "
        + "USD or EUR, or any word).")
    @Schema.MaxLength(Limits.NAME_CHARS) @Schema.Examples({"\"USD\"", "\"EUR\""})
    String currency,
    @JsonProperty(defaultValue = "0.01")
    @JsonPropertyDescription("The fixed price of one node per hour, whatever its size.")
    @Schema.Min(0)
    Double perNode,
    @JsonProperty(defaultValue = "0.032")
    @JsonPropertyDescription("The price of one core of speed 1 per hour (a core of speed 2 "
        + "costs twice that).")
    @Schema.Min(0)
    Double perCoreHour,
    @JsonProperty(defaultValue = "0.0045")
    @JsonPropertyDescription("The price of one GiB of memory per hour.")
    @Schema.Min(0)
    Double perGiBHour) {}
