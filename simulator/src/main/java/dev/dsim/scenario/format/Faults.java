package dev.dsim.scenario.format;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.dsim.scenario.Limits;
import java.util.List;

/**
 * The {@code faults} object.
 *
 * @param schedule faults at fixed times
 * @param random the random nemesis
 * @param swarm swarm testing: each run enables a random subset of the random kinds
 * @param drawn what the random nemesis drew in one run, listed by dsim in a resolved scenario
 */
@JsonClassDescription("Faults to inject: a schedule at fixed times, and random ones.")
public record Faults(
    @JsonPropertyDescription("Faults at fixed times (at most 10,000; for more, use random).")
    @Schema.Count(max = Limits.FAULTS)
    List<ScheduledFault> schedule,
    @JsonPropertyDescription(RandomFaults.DESCRIPTION)
    RandomFaults random,
    @JsonProperty(defaultValue = "false")
    @JsonPropertyDescription(Faults.SWARM)
    Boolean swarm,
    @JsonPropertyDescription(DRAWN)
    @Schema.Count(max = Limits.FAULTS)
    List<ScheduledFault> drawn) {
  /** The description of {@code swarm}. */
  public static final String SWARM = "Swarm testing: each run (each seed) enables a random "
      + "subset of the kinds under \"random\", each kind on with probability 1/2 and at least "
      + "one on, drawn from the run's stream \"nemesis/swarm\"; results.json lists the kinds "
      + "enabled and disabled. Needs at least one kind under \"random\"; the schedule is "
      + "untouched.";
  /** The description of {@code drawn}. */
  public static final String DRAWN = "Written by dsim in a resolved scenario "
      + "(scenario.resolved.json): the faults the random nemesis drew in the run, each as a "
      + "schedule entry (the nodes it hit, how long it lasted; the first 10,000). Checked like "
      + "the schedule but not injected: the nemesis draws them again from the seed. To strike "
      + "exactly these instead, move them into schedule and remove random (dsim shrink does).";
}
