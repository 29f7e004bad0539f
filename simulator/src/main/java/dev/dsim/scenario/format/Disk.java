package dev.dsim.scenario.format;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * The {@code disk} of a stateless, static or process tier.
 *
 * @param read the read key
 * @param write the write key
 * @param fsync the fsync key
 * @param capacity the capacity key
 * @param checksums the checksums key
 * @param tornWrites the tornWrites key
 */
@JsonClassDescription(Tier.DISK)
public record Disk(
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
    @JsonPropertyDescription("Per-block CRC32C verified on read (not on kv tiers: they use the "
        + "tier's \"checksums\").")
    Boolean checksums,
    @JsonProperty(defaultValue = "false")
    @JsonPropertyDescription("A crash can leave the last unsynced write half-written.")
    Boolean tornWrites) {}
