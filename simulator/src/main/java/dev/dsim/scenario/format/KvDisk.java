package dev.dsim.scenario.format;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * The {@code disk} of a kv tier: no {@code checksums}, which the tier's own {@code checksums}
 * sets for blocks and messages alike (KvBinder rejects it here).
 *
 * @param read the read key
 * @param write the write key
 * @param fsync the fsync key
 * @param capacity the capacity key
 * @param tornWrites the tornWrites key
 */
@JsonClassDescription(Tier.DISK)
public record KvDisk(
    @JsonProperty(defaultValue = "100us")
    @JsonPropertyDescription("Time of one read, a duration or distribution.")
    Distribution read,
    @JsonProperty(defaultValue = "200us")
    @JsonPropertyDescription("Time of one write, a duration or distribution.")
    Distribution write,
    @JsonProperty(defaultValue = "1ms")
    @JsonPropertyDescription("Time of one fsync, a duration or distribution.")
    Distribution fsync,
    @JsonPropertyDescription("Capacity (default unlimited); a full disk fails writes.")
    Size capacity,
    @JsonProperty(defaultValue = "false")
    @JsonPropertyDescription("A crash can leave the last unsynced write half-written.")
    Boolean tornWrites) {}
