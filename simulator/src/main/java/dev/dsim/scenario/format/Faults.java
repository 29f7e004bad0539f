package dev.dsim.scenario.format;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.dsim.scenario.Limits;
import java.util.List;

/**
 * The {@code faults} object.
 *
 * @param schedule faults at fixed times
 * @param random the random nemesis
 */
@JsonClassDescription("Faults to inject: a schedule at fixed times, and random ones.")
public record Faults(
    @JsonPropertyDescription("Faults at fixed times (at most 10,000; for more, use random).")
    @Schema.Count(max = Limits.FAULTS)
    List<ScheduledFault> schedule,
    @JsonPropertyDescription(RandomFaults.DESCRIPTION)
    RandomFaults random) {}
