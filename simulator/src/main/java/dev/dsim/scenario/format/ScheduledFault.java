package dev.dsim.scenario.format;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.dsim.scenario.Limits;
import java.util.List;

/**
 * One entry of the fault {@code schedule}: {@code "at"} and exactly one kind key (crash,
 * partition, ...) naming the targets, with that kind's own keys. The kind is told by which key
 * is present, not by a {@code "kind"} value, hence Jackson's deduction; each kind's key is
 * required in its record and in no other, so at most one record matches.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
@JsonSubTypes({
    @JsonSubTypes.Type(ScheduledFault.CrashFault.class),
    @JsonSubTypes.Type(ScheduledFault.PartitionFault.class),
    @JsonSubTypes.Type(ScheduledFault.IsolateFault.class),
    @JsonSubTypes.Type(ScheduledFault.SlowFault.class),
    @JsonSubTypes.Type(ScheduledFault.DegradeFault.class),
    @JsonSubTypes.Type(ScheduledFault.CorruptFault.class),
    @JsonSubTypes.Type(ScheduledFault.ClockJumpFault.class),
    @JsonSubTypes.Type(ScheduledFault.ClockDriftFault.class)})
@JsonClassDescription("One fault at a given time: \"at\" and exactly one of the kinds crash, "
    + "partition, isolate, slow, degrade, corrupt, clockJump, clockDrift, with that kind's keys.")
@Schema.Examples({"{\"at\": \"5m\", \"crash\": \"web-2\", \"restartAfter\": \"2m\"}",
    "{\"at\": \"10m\", \"partition\": [[\"db-1\"], [\"db-2\", \"db-3\"]], \"for\": \"1m\"}"})
public sealed interface ScheduledFault permits ScheduledFault.CrashFault,
    ScheduledFault.PartitionFault, ScheduledFault.IsolateFault, ScheduledFault.SlowFault,
    ScheduledFault.DegradeFault, ScheduledFault.CorruptFault, ScheduledFault.ClockJumpFault,
    ScheduledFault.ClockDriftFault {
  /** The description of {@code at}. */
  String AT = "When the fault strikes, from the start of the run.";
  /** The description of a scheduled fault's {@code for}. */
  String FOR = "How long the fault lasts (default: never heals).";
  /** The description of a slow fault's {@code factor}. */
  String FACTOR = "How many times slower, a number >= 1.";
  /** The description of a slow fault's {@code resource}. */
  String RESOURCE = "What is slowed: cpu, disk or both.";
  /** The description of a degrade fault's {@code latency}. */
  String EXTRA_LATENCY = "Extra latency on each message.";
  /** The description of a degrade fault's {@code loss}. */
  String EXTRA_LOSS = "Extra loss on each message.";
  /** The description of a corrupt fault's {@code blocks}. */
  String BLOCKS = "Flip a bit in this many stored blocks.";
  /** The description of a corrupt fault's {@code sectors}. */
  String SECTORS = "Make this many stored blocks unreadable until rewritten.";
  /** The description of a clock jump's {@code by}. */
  String JUMP = "How far the clocks jump (negative: backwards).";

  /**
   * {@code "crash"}: crash nodes (processes stop, unsynced writes are lost).
   *
   * @param at the at key
   * @param crash the crash key
   * @param restartAfter the restartAfter key
   * @param wipe the wipe key
   */
  @JsonClassDescription("Crash nodes (processes stop, unsynced writes are lost).")
  record CrashFault(
      @JsonProperty(required = true)
      @JsonPropertyDescription(AT)
      @Schema.Examples("\"5m\"")
      NonNegativeDuration at,
      @JsonProperty(required = true)
      @JsonPropertyDescription("The nodes to crash.")
      Target crash,
      @JsonPropertyDescription("Restart after this long (default: never).")
      NonNegativeDuration restartAfter,
      @JsonProperty(defaultValue = "false")
      @JsonPropertyDescription("The disk is lost too: the node restarts empty.")
      Boolean wipe) implements ScheduledFault {}

  /**
   * {@code "partition"}: split the network into groups that cannot reach each other; a node in no
   * group still reaches everyone.
   *
   * @param at the at key
   * @param partition the partition key
   * @param lasting the for key
   * @param oneWay the oneWay key
   */
  @JsonClassDescription("Split the network into groups that cannot reach each other; a node in no "
      + "group still reaches everyone.")
  record PartitionFault(
      @JsonProperty(required = true)
      @JsonPropertyDescription(AT)
      @Schema.Examples("\"5m\"")
      NonNegativeDuration at,
      @JsonProperty(required = true)
      @JsonPropertyDescription("At least two groups of nodes or tiers.")
      @Schema.Count(min = 2, max = Limits.PARTITION_GROUPS)
      @Schema.Examples("[[\"db-1\"], [\"db-2\", \"db-3\"]]")
      List<Target> partition,
      @JsonProperty("for")
      @JsonPropertyDescription(FOR)
      @Schema.Examples("\"1m\"")
      PositiveDuration lasting,
      @JsonProperty(defaultValue = "false")
      @JsonPropertyDescription("Cut only the direction from the first group to the others.")
      Boolean oneWay) implements ScheduledFault {}

  /**
   * {@code "isolate"}: cut nodes off from everyone.
   *
   * @param at the at key
   * @param isolate the isolate key
   * @param lasting the for key
   */
  @JsonClassDescription("Cut nodes off from everyone.")
  record IsolateFault(
      @JsonProperty(required = true)
      @JsonPropertyDescription(AT)
      @Schema.Examples("\"5m\"")
      NonNegativeDuration at,
      @JsonProperty(required = true)
      @JsonPropertyDescription("The nodes to cut off.")
      Target isolate,
      @JsonProperty("for")
      @JsonPropertyDescription(FOR)
      @Schema.Examples("\"1m\"")
      PositiveDuration lasting) implements ScheduledFault {}

  /**
   * {@code "slow"}: a gray failure: nodes run slower.
   *
   * @param at the at key
   * @param slow the slow key
   * @param factor the factor key
   * @param lasting the for key
   * @param resource the resource key
   */
  @JsonClassDescription("A gray failure: nodes run slower.")
  record SlowFault(
      @JsonProperty(required = true)
      @JsonPropertyDescription(AT)
      @Schema.Examples("\"5m\"")
      NonNegativeDuration at,
      @JsonProperty(required = true)
      @JsonPropertyDescription("The nodes to slow down.")
      Target slow,
      @JsonProperty(required = true)
      @JsonPropertyDescription(FACTOR)
      @Schema.Min(1) @Schema.Examples("10")
      Double factor,
      @JsonProperty("for")
      @JsonPropertyDescription(FOR)
      @Schema.Examples("\"1m\"")
      PositiveDuration lasting,
      @JsonProperty(defaultValue = "both")
      @JsonPropertyDescription(RESOURCE)
      SlowResource resource) implements ScheduledFault {}

  /**
   * {@code "degrade"}: extra latency and loss on the nodes' links.
   *
   * @param at the at key
   * @param degrade the degrade key
   * @param latency the latency key
   * @param loss the loss key
   * @param lasting the for key
   */
  @JsonClassDescription("Extra latency and loss on the nodes' links.")
  record DegradeFault(
      @JsonProperty(required = true)
      @JsonPropertyDescription(AT)
      @Schema.Examples("\"5m\"")
      NonNegativeDuration at,
      @JsonProperty(required = true)
      @JsonPropertyDescription("The nodes whose links degrade.")
      Target degrade,
      @JsonProperty(defaultValue = "0s")
      @JsonPropertyDescription(EXTRA_LATENCY)
      NonNegativeDuration latency,
      @JsonPropertyDescription(EXTRA_LOSS)
      Probability loss,
      @JsonProperty("for")
      @JsonPropertyDescription(FOR)
      @Schema.Examples("\"1m\"")
      PositiveDuration lasting) implements ScheduledFault {}

  /**
   * {@code "corrupt"}: damage stored blocks or messages: give blocks, sectors or messages.
   *
   * @param at the at key
   * @param corrupt the corrupt key
   * @param blocks the blocks key
   * @param sectors the sectors key
   * @param messages the messages key
   * @param lasting the for key
   */
  @JsonClassDescription("Damage stored blocks or messages: give blocks, sectors or messages.")
  // FaultsBinder: a corruption damages something, and only message damage heals.
  @Schema.Rule("""
      {"anyOf": [{"required": ["blocks"], "properties": {"blocks": {"exclusiveMinimum": 0}}},
               {"required": ["sectors"], "properties": {"sectors": {"exclusiveMinimum": 0}}},
               {"required": ["messages"], "properties": {"messages": {"exclusiveMinimum": 0}}}],
       "dependentRequired": {"for": ["messages"]}}""")
  record CorruptFault(
      @JsonProperty(required = true)
      @JsonPropertyDescription(AT)
      @Schema.Examples("\"5m\"")
      NonNegativeDuration at,
      @JsonProperty(required = true)
      @JsonPropertyDescription("The nodes to corrupt.")
      Target corrupt,
      @JsonProperty(defaultValue = "0")
      @JsonPropertyDescription(BLOCKS)
      @Schema.Min(0)
      Long blocks,
      @JsonProperty(defaultValue = "0")
      @JsonPropertyDescription(SECTORS)
      @Schema.Min(0)
      Long sectors,
      @JsonPropertyDescription("Damage messages to and from the nodes with this probability (heals "
          + "after \"for\").")
      Probability messages,
      @JsonProperty("for")
      @JsonPropertyDescription(FOR)
      @Schema.Examples("\"1m\"")
      PositiveDuration lasting) implements ScheduledFault {}

  /**
   * {@code "clockJump"}: jump the nodes' clocks.
   *
   * @param at the at key
   * @param clockJump the clockJump key
   * @param by the by key
   */
  @JsonClassDescription("Jump the nodes' clocks.")
  record ClockJumpFault(
      @JsonProperty(required = true)
      @JsonPropertyDescription(AT)
      @Schema.Examples("\"5m\"")
      NonNegativeDuration at,
      @JsonProperty(required = true)
      @JsonPropertyDescription("The nodes whose clocks jump.")
      Target clockJump,
      @JsonProperty(required = true)
      @JsonPropertyDescription(JUMP)
      @Schema.Examples({"\"-2s\"", "\"3s\""})
      Duration by) implements ScheduledFault {}

  /**
   * {@code "clockDrift"}: make the nodes' clocks drift.
   *
   * @param at the at key
   * @param clockDrift the clockDrift key
   * @param ppm the ppm key
   * @param lasting the for key
   */
  @JsonClassDescription("Make the nodes' clocks drift.")
  record ClockDriftFault(
      @JsonProperty(required = true)
      @JsonPropertyDescription(AT)
      @Schema.Examples("\"5m\"")
      NonNegativeDuration at,
      @JsonProperty(required = true)
      @JsonPropertyDescription("The nodes whose clocks drift.")
      Target clockDrift,
      @JsonProperty(required = true)
      @JsonPropertyDescription(Clock.DRIFT)
      @Schema.Above(-Limits.DRIFT_PPM) @Schema.Max(Limits.DRIFT_PPM)
      @Schema.Examples("200")
      Double ppm,
      @JsonProperty("for")
      @JsonPropertyDescription(FOR)
      @Schema.Examples("\"1m\"")
      PositiveDuration lasting) implements ScheduledFault {}
}
