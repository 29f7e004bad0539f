package dev.dsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsim.engine.Distribution;
import dev.dsim.engine.Durations;
import dev.dsim.fault.FaultPlan;
import dev.dsim.scenario.format.Disk;
import dev.dsim.scenario.format.LoadBalancer;
import dev.dsim.service.HealthCheck;
import dev.dsim.world.Contention;
import dev.dsim.world.DiskConfig;
import dev.dsim.world.NodeConfig;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Binds a scenario tree (a variant already applied) to a {@link Scenario}, reporting every
 * problem with its location. Each section has its own small method, so adding a key or a tier
 * kind is a local change.
 */
final class ScenarioBinder {
  static final List<String> TOP_KEYS = List.of("$schema", "name", "description", "seed",
      "duration", "warmup", "network", "clients", "loadBalancer", "tiers", "faults",
      "expect", "variants");
  private static final List<String> TIER_KEYS = tierKeys();
  private static final List<String> CALL_KEYS = List.of("calls", "callTimeout", "callRetries");
  static final long DEFAULT_CALL_TIMEOUT = 1_000_000_000L;
  /** Work of one replica operation when a kv tier does not say. */
  static final long DEFAULT_KV_WORK = 50_000L;
  /** Names become node names and directories: keep them portable. */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

  private static List<String> tierKeys() {
    List<String> keys = new java.util.ArrayList<>(List.of("kind", "nodes", "cores", "speed",
        "work", "clock", "contention", "maxCores", "price", "disk", "files", "fileSize", "calls",
        "callTimeout", "callRetries"));
    keys.addAll(KvBinder.KEYS);
    keys.addAll(ProcessBinder.KEYS);
    return List.copyOf(keys);
  }

  /** Names a tier cannot have: its nodes would be named like the client or the balancers. */
  private static final List<String> RESERVED = List.of("client", "lb");

  private final Problems problems;
  /**
   * Nodes each tier asks for, before a count beyond the limits falls back to 1: node names are
   * checked against what the user wrote, and never listed.
   */
  private final Map<String, Integer> declaredNodes = new LinkedHashMap<>();

  private ScenarioBinder(Problems problems) {
    this.problems = problems;
  }

  /** The scenario, or a ScenarioException listing everything wrong with it. */
  static Scenario bind(LocatedJson doc, String file, String variant) throws ScenarioException {
    Problems problems = new Problems(file, doc);
    Scenario s = new ScenarioBinder(problems).scenario(doc.root(), variant);
    problems.throwIfAny();
    return s;
  }

  private Scenario scenario(JsonNode root, String variant) {
    Fields f = Fields.of(root, "", problems, TOP_KEYS);
    if (f == null) {
      return null;
    }
    String name = name(f);
    String description = f.string("description", "");
    long seed = f.integer("seed", 1, Long.MIN_VALUE);
    if (!f.has("duration")) {
      f.missing("duration", "how long clients send requests", "\"10m\"");
    }
    Long duration = f.durationOrNull("duration", true);
    if (!Limits.timeWithin(duration, f.pathOf("duration"), problems)) {
      duration = null;
    }
    Long warmup = f.durationOrNull("warmup", false);
    if (duration != null && warmup != null && warmup >= duration) {
      f.error("warmup", "warmup must be shorter than duration (the measured window is "
          + "warmup..duration)", "shorten \"warmup\" or lengthen \"duration\"");
    }
    ClientsSpec clients = new ClientsBinder(problems).bind(f, duration);
    LoadBalancerSpec lb = loadBalancer(f);
    Map<String, Tier> tiers = tiers(f);
    checkCalls(f, tiers);
    checkTotalNodes(f, lb.nodes());
    TargetNames names = new TargetNames(problems, declaredNodes, lb.nodes());
    NetworkSpec network = new NetworkBinder(problems, names).bind(f);
    FaultPlan faults = new FaultsBinder(problems, names, tiers.keySet()).bind(f);
    List<Expectation> expect = new ExpectBinder(problems).bind(f);
    if (!problems.isEmpty()) {
      return null;
    }
    return new Scenario(name, description, seed, duration, warmup == null ? 0 : warmup, network,
        clients, lb, tiers, faults, expect, variant);
  }

  /** All the nodes, with the client and the balancers, within {@link Limits#NODES_TOTAL}. */
  private void checkTotalNodes(Fields top, int loadBalancers) {
    long total = 1L + loadBalancers;
    for (int n : declaredNodes.values()) {
      total += n;
    }
    if (total > Limits.NODES_TOTAL && top.has("tiers")) {
      top.error("tiers", "at most " + Limits.count(Limits.NODES_TOTAL) + " nodes in all "
          + "(client and load balancers included), got " + Limits.count(total),
          "a scenario of that size does not fit in memory; scale each tier down (a few "
              + "hundred nodes already show how a system scales out)");
    }
  }

  /** Every node the scenario defines, in layout order (see {@link ScenarioCompiler}). */
  static Set<String> nodeNames(Map<String, Tier> tiers, int loadBalancers) {
    Set<String> names = new LinkedHashSet<>();
    names.add(ScenarioCompiler.CLIENT);
    names.addAll(ScenarioCompiler.loadBalancerNames(loadBalancers));
    for (Tier t : tiers.values()) {
      for (int i = 1; i <= t.nodes(); i++) {
        names.add(t.name() + "-" + i);
      }
    }
    return names;
  }

  private String name(Fields f) {
    if (!f.has("name")) {
      f.missing("name", "names the reports directory", "\"my-system\"");
      return "";
    }
    String name = f.string("name", "");
    if (f.raw("name").isTextual() && !NAME.matcher(name).matches()) {
      f.error("name", "expected a name of letters, digits, '-' and '_', got \""
          + Fields.shorten(name) + "\"", "it becomes a directory name under reports/");
    } else if (name.length() > Limits.NAME_CHARS) {
      f.error("name", "a name of at most " + Limits.NAME_CHARS + " characters, got "
          + name.length(), "it becomes a directory name under reports/");
    }
    return name;
  }

  private LoadBalancerSpec loadBalancer(Fields top) {
    LoadBalancer lb = top.has("loadBalancer") ? DocumentReader.section(top.raw("loadBalancer"),
        top.pathOf("loadBalancer"), LoadBalancer.class, problems) : null;
    if (lb == null) {
      return new LoadBalancerSpec(LbPolicy.ROUND_ROBIN);
    }
    String at = top.pathOf("loadBalancer");
    LbPolicy policy = lb.policy() == null ? LbPolicy.ROUND_ROBIN
        : JsonEnum.lookup(LbPolicy.class, lb.policy().jsonName());
    HealthCheck check = lb.healthCheck() == null ? null
        : KvBinder.healthCheck(lb.healthCheck(), Paths.child(at, "healthCheck"), problems);
    long nodes = lb.nodes() == null ? 1 : lb.nodes();
    if (nodes > Limits.LOAD_BALANCERS) {
      problems.atValue(Paths.child(at, "nodes"), "at most " + Limits.count(Limits.LOAD_BALANCERS)
          + " load balancers, got " + Limits.count(nodes), "two or three remove the single "
          + "point of failure");
      nodes = 1;
    }
    return new LoadBalancerSpec(policy, check, (int) nodes);
  }

  /** A tier's {@code calls} must name another tier, and calls must not loop. */
  private void checkCalls(Fields top, Map<String, Tier> tiers) {
    for (Tier tier : tiers.values()) {
      if (!(tier instanceof Tier.Stateless t) || t.calls() == null) {
        continue;
      }
      String path = Paths.child(Paths.child(top.pathOf("tiers"), t.name()), "calls");
      String target = t.calls().tier();
      if (!tiers.containsKey(target)) {
        String close = DidYouMean.closest(target, List.copyOf(tiers.keySet()));
        problems.atValue(path, "no tier named \"" + target + "\"", close != null
            ? "did you mean '" + close + "'?" : "tiers: " + String.join(", ", tiers.keySet()));
        continue;
      }
      Set<String> seen = new LinkedHashSet<>();
      String at = t.name();
      while (at != null && seen.add(at)) {
        at = tiers.get(at) instanceof Tier.Stateless next && next.calls() != null
            ? next.calls().tier() : null;
      }
      if (at != null) {
        problems.atValue(path, "tier calls loop: " + String.join(" -> ", seen) + " -> " + at,
            "a request would go round for ever; the last tier of a chain calls nothing");
      }
    }
  }

  private Map<String, Tier> tiers(Fields top) {
    Map<String, Tier> tiers = new LinkedHashMap<>();
    if (!top.has("tiers")) {
      top.missing("tiers", "the servers, keyed by tier name",
          "{\"web\": {\"kind\": \"stateless\", \"work\": \"5ms\"}}");
      return tiers;
    }
    JsonNode node = top.raw("tiers");
    String path = top.pathOf("tiers");
    if (!node.isObject()) {
      problems.atValue(path, "expected an object of tiers keyed by name, got "
          + Fields.describe(node), "");
      return tiers;
    }
    if (node.isEmpty()) {
      problems.atValue(path, "expected at least one tier", "add e.g. \"web\": {\"kind\": "
          + "\"stateless\", \"work\": \"5ms\"}");
    }
    if (node.size() > Limits.TIERS) {
      problems.atValue(path, "at most " + Limits.TIERS + " tiers, got "
          + Limits.count(node.size()), "a tier holds any number of identical nodes: merge "
          + "tiers that differ only by name");
      return tiers;
    }
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      Tier tier = tier(e.getKey(), e.getValue(), Paths.child(path, e.getKey()));
      if (tier != null) {
        tiers.put(e.getKey(), tier);
      }
    }
    return tiers;
  }

  private Tier tier(String name, JsonNode node, String path) {
    if (!NAME.matcher(name).matches()) {
      problems.atKey(path, "expected a tier name of letters, digits, '-' and '_', got \""
          + Fields.shorten(name) + "\"", "nodes are named <tier>-<n>, so keep the name simple");
    } else if (name.length() > Limits.NAME_CHARS) {
      problems.atKey(path, "a tier name of at most " + Limits.NAME_CHARS + " characters, got "
          + name.length(), "nodes are named <tier>-<n>, so keep the name short");
    } else if (RESERVED.contains(name)) {
      problems.atKey(path, "\"" + name + "\" is reserved: the client node is client-1 and the "
          + "load balancers lb, lb-1, lb-2, …", "call the tier something else, e.g. \""
          + name + "s\"");
    }
    Fields f = Fields.of(node, path, problems, TIER_KEYS);
    if (f == null) {
      return null;
    }
    if (!f.has("kind")) {
      f.missing("kind", "what the tier is: " + JsonEnum.choices(TierKind.class),
          "\"stateless\"");
    }
    TierKind kind = f.choice("kind", TierKind.class, TierKind.STATELESS);
    long nodes = f.integer("nodes", 1, 1);
    long cores = f.integer("cores", 1, 1);
    declaredNodes.put(name, (int) Math.min(nodes, Integer.MAX_VALUE));
    int maxNodes = kind == TierKind.KV ? Limits.KV_NODES_PER_TIER : Limits.NODES_PER_TIER;
    if (nodes > maxNodes) {
      f.error("nodes", "at most " + Limits.count(maxNodes) + " nodes in a tier of kind \""
          + kind.jsonName() + "\", got " + Limits.count(nodes), "scale the tier down: a few "
          + "hundred nodes already show how a system scales out");
      nodes = 1; // go on binding without allocating anything per node
    }
    if (cores > Limits.CORES) {
      f.error("cores", "at most " + Limits.count(Limits.CORES) + " cores per node, got "
          + Limits.count(cores), "the largest machines have a few hundred; add nodes instead");
      cores = 1;
    }
    double speed = f.numberAbove("speed", 1.0, 0);
    Distribution work = null;
    if (!f.has("work") && kind == TierKind.KV) {
      work = new Distribution.Constant(DEFAULT_KV_WORK);
    } else if (!f.has("work") && kind == TierKind.PROCESS) {
      work = new Distribution.Constant(0); // a process does its own work (ctx.compute)
    } else if (!f.has("work")) {
      f.missing("work", "the work per request at speed 1, a duration or distribution",
          "{\"dist\": \"exponential\", \"mean\": \"8ms\"}");
    } else {
      work = DistributionReader.read(f.raw("work"), f.pathOf("work"), problems);
    }
    long offset = 0;
    double drift = 0;
    dev.dsim.scenario.format.Clock clock = f.has("clock") ? DocumentReader.section(
        f.raw("clock"), f.pathOf("clock"), dev.dsim.scenario.format.Clock.class, problems) : null;
    if (clock != null) {
      String at = f.pathOf("clock");
      long nanos = clock.offset() == null ? 0 : Durations.parse(clock.offset().text());
      offset = Limits.timeWithin(nanos, Paths.child(at, "offset"), problems) ? nanos : 0;
      drift = clock.driftPpm() == null ? 0 : clock.driftPpm();
      if (!Limits.driftWithin(drift, Paths.child(at, "driftPpm"), problems)) {
        drift = 0;
      }
    }
    long maxCores = f.integer("maxCores", 0, 1);
    if (maxCores > 0 && cores > maxCores) {
      f.error("cores", "this tier's nodes have at most " + maxCores + " cores (maxCores), got "
          + cores, "that is the scale-up ceiling: add nodes instead, or raise maxCores if a "
          + "bigger machine exists");
    }
    Contention contention = contention(f);
    double price = f.has("price") ? nonNegative(f, "price")
        : cores * NodeConfig.DEFAULT_PRICE_PER_CORE_HOUR;
    DiskConfig disk = disk(f);
    for (String key : List.of("files", "fileSize")) {
      if (f.has(key) && kind != TierKind.STATIC) {
        f.error(key, "'" + key + "' is for tiers of kind \"static\"", "drop it, or set "
            + "\"kind\": \"static\"");
      }
    }
    long files = f.integer("files", Tier.DEFAULT_FILES, 1);
    long fileBytes = f.bytes("fileSize", Tier.DEFAULT_FILE_BYTES);
    if (files > Limits.FILES || fileBytes < 1 || fileBytes > Limits.FILE_CONTENT_BYTES) {
      f.error(files > Limits.FILES ? "files" : "fileSize", "expected at most 10,000,000 files "
          + "of 1 B to 1 GiB each", "");
      files = Tier.DEFAULT_FILES;
      fileBytes = Tier.DEFAULT_FILE_BYTES;
    } else if (files * fileBytes > Limits.FILE_CONTENT_BYTES) {
      f.error("files", "at most 1 GiB of files per node, got " + Limits.count(files) + " × "
          + Limits.count(fileBytes) + " B", "every node writes its files to its disk (held in "
          + "memory) when it starts: serve fewer or smaller files");
      files = Tier.DEFAULT_FILES;
      fileBytes = Tier.DEFAULT_FILE_BYTES;
    }
    TierCall calls = calls(f, kind);
    KvSpec kv = null;
    KvBinder kvBinder = new KvBinder(problems);
    if (kind == TierKind.KV) {
      kv = kvBinder.bind(f, (int) nodes);
      if (f.has("disk") && f.raw("disk").has("checksums")) {
        f.error("disk", "a kv tier's checksums are set by the tier's \"checksums\" (blocks and "
            + "messages alike)", "move \"checksums\" up to the tier");
      }
      disk = new DiskConfig(disk.readNanos(), disk.writeNanos(), disk.fsyncNanos(),
          disk.capacityBytes(), kv.checksums(), disk.tornWrites());
    } else {
      kvBinder.rejectOn(f, kind);
    }
    ProcessBinder processBinder = new ProcessBinder(problems);
    ProcessSpec process = null;
    if (kind == TierKind.PROCESS) {
      process = processBinder.bind(f, name);
      if (process == null) {
        return null;
      }
    } else {
      processBinder.rejectOn(f, kind);
    }
    if (work == null) {
      return null;
    }
    Hardware hardware = new Hardware((int) cores, speed > 0 ? speed : 1,
        (int) Math.min(maxCores, Integer.MAX_VALUE), contention, price, disk, offset, drift);
    int n = (int) nodes;
    return switch (kind) {
      case STATELESS -> new Tier.Stateless(name, n, hardware, work, calls);
      case STATIC -> new Tier.Static(name, n, hardware, work,
          (int) Math.min(files, Integer.MAX_VALUE), (int) Math.max(1, Math.min(fileBytes,
              1 << 30)));
      case KV -> new Tier.Kv(name, n, hardware, work, kv);
      case PROCESS -> new Tier.UserProcess(name, n, hardware, process);
    };
  }

  private TierCall calls(Fields f, TierKind kind) {
    if (kind != TierKind.STATELESS) {
      for (String key : CALL_KEYS) {
        if (f.has(key)) {
          f.error(key, "'" + key + "' is for tiers of kind \"stateless\"", "drop it");
        }
      }
      return null;
    }
    if (!f.has("calls")) {
      for (String key : List.of("callTimeout", "callRetries")) {
        if (f.has(key)) {
          f.error(key, "'" + key + "' goes with \"calls\"", "add \"calls\": \"<tier>\"");
        }
      }
      return null;
    }
    String target = f.string("calls", "");
    long timeout = f.duration("callTimeout", DEFAULT_CALL_TIMEOUT, true);
    long retries = f.integer("callRetries", 1, 0);
    if (retries > 100) {
      f.error("callRetries", "at most 100, got " + retries, "");
      retries = 1;
    }
    return target.isEmpty() ? null : new TierCall(target, timeout, (int) retries);
  }

  private Contention contention(Fields tier) {
    dev.dsim.scenario.format.Contention c = tier.has("contention") ? DocumentReader.section(
        tier.raw("contention"), tier.pathOf("contention"),
        dev.dsim.scenario.format.Contention.class, problems) : null;
    if (c == null) {
      return Contention.NONE;
    }
    return new Contention(c.alpha() == null ? 0 : c.alpha(), c.beta() == null ? 0 : c.beta());
  }

  private static double nonNegative(Fields f, String key) {
    JsonNode v = f.raw(key);
    if (!v.isNumber() || !(v.doubleValue() >= 0) || Double.isInfinite(v.doubleValue())) {
      f.error(key, "expected a number >= 0, got " + Fields.describe(v), "");
      return 0;
    }
    return v.doubleValue();
  }

  /**
   * A tier's disk. Read as a {@code Disk} for every kind: a kv tier's {@code checksums} is the
   * tier's, and {@link #tier} says so in its own words rather than as an unknown key.
   */
  private DiskConfig disk(Fields tier) {
    DiskConfig d = DiskConfig.DEFAULT;
    Disk disk = tier.has("disk") ? DocumentReader.section(tier.raw("disk"), tier.pathOf("disk"),
        Disk.class, problems) : null;
    if (disk == null) {
      return d;
    }
    JsonNode node = tier.raw("disk");
    String at = tier.pathOf("disk");
    return new DiskConfig(dist(disk.read(), node, at, "read", d.readNanos()),
        dist(disk.write(), node, at, "write", d.writeNanos()),
        dist(disk.fsync(), node, at, "fsync", d.fsyncNanos()),
        disk.capacity() == null ? d.capacityBytes() : Quantities.bytes(disk.capacity().text()),
        disk.checksums() == null ? d.checksums() : disk.checksums(),
        disk.tornWrites() == null ? d.tornWrites() : disk.tornWrites());
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
}
