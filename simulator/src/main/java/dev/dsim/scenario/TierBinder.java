package dev.dsim.scenario;

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
import dev.dsim.world.NodeConfig;

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

  TierBinder(Problems problems) {
    this.problems = problems;
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
      return spec == null ? null : new Tier.Kv(name, n, new Hardware(hardware.cores(),
          hardware.speed(), hardware.maxCores(), hardware.contention(), hardware.pricePerHour(),
          new DiskConfig(d.readNanos(), d.writeNanos(), d.fsyncNanos(), d.capacityBytes(),
              spec.checksums(), d.tornWrites()), hardware.clockOffsetNanos(),
          hardware.clockDriftPpm()), work, spec);
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
    long cores = or(t.cores(), 1L);
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
    double price = t.price() != null ? t.price()
        : cores * NodeConfig.DEFAULT_PRICE_PER_CORE_HOUR;
    DiskConfig disk = disk(t, node.get("disk"), Paths.child(path, "disk"));
    return new Hardware((int) cores, or(t.speed(), 1.0),
        (int) Math.min(maxCores, Integer.MAX_VALUE), contention, price, disk, offset, drift);
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
