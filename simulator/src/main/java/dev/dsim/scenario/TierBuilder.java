package dev.dsim.scenario;

import java.util.Map;
import java.util.Objects;

/**
 * One tier of {@code tiers}, typed by its kind: {@link Build#stateless()},
 * {@link Build#staticFiles()}, {@link Build#kv()} or {@link Build#process(Class)} write the
 * {@code "kind"} and give only that kind's keys; the hardware keys (nodes, cores, speed, disk,
 * clock, …) are shared. The binder checks every value, and the combinations (quorums against
 * replication, calls naming a tier that exists), at the tier's JSON path.
 *
 * @param <T> the kind's builder, returned by the setters for chaining
 */
public abstract sealed class TierBuilder<T extends TierBuilder<T>> extends JsonSection<T>
    permits TierBuilder.Stateless, TierBuilder.StaticFiles, TierBuilder.Kv,
    TierBuilder.OwnProcess {

  TierBuilder(TierKind kind) {
    put("kind", kind.jsonName());
  }

  /** How many nodes, named {@code <tier>-1 ... <tier>-n} (default 1). */
  public T nodes(int nodes) {
    return put("nodes", nodes);
  }

  /** Cores per node (default 1). */
  public T cores(int cores) {
    return put("cores", cores);
  }

  /** Work units per second per core (default 1). */
  public T speed(double speed) {
    return put("speed", speed);
  }

  /** The CPU work per request at speed 1 (kv: per replica operation, default 50us). */
  public T work(Dist work) {
    return put("work", work);
  }

  /** The largest machine this tier can have: more cores is an error. */
  public T maxCores(int maxCores) {
    return put("maxCores", maxCores);
  }

  /** Universal Scalability Law: contention {@code alpha} and coherency {@code beta}. */
  public T contention(double alpha, double beta) {
    com.fasterxml.jackson.databind.node.ObjectNode o = BuilderJson.object();
    o.set("alpha", BuilderJson.number(alpha));
    o.set("beta", BuilderJson.number(beta));
    return put("contention", o);
  }

  /** Price per node-hour, in the pricing's currency (default: the pricing rule's). */
  public T price(double perNodeHour) {
    return put("price", perNodeHour);
  }

  /** Memory per node (default 4 GiB per core): it prices the node, nothing else. */
  public T memory(Size memory) {
    return put("memory", memory.text());
  }

  /** The node's machine, one of the scenario's instance types ({@code instanceType}). */
  public T instance(String instanceType) {
    return put("instance", instanceType);
  }

  /** Each node's own disk. */
  public T disk(DiskBuilder disk) {
    return put("disk", disk.json());
  }

  /** The nodes' local clocks: start {@code offset} off true time, drifting {@code driftPpm}. */
  public T clock(Duration offset, double driftPpm) {
    com.fasterxml.jackson.databind.node.ObjectNode o = BuilderJson.object()
        .put("offset", offset.text());
    o.set("driftPpm", BuilderJson.number(driftPpm));
    return put("clock", o);
  }

  /** Any node serves any request with CPU work only; it may call another tier. */
  public static final class Stateless extends TierBuilder<Stateless> {
    Stateless() {
      super(TierKind.STATELESS);
    }

    /** The tier this one calls after its work (round-robin over its nodes). */
    public Stateless calls(String tier) {
      return put("calls", tier);
    }

    /** How long a call waits (default 1s). */
    public Stateless callTimeout(Duration timeout) {
      return put("callTimeout", timeout);
    }

    /** Other nodes tried after a failed call (default 1). */
    public Stateless callRetries(int retries) {
      return put("callRetries", retries);
    }
  }

  /** A static-content server: CPU work, then a file read from the node's disk. */
  public static final class StaticFiles extends TierBuilder<StaticFiles> {
    StaticFiles() {
      super(TierKind.STATIC);
    }

    /** How many files each node serves (default 1000). */
    public StaticFiles files(int files) {
      return put("files", files);
    }

    /** The size of each file (default 4KiB). */
    public StaticFiles fileSize(Size size) {
      return put("fileSize", size);
    }
  }

  /** A replicated, sharded key-value store. */
  public static final class Kv extends TierBuilder<Kv> {
    Kv() {
      super(TierKind.KV);
    }

    /** Distinct nodes holding each shard (default min(3, nodes)). */
    public Kv replication(int replicas) {
      return put("replication", replicas);
    }

    /** How many shards the keys are split into (default 8 per node). */
    public Kv shards(int shards) {
      return put("shards", shards);
    }

    /** How shards map to nodes (default consistent hashing). */
    public Kv placement(dev.dsim.service.kv.Placement.Strategy placement) {
      return put("placement", placement.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** Virtual nodes per node, with consistent placement (default 64). */
    public Kv vnodes(int vnodes) {
      return put("vnodes", vnodes);
    }

    /** Replies a read waits for (default a majority). */
    public Kv readQuorum(int replies) {
      return put("readQuorum", replies);
    }

    /** Acknowledgements a write waits for (default a majority). */
    public Kv writeQuorum(int acks) {
      return put("writeQuorum", acks);
    }

    /** Both quorums: {@code quorums(2, 2)} is R=W=2. */
    public Kv quorums(int read, int write) {
      return readQuorum(read).writeQuorum(write);
    }

    /** Settle for any replica that answers when a quorum cannot be reached. */
    public Kv sloppy(boolean on) {
      return put("sloppy", on);
    }

    /** After a read, send the newest value to replicas that answered older (default on). */
    public Kv readRepair(boolean on) {
      return put("readRepair", on);
    }

    /**
     * Before answering a read, write the value read to a write quorum (ABD): quorum reads and
     * writes become linearizable, at a round trip on reads that saw a stale replica.
     */
    public Kv readWriteBack(boolean on) {
      return put("readWriteBack", on);
    }

    /** Fsync before acknowledging a write (the default). */
    public Kv fsyncAlways() {
      return put("fsync", "always");
    }

    /** Never fsync: a crash loses every write. */
    public Kv fsyncNever() {
      return put("fsync", "never");
    }

    /** Acknowledge at once and fsync every {@code period}. */
    public Kv fsyncEvery(Duration period) {
      return put("fsync", period);
    }

    /** Replicas heartbeat each other every {@code interval}, suspecting after {@code timeout}. */
    public Kv heartbeat(Duration interval, Duration timeout) {
      return put("heartbeat", BuilderJson.object().put("interval", interval.text())
          .put("timeout", timeout.text()));
    }

    /**
     * Replicas detect failures by SWIM ({@link dev.dsim.service.swim.SwimDetector}): each probes
     * one other every {@code period}, with the default probe timeout (a fifth of the period) and
     * three indirect probes.
     */
    public Kv swim(Duration period) {
      return put("swim", BuilderJson.object().put("period", period.text()));
    }

    /** SWIM with its probe timeout and number of indirect probes given. */
    public Kv swim(Duration period, Duration probeTimeout, int indirectProbes) {
      return put("swim", BuilderJson.object().put("period", period.text())
          .put("probeTimeout", probeTimeout.text()).put("indirectProbes", indirectProbes));
    }

    /** No SWIM: in a variant, drops the base's ({@code "swim": null}). */
    public Kv withoutSwim() {
      return unset("swim");
    }

    /** No heartbeats: in a variant, drops the base's ({@code "heartbeat": null}). */
    public Kv withoutHeartbeat() {
      return unset("heartbeat");
    }

    /** Block checksums on disk and on the tier's messages (default on). */
    public Kv checksums(boolean on) {
      return put("checksums", on);
    }

    /** How long a coordinator waits for the replicas (default 500ms). */
    public Kv timeout(Duration timeout) {
      return put("timeout", timeout);
    }
  }

  /**
   * The user's own {@code dev.dsim.world.Process} on every node. Its {@link #settings} are the
   * one untyped part of the format, on purpose: they are the user's class's own settings,
   * handed to its constructor as a {@code Map<String, Object>}.
   */
  public static final class OwnProcess extends TierBuilder<OwnProcess> {
    OwnProcess(String className) {
      super(TierKind.PROCESS);
      put("class", Objects.requireNonNull(className, "className"));
    }

    /**
     * The settings handed to each node's constructor: strings, numbers, booleans, lists, maps
     * and nulls, as JSON would hold them. Iteration order is kept, so pass a
     * {@code LinkedHashMap} (or {@code Map.of} for one entry) where the class cares.
     */
    public OwnProcess settings(Map<String, ?> settings) {
      return put("settings", BuilderJson.value(settings));
    }
  }
}
