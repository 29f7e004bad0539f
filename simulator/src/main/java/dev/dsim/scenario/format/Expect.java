package dev.dsim.scenario.format;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.dsim.scenario.Limits;

/**
 * The {@code expect} object: one optional condition per metric of results.json, by its dotted
 * name, and the consistency shorthands. The names are {@code Expectation.METRICS} and {@code
 * SHORTHANDS}; ScenarioSchemaTest checks that they stay the same.
 */
@JsonClassDescription("What a run must show: metric of results.json by its dotted name -> "
    + "condition. A run whose expectation fails exits 1.")
@Schema.Examples("{\"availability\": \">= 0.999\", \"lostWrites\": \"== 0\", \"latencyMs.p99\": "
    + "\"< 200\"}")
// ExpectBinder: at most Limits.EXPECTATIONS expectations (more than the metrics: a limit
// on the JSON object before its keys are checked).
@Schema.Rule("{\"maxProperties\": " + Limits.EXPECTATIONS + "}")
public record Expect(
    @JsonPropertyDescription("Fraction of requests in the measured window that succeeded.")
    Condition availability,
    @JsonPropertyDescription("Successful requests per second.")
    Condition throughput,
    @JsonProperty("latencyMs.mean")
    @JsonPropertyDescription("Mean latency of successful requests, ms.")
    Condition latencyMsMean,
    @JsonProperty("latencyMs.p50") @JsonPropertyDescription("Median latency, ms.")
    Condition latencyMsP50,
    @JsonProperty("latencyMs.p90") @JsonPropertyDescription("90th percentile latency, ms.")
    Condition latencyMsP90,
    @JsonProperty("latencyMs.p99") @JsonPropertyDescription("99th percentile latency, ms.")
    Condition latencyMsP99,
    @JsonProperty("latencyMs.p999") @JsonPropertyDescription("99.9th percentile latency, ms.")
    Condition latencyMsP999,
    @JsonProperty("latencyMs.max") @JsonPropertyDescription("Largest latency, ms.")
    Condition latencyMsMax,
    @JsonProperty("requests.total") @JsonPropertyDescription("Requests sent.")
    Condition requestsTotal,
    @JsonProperty("requests.ok") @JsonPropertyDescription("Requests that succeeded.")
    Condition requestsOk,
    @JsonProperty("requests.failed") @JsonPropertyDescription("Requests that failed.")
    Condition requestsFailed,
    @JsonProperty("requests.timedOut") @JsonPropertyDescription("Requests that timed out.")
    Condition requestsTimedOut,
    @JsonProperty("requests.corrupt") @JsonPropertyDescription("Replies whose content was wrong.")
    Condition requestsCorrupt,
    @JsonProperty("requests.retries") @JsonPropertyDescription("Retries sent.")
    Condition requestsRetries,
    @JsonProperty("requests.hedges") @JsonPropertyDescription("Hedged copies sent.")
    Condition requestsHedges,
    @JsonProperty("cost.perHour") @JsonPropertyDescription("Price of the nodes per hour.")
    Condition costPerHour,
    @JsonProperty("cost.total") @JsonPropertyDescription("Price of the nodes over the run.")
    Condition costTotal,
    @JsonProperty("consistency.lostWrites")
    @JsonPropertyDescription("Acknowledged writes the final read-back did not find.")
    Condition consistencyLostWrites,
    @JsonProperty("consistency.staleReads")
    @JsonPropertyDescription("Reads that returned an older value than the last acknowledged write.")
    Condition consistencyStaleReads,
    @JsonProperty("consistency.corruptReads")
    @JsonPropertyDescription("Reads that returned a value no client wrote.")
    Condition consistencyCorruptReads,
    @JsonProperty("consistency.unverifiedKeys")
    @JsonPropertyDescription("Keys the checkers could not verify.")
    Condition consistencyUnverifiedKeys,
    @JsonProperty("consistency.linearizable")
    @JsonPropertyDescription("1 when the workload's history is linearizable (each key a "
        + "register), 0 when it is not; an unknown verdict (the checker's budget ran out) meets "
        + "no condition: \"== 1\" requires linearizability.")
    Condition consistencyLinearizable,
    @JsonProperty("consistency.vanishedWrites")
    @JsonPropertyDescription("Acknowledged writes whose value is gone while no write that could "
        + "have replaced it survived (every such write, not only the newest of each key).")
    Condition consistencyVanishedWrites,
    @JsonProperty("consistency.lostWritesCorrupt")
    @JsonPropertyDescription("Lost writes whose key read back a corrupt value (that read-back is "
        + "also one of the corruptReads).")
    Condition consistencyLostWritesCorrupt,
    @JsonProperty("detection.loadBalancer.detections")
    @JsonPropertyDescription("Failures the load balancer's health checks detected.")
    Condition detectionLoadBalancerDetections,
    @JsonProperty("detection.loadBalancer.meanDelayMs")
    @JsonPropertyDescription("Mean delay from a failure to its detection by the load balancer, ms.")
    Condition detectionLoadBalancerMeanDelayMs,
    @JsonProperty("detection.loadBalancer.maxDelayMs")
    @JsonPropertyDescription("Longest such delay, ms.")
    Condition detectionLoadBalancerMaxDelayMs,
    @JsonProperty("detection.loadBalancer.falseSuspicions")
    @JsonPropertyDescription("Live backends the load balancer took out.")
    Condition detectionLoadBalancerFalseSuspicions,
    @JsonProperty("detection.replicas.detections")
    @JsonPropertyDescription("Failures the kv replicas' heartbeats or SWIM detected.")
    Condition detectionReplicasDetections,
    @JsonProperty("detection.replicas.meanDelayMs")
    @JsonPropertyDescription("Mean delay from a failure to its detection by the replicas, ms.")
    Condition detectionReplicasMeanDelayMs,
    @JsonProperty("detection.replicas.maxDelayMs")
    @JsonPropertyDescription("Longest such delay, ms.")
    Condition detectionReplicasMaxDelayMs,
    @JsonProperty("detection.replicas.falseSuspicions")
    @JsonPropertyDescription("Live replicas suspected by their peers.")
    Condition detectionReplicasFalseSuspicions,
    @JsonPropertyDescription("Short for consistency.lostWrites.")
    Condition lostWrites,
    @JsonPropertyDescription("Short for consistency.staleReads.")
    Condition staleReads,
    @JsonPropertyDescription("Short for consistency.corruptReads.")
    Condition corruptReads,
    @JsonPropertyDescription("Short for consistency.linearizable.")
    Condition linearizable) {}
