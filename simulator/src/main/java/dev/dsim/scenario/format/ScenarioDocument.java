package dev.dsim.scenario.format;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.dsim.scenario.Limits;
import java.util.Map;

/**
 * A scenario file, key for key: the root of the document model. Components are in the order
 * the schema lists the keys; a missing key is null (its default is the binder's, stated in
 * {@code defaultValue} for the schema).
 *
 * @param schema the JSON Schema of the file, for editors
 * @param name the scenario's name
 * @param description what the scenario shows
 * @param seed the random seed
 * @param duration how long clients send requests
 * @param warmup the start of the measured window
 * @param network the network
 * @param clients the workload
 * @param loadBalancer the load balancer
 * @param pricing how nodes are priced, and in what currency
 * @param instanceTypes the machines tiers can be made of, by name
 * @param tiers the servers by tier name, in file order
 * @param faults the faults to inject
 * @param expect what a run must show
 * @param variants the variants by name, in file order
 */
@JsonClassDescription("A scenario for dsim, the deterministic distributed-systems simulator: the "
    + "workload, the tiers of servers, the network, the faults to inject, what the run must "
    + "show, and variants to compare. Unknown keys are errors.")
public record ScenarioDocument(
    @JsonProperty("$schema")
    @JsonPropertyDescription("The JSON Schema of this file, for editors; dsim ignores it.")
    @Schema.Examples("\"./scenario.schema.json\"")
    String schema,
    @JsonProperty(required = true)
    @JsonPropertyDescription("The scenario's name; it names the reports directory.")
    @Schema.Examples("\"web-kv\"")
    Name name,
    @JsonPropertyDescription("What the scenario shows, in prose.")
    @Schema.MaxLength(Limits.STRING_CHARS)
    String description,
    @JsonProperty(defaultValue = "1")
    @JsonPropertyDescription("The random seed: the same seed gives the same run.")
    @Schema.Examples("42")
    Long seed,
    @JsonProperty(required = true) @JsonPropertyDescription("How long clients send requests.")
    @Schema.Examples({"\"10m\"", "\"30s\""})
    PositiveDuration duration,
    @JsonProperty(defaultValue = "0s")
    @JsonPropertyDescription("The start of the measured window (warmup..duration); shorter "
        + "than duration.")
    @Schema.Examples("\"1m\"")
    NonNegativeDuration warmup,
    @JsonPropertyDescription("The network between all nodes, and links configured apart.")
    Network network,
    @JsonPropertyDescription("The workload, from node client-1 outside the cluster: open loop "
        + "(rate) or closed loop (users), what the requests ask a key-value tier, and how "
        + "failures are retried. Optional: without it nothing is requested, and a system of "
        + "\"process\" tiers drives itself.")
    Clients clients,
    @JsonPropertyDescription("The load balancer in front of the first tier (node \"lb\", or "
        + "lb-1 ... lb-n).")
    LoadBalancer loadBalancer,
    @JsonPropertyDescription("How nodes are priced and in what currency: the rule for a node "
        + "that gives no price of its own.")
    Pricing pricing,
    @JsonPropertyDescription("Machines tiers can be made of, by name (\"instance\": \"<name>\" "
        + "in a tier): declared once, used by any tier. At most 100.")
    @Schema.Count(max = Limits.TIERS)
    @Schema.Rule("""
        {"propertyNames": {"$ref": "#/$defs/name"}}""")
    @Schema.Examples("{\"small\": {\"cores\": 2, \"memory\": \"8GiB\", \"price\": 0.096}, "
        + "\"large\": {\"cores\": 16, \"memory\": \"64GiB\", \"price\": 0.768}}")
    Map<String, InstanceType> instanceTypes,
    @JsonProperty(required = true)
    @JsonPropertyDescription("The servers, keyed by tier name; nodes are named <tier>-<n> from "
        + "1. The first tier sits behind the load balancer. At most 100 tiers, and 200,000 "
        + "nodes in all (client and load balancers included); no tier may be named client or "
        + "lb.")
    @Schema.Count(min = 1, max = Limits.TIERS)
    // ScenarioBinder: tier names are names, and client and lb name other nodes.
    @Schema.Rule("""
        {"propertyNames": {"$ref": "#/$defs/name", "not": {"enum": ["client", "lb"]}}}""")
    @Schema.Examples("{\"web\": {\"kind\": \"stateless\", \"nodes\": 3, \"work\": \"5ms\"}}")
    Map<String, Tier> tiers,
    @JsonPropertyDescription("Faults to inject: a schedule at fixed times, and random ones.")
    Faults faults,
    @JsonPropertyDescription("What a run must show: metric of results.json by its dotted name "
        + "-> condition. A run whose expectation fails exits 1.")
    Expect expect,
    @JsonPropertyDescription("Named variants of the scenario, each a JSON Merge Patch (RFC 7386) "
        + "of it: objects merge key by key, null deletes, anything else replaces. \"base\" is "
        + "reserved for the scenario without a variant. At most 2,000 variants.")
    @Schema.Count(max = Limits.VARIANTS)
    // ScenarioBinder: variant names are names, "base" is the scenario itself, and a variant
    // cannot change the variants.
    @Schema.Rule("""
        {"propertyNames": {"pattern": "^[A-Za-z0-9][A-Za-z0-9_-]*$", "not": {"const": "base"},
                           "maxLength": 64}}""")
    @Schema.Examples("{\"scale-out\": {}, \"scale-up\": {\"tiers\": {\"web\": {\"nodes\": 1, "
        + "\"cores\": 32}}}}")
    Map<String, VariantPatch> variants) {}
