package dev.dsim.scenario.format;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsim.scenario.Limits;

/**
 * A tier of {@code tiers}, one record per {@code "kind"}, each with only its own keys: the
 * hardware keys every kind has (nodes, cores, speed, work, clock, contention, maxCores, price,
 * memory, instance, disk), then the kind's. Another kind's key is not in the record, so the schema rejects it as
 * the binder does. The shared descriptions are the constants below, so the kinds say the same.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Tier.StatelessTier.class, name = "stateless"),
    @JsonSubTypes.Type(value = Tier.StaticTier.class, name = "static"),
    @JsonSubTypes.Type(value = Tier.KvTier.class, name = "kv"),
    @JsonSubTypes.Type(value = Tier.ProcessTier.class, name = "process")})
@JsonClassDescription("A tier of identical nodes named <tier>-1 ... <tier>-n, by its kind: "
    + "stateless (CPU work only), static (work, then a file read from the node's disk), kv (a "
    + "replicated, sharded key-value store) or process (your own dev.dsim.world.Process class "
    + "on every node). The first tier sits behind the load balancer.")
@Schema.Examples({"{\"kind\": \"stateless\", \"nodes\": 8, \"cores\": 4, \"work\": {\"dist\": "
    + "\"exponential\", \"mean\": \"8ms\"}}", "{\"kind\": \"kv\", \"nodes\": 3, \"replication\": "
    + "3, \"readQuorum\": 2, \"writeQuorum\": 2}"})
public sealed interface Tier permits Tier.StatelessTier, Tier.StaticTier, Tier.KvTier,
    Tier.ProcessTier {
  /** The description of {@code nodes}. */
  String NODES = "How many nodes, named <tier>-1 ... <tier>-n: at most 100,000 (10,000 in a kv "
      + "tier).";
  /** The description of a required {@code work}. */
  String WORK = "The CPU work per request at speed 1, a duration or distribution.";
  /** The description of {@code clock}. */
  String CLOCK = "The nodes' local clocks: processes read them and set timers on them.";
  /** The description of {@code contention}. */
  String CONTENTION = "Universal Scalability Law: n busy cores deliver n / (1 + alpha(n-1) + "
      + "beta n(n-1)) cores' worth.";
  /** The description of {@code price}. */
  String PRICE = "Price of one node per hour, in the pricing's currency (default: the pricing "
      + "rule's, from cores, speed and memory; see \"pricing\").";
  /** The description of {@code memory}. */
  String MEMORY = "Memory per node (default 4 GiB per core); it prices the node and nothing "
      + "else: dsim does not model memory pressure.";
  /** The description of {@code instance}. */
  String INSTANCE = "The node's machine, one of \"instanceTypes\": its cores, speed, memory and "
      + "price, which the tier then does not give itself.";
  /** The description of {@code disk}. */
  String DISK = "Each node's own disk. Operations queue FIFO; only fsynced writes survive a "
      + "crash.";

  // The hardware keys every kind has, so a binder reads them once for all kinds.

  /** @return the nodes key */
  Long nodes();

  /** @return the cores key */
  Long cores();

  /** @return the speed key */
  Double speed();

  /** @return the work key */
  Distribution work();

  /** @return the clock key */
  Clock clock();

  /** @return the contention key */
  Contention contention();

  /** @return the maxCores key */
  Long maxCores();

  /** @return the price key */
  Double price();

  /** @return the memory key */
  Size memory();

  /** @return the instance key */
  Name instance();

  /**
   * A tier of kind {@code "stateless"}: a stateless tier: CPU work per request, then optionally a
   * call to another tier.
   *
   * @param nodes the nodes key
   * @param cores the cores key
   * @param speed the speed key
   * @param work the work key
   * @param clock the clock key
   * @param contention the contention key
   * @param maxCores the maxCores key
   * @param price the price key
   * @param memory the memory key
   * @param instance the instance key
   * @param disk the disk key
   * @param calls the calls key
   * @param callTimeout the callTimeout key
   * @param callRetries the callRetries key
   */
  @JsonClassDescription("stateless: CPU work only, and optionally a call to another tier.")
  // ScenarioBinder.calls(): callTimeout and callRetries go with calls.
  @Schema.Rule("{\"dependentRequired\": {\"callTimeout\": [\"calls\"], \"callRetries\": "
      + "[\"calls\"]}}")
  record StatelessTier(
      @JsonProperty(defaultValue = "1")
      @JsonPropertyDescription(NODES)
      @Schema.Min(1) @Schema.Max(Limits.NODES_PER_TIER)
      Long nodes,
      @JsonProperty(defaultValue = "1")
      @JsonPropertyDescription("Cores per node.")
      @Schema.Min(1) @Schema.Max(Limits.CORES)
      Long cores,
      @JsonProperty(defaultValue = "1.0")
      @JsonPropertyDescription("Work units per second per core.")
      @Schema.Above(0)
      Double speed,
      @JsonProperty(required = true)
      @JsonPropertyDescription(WORK)
      @Schema.Examples({"\"5ms\"", "{\"dist\": \"exponential\", \"mean\": \"8ms\"}"})
      Distribution work,
      @JsonPropertyDescription(CLOCK)
      Clock clock,
      @JsonPropertyDescription(CONTENTION)
      Contention contention,
      @JsonPropertyDescription("The largest machine this tier can have: more cores is an error (the "
          + "scale-up ceiling).")
      @Schema.Min(1)
      Long maxCores,
      @JsonPropertyDescription(PRICE)
      @Schema.Min(0)
      Double price,
      @JsonPropertyDescription(MEMORY)
      Size memory,
      @JsonPropertyDescription(INSTANCE)
      Name instance,
      @JsonPropertyDescription(DISK)
      Disk disk,
      @JsonPropertyDescription("The tier this one calls after its work (round-robin over its nodes); "
          + "answers with its reply. Calls must not loop.")
      @Schema.Examples("\"db\"")
      Name calls,
      @JsonProperty(defaultValue = "1s")
      @JsonPropertyDescription("With calls: how long a call waits.")
      PositiveDuration callTimeout,
      @JsonProperty(defaultValue = "1")
      @JsonPropertyDescription("With calls: other nodes tried after a failed call.")
      @Schema.Min(0) @Schema.Max(100)
      Long callRetries) implements Tier {}

  /**
   * A tier of kind {@code "static"}: a static tier: CPU work, then a file read from the node's
   * disk.
   *
   * @param nodes the nodes key
   * @param cores the cores key
   * @param speed the speed key
   * @param work the work key
   * @param clock the clock key
   * @param contention the contention key
   * @param maxCores the maxCores key
   * @param price the price key
   * @param memory the memory key
   * @param instance the instance key
   * @param disk the disk key
   * @param files the files key
   * @param fileSize the fileSize key
   */
  @JsonClassDescription("static: CPU work, then a file read from the node's disk.")
  record StaticTier(
      @JsonProperty(defaultValue = "1")
      @JsonPropertyDescription(NODES)
      @Schema.Min(1) @Schema.Max(Limits.NODES_PER_TIER)
      Long nodes,
      @JsonProperty(defaultValue = "1")
      @JsonPropertyDescription("Cores per node.")
      @Schema.Min(1) @Schema.Max(Limits.CORES)
      Long cores,
      @JsonProperty(defaultValue = "1.0")
      @JsonPropertyDescription("Work units per second per core.")
      @Schema.Above(0)
      Double speed,
      @JsonProperty(required = true)
      @JsonPropertyDescription(WORK)
      @Schema.Examples({"\"5ms\"", "{\"dist\": \"exponential\", \"mean\": \"8ms\"}"})
      Distribution work,
      @JsonPropertyDescription(CLOCK)
      Clock clock,
      @JsonPropertyDescription(CONTENTION)
      Contention contention,
      @JsonPropertyDescription("The largest machine this tier can have: more cores is an error (the "
          + "scale-up ceiling).")
      @Schema.Min(1)
      Long maxCores,
      @JsonPropertyDescription(PRICE)
      @Schema.Min(0)
      Double price,
      @JsonPropertyDescription(MEMORY)
      Size memory,
      @JsonPropertyDescription(INSTANCE)
      Name instance,
      @JsonPropertyDescription(DISK)
      Disk disk,
      @JsonProperty(defaultValue = "1000")
      @JsonPropertyDescription("How many files each node serves.")
      @Schema.Min(1) @Schema.Max(Limits.FILES)
      Long files,
      @JsonProperty(defaultValue = "4KiB")
      @JsonPropertyDescription("The size of each file, 1B to 1GiB.")
      Size fileSize) implements Tier {}

  /**
   * A tier of kind {@code "kv"}: a replicated, sharded key-value store.
   *
   * @param nodes the nodes key
   * @param cores the cores key
   * @param speed the speed key
   * @param work the work key
   * @param clock the clock key
   * @param contention the contention key
   * @param maxCores the maxCores key
   * @param price the price key
   * @param memory the memory key
   * @param instance the instance key
   * @param disk the disk key
   * @param replication the replication key
   * @param shards the shards key
   * @param placement the placement key
   * @param vnodes the vnodes key
   * @param readQuorum the readQuorum key
   * @param writeQuorum the writeQuorum key
   * @param sloppy the sloppy key
   * @param readRepair the readRepair key
   * @param readWriteBack the readWriteBack key
   * @param fsync the fsync key
   * @param heartbeat the heartbeat key
   * @param swim the swim key
   * @param checksums the checksums key
   * @param timeout the timeout key
   */
  @JsonClassDescription("kv: a replicated, sharded key-value store.")
  // KvBinder: vnodes are for consistent placement.
  @Schema.Rule("{\"if\": {\"required\": [\"placement\"], \"properties\": {\"placement\": "
      + "{\"const\": \"hash\"}}}, \"then\": {\"properties\": {\"vnodes\": false}}}")
  // KvBinder: one failure detector, heartbeats or SWIM.
  @Schema.Rule("{\"not\": {\"required\": [\"heartbeat\", \"swim\"]}}")
  record KvTier(
      @JsonProperty(defaultValue = "1")
      @JsonPropertyDescription(NODES)
      @Schema.Min(1) @Schema.Max(Limits.KV_NODES_PER_TIER)
      Long nodes,
      @JsonProperty(defaultValue = "1")
      @JsonPropertyDescription("Cores per node.")
      @Schema.Min(1) @Schema.Max(Limits.CORES)
      Long cores,
      @JsonProperty(defaultValue = "1.0")
      @JsonPropertyDescription("Work units per second per core.")
      @Schema.Above(0)
      Double speed,
      @JsonProperty(defaultValue = "50us")
      @JsonPropertyDescription("The CPU work per replica operation at speed 1, a duration or "
          + "distribution.")
      Distribution work,
      @JsonPropertyDescription(CLOCK)
      Clock clock,
      @JsonPropertyDescription(CONTENTION)
      Contention contention,
      @JsonPropertyDescription("The largest machine this tier can have: more cores is an error (the "
          + "scale-up ceiling).")
      @Schema.Min(1)
      Long maxCores,
      @JsonPropertyDescription(PRICE)
      @Schema.Min(0)
      Double price,
      @JsonPropertyDescription(MEMORY)
      Size memory,
      @JsonPropertyDescription(INSTANCE)
      Name instance,
      @JsonPropertyDescription(DISK)
      KvDisk disk,
      @JsonPropertyDescription("Distinct nodes holding each shard, at most the nodes (default min(3, "
          + "nodes)).")
      @Schema.Min(1) @Schema.Max(Limits.REPLICATION) @Schema.Examples("3")
      Long replication,
      @JsonPropertyDescription("How many shards the keys are split into (default 8 per node).")
      @Schema.Min(1) @Schema.Max(Limits.SHARDS)
      Long shards,
      @JsonProperty(defaultValue = "consistent")
      @JsonPropertyDescription("How shards map to nodes: consistent (consistent hashing with vnodes) "
          + "or hash (shard s on nodes s, s+1, ...).")
      Placement placement,
      @JsonProperty(defaultValue = "64")
      @JsonPropertyDescription("Virtual nodes per node, with placement consistent.")
      @Schema.Min(1) @Schema.Max(Limits.VNODES)
      Long vnodes,
      @JsonPropertyDescription("Replies a read waits for, at most the replication (default a "
          + "majority).")
      @Schema.Min(1) @Schema.Examples("2")
      Long readQuorum,
      @JsonPropertyDescription("Acknowledgements a write waits for, at most the replication (default "
          + "a majority).")
      @Schema.Min(1) @Schema.Examples("2")
      Long writeQuorum,
      @JsonProperty(defaultValue = "false")
      @JsonPropertyDescription("Settle for any replica that answers when a quorum cannot be reached "
          + "(available, possibly stale).")
      Boolean sloppy,
      @JsonProperty(defaultValue = "true")
      @JsonPropertyDescription("After a read, send the newest value to replicas that answered older.")
      Boolean readRepair,
      @JsonProperty(defaultValue = "false")
      @JsonPropertyDescription("Before answering a read, write the value read to a write quorum "
          + "(ABD's second phase). Quorum reads and writes then become linearizable: no read "
          + "returns an older value than an earlier read returned. Costs a round trip on reads "
          + "that saw a stale replica.")
      Boolean readWriteBack,
      @JsonProperty(defaultValue = "always")
      @JsonPropertyDescription("When writes reach the disk: \"always\" (before acknowledging), "
          + "\"never\", or a period such as \"100ms\". A crash loses every write not yet fsynced.")
      @Schema.Examples({"\"always\"", "\"never\"", "\"100ms\""})
      Fsync fsync,
      @JsonPropertyDescription("Replicas heartbeat each other (every node to every peer) and skip "
          + "peers they suspect (default none).")
      HealthCheck heartbeat,
      @JsonPropertyDescription("Replicas detect failures by the SWIM protocol instead of "
          + "heartbeats, at a constant cost per node, and skip peers they suspect (default none; "
          + "not with heartbeat).")
      Swim swim,
      @JsonProperty(defaultValue = "true")
      @JsonPropertyDescription("Block checksums on disk and on the tier's messages; a damaged block "
          + "is caught on read and rewritten from a healthy replica.")
      Boolean checksums,
      @JsonProperty(defaultValue = "500ms")
      @JsonPropertyDescription("How long a coordinator waits for the replicas.")
      PositiveDuration timeout) implements Tier {}

  /**
   * A tier of kind {@code "process"}: your own dev.dsim.world.Process class on every node.
   *
   * @param nodes the nodes key
   * @param cores the cores key
   * @param speed the speed key
   * @param work the work key
   * @param clock the clock key
   * @param contention the contention key
   * @param maxCores the maxCores key
   * @param price the price key
   * @param memory the memory key
   * @param instance the instance key
   * @param disk the disk key
   * @param className the className key
   * @param settings the settings key
   */
  @JsonClassDescription("process: your own dev.dsim.world.Process class on every node.")
  record ProcessTier(
      @JsonProperty(defaultValue = "1")
      @JsonPropertyDescription(NODES)
      @Schema.Min(1) @Schema.Max(Limits.NODES_PER_TIER)
      Long nodes,
      @JsonProperty(defaultValue = "1")
      @JsonPropertyDescription("Cores per node.")
      @Schema.Min(1) @Schema.Max(Limits.CORES)
      Long cores,
      @JsonProperty(defaultValue = "1.0")
      @JsonPropertyDescription("Work units per second per core.")
      @Schema.Above(0)
      Double speed,
      @JsonPropertyDescription("CPU work per request at speed 1 (default 0: a process does its own "
          + "work with ctx.compute).")
      Distribution work,
      @JsonPropertyDescription(CLOCK)
      Clock clock,
      @JsonPropertyDescription(CONTENTION)
      Contention contention,
      @JsonPropertyDescription("The largest machine this tier can have: more cores is an error (the "
          + "scale-up ceiling).")
      @Schema.Min(1)
      Long maxCores,
      @JsonPropertyDescription(PRICE)
      @Schema.Min(0)
      Double price,
      @JsonPropertyDescription(MEMORY)
      Size memory,
      @JsonPropertyDescription(INSTANCE)
      Name instance,
      @JsonPropertyDescription(DISK)
      Disk disk,
      @JsonProperty(value = "class", required = true)
      @JsonPropertyDescription("The full name of the dev.dsim.world.Process class each node runs, "
          + "found on the classpath (dsim run --classpath DIR|JAR). It needs a public constructor "
          + "taking a Map<String, Object> (the settings) or nothing.")
      @Schema.Examples("\"com.example.raft.RaftNode\"")
      String className,
      @JsonPropertyDescription("An object handed to the class's constructor as a Map<String, Object> "
          + "(in file order, null kept, unmodifiable); at most 10,000 values in all.")
      @Schema.Count(max = Limits.SETTINGS_VALUES)
      ObjectNode settings) implements Tier {}
}
