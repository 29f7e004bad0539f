package dev.dsim.scenario.format;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.dsim.scenario.Limits;

/**
 * The random nemesis, {@code faults.random}: one optional record per fault kind. Each but
 * crash strikes at {@code mtbf} or {@code rate} (exactly one), one target at a time.
 *
 * @param crash random crash faults
 * @param partition random partition faults
 * @param isolate random isolate faults
 * @param slow random slow faults
 * @param degrade random degrade faults
 * @param corrupt random corrupt faults
 * @param clockJump random clockJump faults
 * @param clockDrift random clockDrift faults
 */
@JsonClassDescription(RandomFaults.DESCRIPTION)
@Schema.Examples("{\"crash\": {\"mttf\": \"6h\", \"mttr\": \"10m\"}, \"partition\": {\"mtbf\": "
    + "\"2h\", \"for\": \"1m\"}, \"corrupt\": {\"rate\": \"1/h\"}}")
public record RandomFaults(
    @JsonPropertyDescription("Random crashes: each target fails after an exponential time up and "
        + "is repaired after an exponential time down.")
    RandomCrash crash,
    @JsonPropertyDescription("Random splits of the targets into two groups (at least two nodes).")
    RandomPartition partition,
    @JsonPropertyDescription("Random isolation of one target.")
    RandomIsolate isolate,
    @JsonPropertyDescription("Random slow spells of one target.")
    RandomSlow slow,
    @JsonPropertyDescription("Random degraded links of one target.")
    RandomDegrade degrade,
    @JsonPropertyDescription("Random disk corruption of one target (blocks default 1 when neither "
        + "is given).")
    RandomCorrupt corrupt,
    @JsonPropertyDescription("Random clock jumps of one target.")
    RandomClockJump clockJump,
    @JsonPropertyDescription("Random clock drift of one target.")
    RandomClockDrift clockDrift) {
  /** The description of the random nemesis. */
  public static final String DESCRIPTION = "A nemesis with its own random streams: each kind "
      + "strikes at random times (mtbf or rate), one random target at a time.";
  /** The description of a random fault's {@code rate}. */
  public static final String RATE = "Faults per time: a number per second, or \"N/<duration>\" "
      + "such as \"1/h\", \"6/d\" or \"2/10m\" (the inverse of mtbf).";

  /**
   * {@code random.crash}: random crashes: each target fails after an exponential time up and is
   * repaired after an exponential time down.
   *
   * @param mttf the mttf key
   * @param mttr the mttr key
   * @param targets the targets key
   * @param maxDown the maxDown key
   */
  @JsonClassDescription("Random crashes: each target fails after an exponential time up and is "
      + "repaired after an exponential time down.")
  public record RandomCrash(
      @JsonProperty(required = true)
      @JsonPropertyDescription("Mean time to failure of each node.")
      @Schema.Examples("\"6h\"")
      PositiveDuration mttf,
      @JsonProperty(required = true)
      @JsonPropertyDescription("Mean time to repair (restart).")
      @Schema.Examples("\"10m\"")
      PositiveDuration mttr,
      @JsonPropertyDescription("The nodes or tiers that crash (default every tier); "
          + "\"random:<tier>\" is read as the tier.")
      Target targets,
      @JsonProperty(defaultValue = "1")
      @JsonPropertyDescription("Never more than this many down at once.")
      @Schema.Min(1)
      Long maxDown) {}

  /**
   * {@code random.partition}: random splits of the targets into two groups (at least two nodes).
   *
   * @param mtbf the mtbf key
   * @param rate the rate key
   * @param targets the targets key
   * @param lasting the for key
   */
  @JsonClassDescription("Random splits of the targets into two groups (at least two nodes).")
  @Schema.ExactlyOneOf({"mtbf", "rate"})
  public record RandomPartition(
      @JsonPropertyDescription("Mean time between faults.")
      @Schema.Examples("\"2h\"")
      PositiveDuration mtbf,
      @JsonPropertyDescription(RATE)
      FaultRate rate,
      @JsonPropertyDescription("The nodes or tiers it strikes (default every tier).")
      FixedTarget targets,
      @JsonProperty(value = "for", required = true)
      @JsonPropertyDescription("How long the fault lasts.")
      @Schema.Examples("\"1m\"")
      PositiveDuration lasting) {}

  /**
   * {@code random.isolate}: random isolation of one target.
   *
   * @param mtbf the mtbf key
   * @param rate the rate key
   * @param targets the targets key
   * @param lasting the for key
   */
  @JsonClassDescription("Random isolation of one target.")
  @Schema.ExactlyOneOf({"mtbf", "rate"})
  public record RandomIsolate(
      @JsonPropertyDescription("Mean time between faults.")
      @Schema.Examples("\"2h\"")
      PositiveDuration mtbf,
      @JsonPropertyDescription(RATE)
      FaultRate rate,
      @JsonPropertyDescription("The nodes or tiers it strikes (default every tier).")
      FixedTarget targets,
      @JsonProperty(value = "for", required = true)
      @JsonPropertyDescription("How long the fault lasts.")
      @Schema.Examples("\"1m\"")
      PositiveDuration lasting) {}

  /**
   * {@code random.slow}: random slow spells of one target.
   *
   * @param mtbf the mtbf key
   * @param rate the rate key
   * @param targets the targets key
   * @param lasting the for key
   * @param factor the factor key
   * @param resource the resource key
   */
  @JsonClassDescription("Random slow spells of one target.")
  @Schema.ExactlyOneOf({"mtbf", "rate"})
  public record RandomSlow(
      @JsonPropertyDescription("Mean time between faults.")
      @Schema.Examples("\"2h\"")
      PositiveDuration mtbf,
      @JsonPropertyDescription(RATE)
      FaultRate rate,
      @JsonPropertyDescription("The nodes or tiers it strikes (default every tier).")
      FixedTarget targets,
      @JsonProperty(value = "for", required = true)
      @JsonPropertyDescription("How long the fault lasts.")
      @Schema.Examples("\"1m\"")
      PositiveDuration lasting,
      @JsonProperty(required = true)
      @JsonPropertyDescription(ScheduledFault.FACTOR)
      @Schema.Min(1) @Schema.Examples("10")
      Double factor,
      @JsonProperty(defaultValue = "both")
      @JsonPropertyDescription(ScheduledFault.RESOURCE)
      SlowResource resource) {}

  /**
   * {@code random.degrade}: random degraded links of one target.
   *
   * @param mtbf the mtbf key
   * @param rate the rate key
   * @param targets the targets key
   * @param lasting the for key
   * @param latency the latency key
   * @param loss the loss key
   */
  @JsonClassDescription("Random degraded links of one target.")
  @Schema.ExactlyOneOf({"mtbf", "rate"})
  public record RandomDegrade(
      @JsonPropertyDescription("Mean time between faults.")
      @Schema.Examples("\"2h\"")
      PositiveDuration mtbf,
      @JsonPropertyDescription(RATE)
      FaultRate rate,
      @JsonPropertyDescription("The nodes or tiers it strikes (default every tier).")
      FixedTarget targets,
      @JsonProperty(value = "for", required = true)
      @JsonPropertyDescription("How long the fault lasts.")
      @Schema.Examples("\"1m\"")
      PositiveDuration lasting,
      @JsonProperty(defaultValue = "0s")
      @JsonPropertyDescription(ScheduledFault.EXTRA_LATENCY)
      NonNegativeDuration latency,
      @JsonPropertyDescription(ScheduledFault.EXTRA_LOSS)
      Probability loss) {}

  /**
   * {@code random.corrupt}: random disk corruption of one target (blocks default 1 when neither is
   * given).
   *
   * @param mtbf the mtbf key
   * @param rate the rate key
   * @param targets the targets key
   * @param blocks the blocks key
   * @param sectors the sectors key
   */
  @JsonClassDescription("Random disk corruption of one target (blocks default 1 when neither is "
      + "given).")
  @Schema.ExactlyOneOf({"mtbf", "rate"})
  public record RandomCorrupt(
      @JsonPropertyDescription("Mean time between faults.")
      @Schema.Examples("\"2h\"")
      PositiveDuration mtbf,
      @JsonPropertyDescription(RATE)
      FaultRate rate,
      @JsonPropertyDescription("The nodes or tiers it strikes (default every tier).")
      FixedTarget targets,
      @JsonPropertyDescription(ScheduledFault.BLOCKS)
      @Schema.Min(0)
      Long blocks,
      @JsonProperty(defaultValue = "0")
      @JsonPropertyDescription(ScheduledFault.SECTORS)
      @Schema.Min(0)
      Long sectors) {}

  /**
   * {@code random.clockJump}: random clock jumps of one target.
   *
   * @param mtbf the mtbf key
   * @param rate the rate key
   * @param targets the targets key
   * @param by the by key
   */
  @JsonClassDescription("Random clock jumps of one target.")
  @Schema.ExactlyOneOf({"mtbf", "rate"})
  public record RandomClockJump(
      @JsonPropertyDescription("Mean time between faults.")
      @Schema.Examples("\"2h\"")
      PositiveDuration mtbf,
      @JsonPropertyDescription(RATE)
      FaultRate rate,
      @JsonPropertyDescription("The nodes or tiers it strikes (default every tier).")
      FixedTarget targets,
      @JsonProperty(required = true)
      @JsonPropertyDescription(ScheduledFault.JUMP)
      @Schema.Examples({"\"-2s\"", "\"3s\""})
      Duration by) {}

  /**
   * {@code random.clockDrift}: random clock drift of one target.
   *
   * @param mtbf the mtbf key
   * @param rate the rate key
   * @param targets the targets key
   * @param lasting the for key
   * @param ppm the ppm key
   */
  @JsonClassDescription("Random clock drift of one target.")
  @Schema.ExactlyOneOf({"mtbf", "rate"})
  public record RandomClockDrift(
      @JsonPropertyDescription("Mean time between faults.")
      @Schema.Examples("\"2h\"")
      PositiveDuration mtbf,
      @JsonPropertyDescription(RATE)
      FaultRate rate,
      @JsonPropertyDescription("The nodes or tiers it strikes (default every tier).")
      FixedTarget targets,
      @JsonProperty(value = "for", required = true)
      @JsonPropertyDescription("How long the fault lasts.")
      @Schema.Examples("\"1m\"")
      PositiveDuration lasting,
      @JsonProperty(required = true)
      @JsonPropertyDescription(Clock.DRIFT)
      @Schema.Above(-Limits.DRIFT_PPM) @Schema.Max(Limits.DRIFT_PPM)
      @Schema.Examples("200")
      Double ppm) {}
}
