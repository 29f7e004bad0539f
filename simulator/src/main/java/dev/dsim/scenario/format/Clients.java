package dev.dsim.scenario.format;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.dsim.scenario.Limits;

/**
 * The {@code clients} object: open loop ({@code rate}) or closed loop ({@code users}), the
 * operations, and retries.
 *
 * @param arrival how open-loop requests are spaced
 * @param rate open loop: requests per second, or steps
 * @param users closed loop: how many users
 * @param thinkTime closed loop: the pause between a reply and the next request
 * @param reads the fraction of reads
 * @param keys how many distinct keys
 * @param keyDist how keys are picked
 * @param valueSize the size of each written value
 * @param timeout how long each attempt waits
 * @param retries attempts after a failure
 * @param backoff backoff between retries
 * @param hedge when to send a second copy
 */
@JsonClassDescription("The workload, from node client-1 outside the cluster: open loop (rate) or "
    + "closed loop (users), what the requests ask a key-value tier, and how failures are "
    + "retried.")
@Schema.ExactlyOneOf({"rate", "users"})
// ClientsBinder: arrival goes with rate, thinkTime with users, and retries need a timeout.
@Schema.Rule("""
    {"dependentSchemas": {"users": {"properties": {"arrival": false}},
                          "rate": {"properties": {"thinkTime": false}}},
     "if": {"required": ["retries"], "properties": {"retries": {"minimum": 1}}},
     "then": {"required": ["timeout"]}}""")
@Schema.Examples({"{\"rate\": 100, \"timeout\": \"1s\"}", "{\"users\": 50, \"thinkTime\": \"1s\"}"})
public record Clients(
    @JsonProperty(defaultValue = "poisson")
    @JsonPropertyDescription("How open-loop requests are spaced: a Poisson process or evenly. "
        + "Only with \"rate\".")
    ArrivalProcess arrival,
    @JsonPropertyDescription("Open loop: requests per second (> 0), sent whatever the replies; "
        + "or a list of steps [{\"at\": \"0s\", \"rate\": 100}, {\"at\": \"5m\", \"rate\": 400, "
        + "\"ramp\": true}]. Give exactly one of rate and users.")
    @Schema.Examples({"100", "2000"})
    ClientRate rate,
    @JsonPropertyDescription("Closed loop: this many users, each waiting for its reply (and "
        + "thinkTime) before the next request. Give exactly one of rate and users.")
    @Schema.Min(1) @Schema.Max(Limits.USERS) @Schema.Examples("50")
    Long users,
    @JsonPropertyDescription("Closed loop: the pause between a reply and a user's next request, "
        + "a duration or distribution (default 0). Only with \"users\".")
    Distribution thinkTime,
    @JsonProperty(defaultValue = "0.5")
    @JsonPropertyDescription("The fraction of operations that are reads; the rest are writes.")
    @Schema.Min(0) @Schema.Max(1) @Schema.Examples("0.9")
    Double reads,
    @JsonProperty(defaultValue = "1000")
    @JsonPropertyDescription("How many distinct keys the operations use.")
    @Schema.Min(1) @Schema.Max(Limits.KEYS)
    Long keys,
    @JsonProperty(defaultValue = "uniform")
    @JsonPropertyDescription("How keys are picked: \"uniform\", \"zipf\" (exponent 0.99) or "
        + "{\"dist\": \"zipf\", \"exponent\": 0.99}.")
    @Schema.Examples({"\"uniform\"", "{\"dist\": \"zipf\", \"exponent\": 0.99}"})
    KeyDistribution keyDist,
    @JsonProperty(defaultValue = "1KiB")
    @JsonPropertyDescription("The size of each written value, 1B to 64MiB.")
    Size valueSize,
    @JsonPropertyDescription("How long a client waits for each attempt's reply (default: for "
        + "ever).")
    @Schema.Examples({"\"1s\"", "\"500ms\""})
    PositiveDuration timeout,
    @JsonProperty(defaultValue = "0")
    @JsonPropertyDescription("Attempts after a failure or timeout (needs \"timeout\").")
    @Schema.Min(0) @Schema.Max(100)
    Long retries,
    @JsonPropertyDescription("Exponential backoff between retries, capped, with jitter.")
    Backoff backoff,
    @JsonPropertyDescription("Send a second copy of a request with no reply after this long "
        + "(shorter than the timeout); the first answer wins.")
    @Schema.Examples("\"50ms\"")
    PositiveDuration hedge) {}
