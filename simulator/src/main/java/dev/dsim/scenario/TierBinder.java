package dev.dsim.scenario;

import dev.dsim.world.PriceRule;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dsim.engine.Distribution;
import dev.dsim.engine.Durations;
import dev.dsim.scenario.format.Disk;
import dev.dsim.scenario.format.KvDisk;
import dev.dsim.scenario.format.Size;
import dev.dsim.scenario.format.Tier.KvTier;
import dev.dsim.scenario.format.Tier.ProcessTier;
import dev.dsim.scenario.format.Tier.StatelessTier;
import dev.dsim.scenario.format.Tier.StaticTier;
import dev.dsim.world.Contention;
import dev.dsim.world.DiskConfig;

/**
 * Turns one tier of the document ({@link dev.dsim.scenario.format.Tier}, already read and
 * syntactically checked) into the runtime {@link Tier}, with the checks that need the numbers:
 * the limits on nodes, cores and files, cores within maxCores, calls options that go with
 * calls, and the kind's own (KvBinder, ProcessBinder). Whether a called tier exists is the
 * scenario's check, as it needs every tier.
 */
final class TierBinder {
  static final long DEFAULT_CALL_TIMEOUT = 1_000_000_000L;
  /** Work of one replica operation when a kv tier does not say. */
  static final long DEFAULT_KV_WORK = 50_000L;

  private final Problems problems;
  private final PriceRule pricing;
  private final java.util.Map<String, Machine> machines;

  /**
   * A binder pricing nodes by {@code pricing}, with the scenario's instance types {@code
   * machines} by name.
   */
  TierBinder(Problems problems, PriceRule pricing, java.util.Map<String, Machine> machines) {
    this.problems = problems;
    this.pricing = pricing;
    this.machines = machines;
  }

  /** The tier named {@code name} at {@code path} (node is its tree), or null after an error. */
  Tier bind(String name, dev.dsim.scenario.format.Tier t, JsonNode node, String path) {
    TierKind kind = kind(t);
    long nodes = or(t.nodes(), 1L);
    int maxNodes = kind == TierKind.KV ? Limits.KV_NODES_PER_TIER : Limits.NODES_PER_TIER;
    if (nodes > maxNodes) {
      error(path, "nodes", "at most " + Limits.count(maxNodes) + " nodes in a tier of kind \""
          + kind.jsonName() + "\", got " + Limits.count(nodes), "scale the tier down: a few "
          + "hundred nodes already show how a system scales out");
      nodes = 1; // go on binding without allocating anything per node
    }
    Hardware hardware = hardware(t, node, path, kind);
    Distribution work = work(t, node, path);
    if (hardware == null || work == null) {
      return null;
    }
    int n = (int) nodes;
    if (t instanceof StatelessTier s) {
      TierCall calls = calls(s, path);
      return new Tier.Stateless(name, n, hardware, work, calls);
    } else if (t instanceof StaticTier s) {
      return staticTier(name, n, hardware, work, s, path);
    } else if (t instanceof KvTier kv) {
      KvSpec spec = new KvBinder(problems).bind(kv, path, n);
      DiskConfig d = hardware.disk();
      return spec == null ? null : new Tier.Kv(name, n, hardware.withDisk(new DiskConfig(
          d.readNanos(), d.writeNanos(), d.fsyncNanos(), d.capacityBytes(), spec.checksums(),
          d.tornWrites())), work, spec);
    }
    ProcessSpec process = new ProcessBinder(problems).bind((ProcessTier) t, path, name);
    return process == null ? null : new Tier.UserProcess(name, n, hardware, process);
  }

  static TierKind kind(dev.dsim.scenario.format.Tier t) {
    return t instanceof StatelessTier ? TierKind.STATELESS : t instanceof StaticTier
        ? TierKind.STATIC : t instanceof KvTier ? TierKind.KV : TierKind.PROCESS;
  }

  private Hardware hardware(dev.dsim.scenario.format.Tier t, JsonNode node, String path,
      TierKind kind) {
    Machine machine = machine(t, path);
    long cores = machine != null ? machine.cores() : or(t.cores(), 1L);
    if (cores > Limits.CORES) {
      error(path, "cores", "at most " + Limits.count(Limits.CORES) + " cores per node, got "
          + Limits.count(cores), "the largest machines have a few hundred; add nodes instead");
      cores = 1;
    }
    long maxCores = or(t.maxCores(), 0L);
    if (maxCores > 0 && cores > maxCores) {
      error(path, "cores", "this tier's nodes have at most " + maxCores + " cores (maxCores), "
          + "got " + cores, "that is the scale-up ceiling: add nodes instead, or raise maxCores "
          + "if a bigger machine exists");
    }
    long offset = 0;
    double drift = 0;
    if (t.clock() != null) {
      String at = Paths.child(path, "clock");
      long nanos = t.clock().offset() == null ? 0 : Durations.parse(t.clock().offset().text());
      offset = Limits.timeWithin(nanos, Paths.child(at, "offset"), problems) ? nanos : 0;
      drift = or(t.clock().driftPpm(), 0.0);
      if (!Limits.driftWithin(drift, Paths.child(at, "driftPpm"), problems)) {
        drift = 0;
      }
    }
    Contention contention = t.contention() == null ? Contention.NONE : new Contention(
        or(t.contention().alpha(), 0.0), or(t.contention().beta(), 0.0));
    double speed = machine != null ? machine.speed() : or(t.speed(), 1.0);
    long memory = machine != null ? machine.memoryBytes()
        : memory(t.memory(), (int) cores, Paths.child(path, "memory"), problems);
    double price = machine != null ? machine.pricePerHour() : t.price() != null ? t.price()
        : pricing.price((int) cores, speed, memory);
    DiskConfig disk = disk(t, node.get("disk"), Paths.child(path, "disk"));
    return new Hardware((int) cores, speed, (int) Math.min(maxCores, Integer.MAX_VALUE),
        contention, price, memory, disk, offset, drift);
  }

  /**
   * The instance type the tier names, or null when it names none (or an unknown one, an
   * error with a suggestion); the keys the type gives are errors in the tier, since two
   * sources for one number leave the reader guessing which counts.
   */
  private Machine machine(dev.dsim.scenario.format.Tier t, String path) {
    if (t.instance() == null) {
      return null;
    }
    String name = t.instance().text();
    Machine m = machines.get(name);
    if (m == null) {
      String close = DidYouMean.closest(name, machines.keySet());
      error(path, "instance", "no instance type \"" + name + "\" in \"instanceTypes\"",
          close != null ? "did you mean '" + close + "'?" : machines.isEmpty()
              ? "declare it under \"instanceTypes\" at the top of the file, e.g. \"" + name
                  + "\": {\"cores\": 4, \"memory\": \"16GiB\", \"price\": 0.19}"
              : "instance types: " + String.join(", ", machines.keySet()));
      return null;
    }
    String[][] given = {{"cores", t.cores() == null ? null : m.cores() + " cores"},
        {"speed", t.speed() == null ? null : "speed " + m.speed()},
        {"memory", t.memory() == null ? null : "its memory"},
        {"price", t.price() == null ? null : "its price"}};
    for (String[] g : given) {
      if (g[1] != null) {
        error(path, g[0], "'" + g[0] + "' comes from instance type \"" + name + "\" ("
            + g[1] + ")", "remove \"" + g[0] + "\", or \"instance\" and give the machine's "
            + "keys in the tier");
      }
    }
    return m;
  }

  /**
   * The bytes of a {@code memory} key (syntax already checked), the default for {@code cores}
   * when absent or after an error.
   */
  static long memory(Size size, int cores, String at, Problems problems) {
    if (size == null) {
      return PriceRule.defaultMemory(cores);
    }
    try {
      long bytes = Quantities.bytes(size.text());
      if (bytes > 0) {
        return bytes;
      }
      problems.atValue(at, "memory must be more than 0 bytes", "e.g. \"16GiB\"");
    } catch (IllegalArgumentException e) {
      problems.atValue(at, e.getMessage(), "e.g. \"16GiB\"");
    }
    return PriceRule.defaultMemory(cores);
  }

  private Distribution work(dev.dsim.scenario.format.Tier t, JsonNode node, String path) {
    if (t.work() != null) {
      return DistributionReader.convert(t.work(), node.get("work"), Paths.child(path, "work"),
          problems);
    }
    // Required on the other kinds (the reader reports it missing).
    return t instanceof KvTier ? new Distribution.Constant(DEFAULT_KV_WORK)
        : new Distribution.Constant(0); // a process does its own work (ctx.compute)
  }

  private DiskConfig disk(dev.dsim.scenario.format.Tier t, JsonNode node, String at) {
    DiskConfig d = DiskConfig.DEFAULT;
    if (t instanceof KvTier kv && kv.disk() != null) {
      KvDisk k = kv.disk();
      return diskConfig(k.read(), k.write(), k.fsync(), k.capacity(), null, k.tornWrites(),
          node, at);
    }
    Disk disk = t instanceof StatelessTier s ? s.disk() : t instanceof StaticTier s ? s.disk()
        : t instanceof ProcessTier p ? p.disk() : null;
    return disk == null ? d : diskConfig(disk.read(), disk.write(), disk.fsync(),
        disk.capacity(), disk.checksums(), disk.tornWrites(), node, at);
  }

  private DiskConfig diskConfig(dev.dsim.scenario.format.Distribution read,
      dev.dsim.scenario.format.Distribution write, dev.dsim.scenario.format.Distribution fsync,
      Size capacity, Boolean checksums, Boolean tornWrites, JsonNode node, String at) {
    DiskConfig d = DiskConfig.DEFAULT;
    return new DiskConfig(dist(read, node, at, "read", d.readNanos()),
        dist(write, node, at, "write", d.writeNanos()),
        dist(fsync, node, at, "fsync", d.fsyncNanos()),
        capacity == null ? d.capacityBytes() : Quantities.bytes(capacity.text()),
        or(checksums, d.checksums()), or(tornWrites, d.tornWrites()));
  }

  private Distribution dist(dev.dsim.scenario.format.Distribution read, JsonNode disk,
      String at, String key, Distribution fallback) {
    if (read == null) {
      return fallback;
    }
    Distribution d = DistributionReader.convert(read, disk.get(key), Paths.child(at, key),
        problems);
    return d == null ? fallback : d;
  }

  private Tier staticTier(String name, int nodes, Hardware hardware, Distribution work,
      StaticTier s, String path) {
    long files = or(s.files(), (long) Tier.DEFAULT_FILES);
    long fileBytes = s.fileSize() == null ? Tier.DEFAULT_FILE_BYTES
        : Quantities.bytes(s.fileSize().text());
    if (files > Limits.FILES || fileBytes < 1 || fileBytes > Limits.FILE_CONTENT_BYTES) {
      error(path, files > Limits.FILES ? "files" : "fileSize", "expected at most 10,000,000 "
          + "files of 1 B to 1 GiB each", "");
      return null;
    }
    if (files * fileBytes > Limits.FILE_CONTENT_BYTES) {
      error(path, "files", "at most 1 GiB of files per node, got " + Limits.count(files)
          + " × " + Limits.count(fileBytes) + " B", "every node writes its files to its disk "
          + "(held in memory) when it starts: serve fewer or smaller files");
      return null;
    }
    return new Tier.Static(name, nodes, hardware, work, (int) files, (int) fileBytes);
  }

  private TierCall calls(StatelessTier s, String path) {
    if (s.calls() == null) {
      if (s.callTimeout() != null) {
        error(path, "callTimeout", "'callTimeout' goes with \"calls\"",
            "add \"calls\": \"<tier>\"");
      }
      if (s.callRetries() != null) {
        error(path, "callRetries", "'callRetries' goes with \"calls\"",
            "add \"calls\": \"<tier>\"");
      }
      return null;
    }
    long timeout = s.callTimeout() == null ? DEFAULT_CALL_TIMEOUT
        : Durations.parse(s.callTimeout().text());
    long retries = or(s.callRetries(), 1L);
    if (retries > 100) {
      error(path, "callRetries", "at most 100, got " + retries, "");
      retries = 1;
    }
    return new TierCall(s.calls().text(), timeout, (int) retries);
  }

  private void error(String path, String key, String message, String hint) {
    problems.atValue(Paths.child(path, key), message, hint);
  }

  static <T> T or(T value, T fallback) {
    return value == null ? fallback : value;
  }
}
