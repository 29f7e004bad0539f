package dev.dsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsim.engine.Distribution;
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
      "variants");
  private static final List<String> CLIENT_KEYS = List.of("arrival", "rate", "timeout");
  private static final List<String> LB_KEYS = List.of("policy");
  private static final List<String> TIER_KEYS = List.of("kind", "nodes", "cores", "speed",
      "work", "clock", "contention", "maxCores", "price", "disk", "files", "fileSize");
  private static final List<String> CONTENTION_KEYS = List.of("alpha", "beta");
  private static final List<String> DISK_KEYS = List.of("read", "write", "fsync", "capacity",
      "checksums", "tornWrites");
  private static final List<String> CLOCK_KEYS = List.of("offset", "driftPpm");
  /** Names become node names and directories: keep them portable. */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

  private final Problems problems;

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
    Long warmup = f.durationOrNull("warmup", false);
    if (duration != null && warmup != null && warmup >= duration) {
      f.error("warmup", "warmup must be shorter than duration (the measured window is "
          + "warmup..duration)", "shorten \"warmup\" or lengthen \"duration\"");
    }
    ClientsSpec clients = clients(f);
    LoadBalancerSpec lb = loadBalancer(f);
    Map<String, TierSpec> tiers = tiers(f);
    TargetNames names = new TargetNames(problems, nodeNames(tiers), tiers.keySet());
    NetworkSpec network = new NetworkBinder(problems, names).bind(f);
    FaultsSpec faults = new FaultsBinder(problems, names, tiers.keySet()).bind(f);
    if (!problems.isEmpty()) {
      return null;
    }
    return new Scenario(name, description, seed, duration, warmup == null ? 0 : warmup, network,
        clients, lb, tiers, faults, variant);
  }

  /** Every node the scenario defines, in layout order (see {@link ScenarioCompiler}). */
  static Set<String> nodeNames(Map<String, TierSpec> tiers) {
    Set<String> names = new LinkedHashSet<>();
    names.add(ScenarioCompiler.CLIENT);
    names.add(ScenarioCompiler.LOAD_BALANCER);
    for (TierSpec t : tiers.values()) {
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
      f.error("name", "expected a name of letters, digits, '-' and '_', got \"" + name + "\"",
          "it becomes a directory name under reports/");
    }
    return name;
  }

  private ClientsSpec clients(Fields top) {
    if (!top.has("clients")) {
      top.missing("clients", "the workload", "{\"rate\": 100}");
      return null;
    }
    Fields f = Fields.of(top.raw("clients"), top.pathOf("clients"), problems, CLIENT_KEYS);
    if (f == null) {
      return null;
    }
    Arrival arrival = f.choice("arrival", Arrival.class, Arrival.POISSON);
    if (!f.has("rate")) {
      f.missing("rate", "requests per second, a number > 0", "100");
    }
    double rate = f.numberAbove("rate", 1, 0);
    long timeout = f.duration("timeout", 0, true);
    return new ClientsSpec(arrival, rate, timeout);
  }

  private LoadBalancerSpec loadBalancer(Fields top) {
    if (!top.has("loadBalancer")) {
      return new LoadBalancerSpec(LbPolicy.ROUND_ROBIN);
    }
    Fields f = Fields.of(top.raw("loadBalancer"), top.pathOf("loadBalancer"), problems,
        LB_KEYS);
    return new LoadBalancerSpec(f == null ? LbPolicy.ROUND_ROBIN
        : f.choice("policy", LbPolicy.class, LbPolicy.ROUND_ROBIN));
  }

  private Map<String, TierSpec> tiers(Fields top) {
    Map<String, TierSpec> tiers = new LinkedHashMap<>();
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
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      TierSpec tier = tier(e.getKey(), e.getValue(), Paths.child(path, e.getKey()));
      if (tier != null) {
        tiers.put(e.getKey(), tier);
      }
    }
    return tiers;
  }

  private TierSpec tier(String name, JsonNode node, String path) {
    if (!NAME.matcher(name).matches()) {
      problems.atKey(path, "expected a tier name of letters, digits, '-' and '_', got \""
          + name + "\"", "nodes are named <tier>-<n>, so keep the name simple");
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
    if (nodes > 100_000) {
      f.error("nodes", "at most 100000 nodes per tier, got " + nodes, "");
    }
    if (cores > 4096) {
      f.error("cores", "at most 4096 cores per node, got " + cores, "");
    }
    double speed = f.numberAbove("speed", 1.0, 0);
    Distribution work = null;
    if (!f.has("work")) {
      f.missing("work", "the work per request at speed 1, a duration or distribution",
          "{\"dist\": \"exponential\", \"mean\": \"8ms\"}");
    } else {
      work = DistributionReader.read(f.raw("work"), f.pathOf("work"), problems);
    }
    long offset = 0;
    double drift = 0;
    if (f.has("clock")) {
      Fields c = Fields.of(f.raw("clock"), f.pathOf("clock"), problems, CLOCK_KEYS);
      if (c != null) {
        JsonNode o = c.raw("offset");
        Long nanos = o == null ? Long.valueOf(0) : Fields.durationValue(o, c.pathOf("offset"),
            problems);
        offset = nanos == null ? 0 : nanos;
        drift = c.numberAbove("driftPpm", 0, -1e6);
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
    long files = f.integer("files", TierSpec.DEFAULT_FILES, 1);
    long fileBytes = f.bytes("fileSize", TierSpec.DEFAULT_FILE_BYTES);
    if (files > 10_000_000 || fileBytes < 1 || fileBytes > 1 << 30) {
      f.error(files > 10_000_000 ? "files" : "fileSize", "expected at most 10000000 files of "
          + "1 B to 1 GiB each", "");
    }
    if (work == null) {
      return null;
    }
    return new TierSpec(name, kind, (int) nodes, (int) cores, speed, work, offset, drift,
        contention, (int) Math.min(maxCores, Integer.MAX_VALUE), price, disk,
        (int) Math.min(files, Integer.MAX_VALUE), (int) Math.max(1, Math.min(fileBytes, 1 << 30)));
  }

  private Contention contention(Fields tier) {
    if (!tier.has("contention")) {
      return Contention.NONE;
    }
    Fields c = Fields.of(tier.raw("contention"), tier.pathOf("contention"), problems,
        CONTENTION_KEYS);
    if (c == null) {
      return Contention.NONE;
    }
    return new Contention(c.has("alpha") ? nonNegative(c, "alpha") : 0,
        c.has("beta") ? nonNegative(c, "beta") : 0);
  }

  private static double nonNegative(Fields f, String key) {
    JsonNode v = f.raw(key);
    if (!v.isNumber() || !(v.doubleValue() >= 0) || Double.isInfinite(v.doubleValue())) {
      f.error(key, "expected a number >= 0, got " + Fields.describe(v), "");
      return 0;
    }
    return v.doubleValue();
  }

  private DiskConfig disk(Fields tier) {
    DiskConfig d = DiskConfig.DEFAULT;
    if (!tier.has("disk")) {
      return d;
    }
    Fields f = Fields.of(tier.raw("disk"), tier.pathOf("disk"), problems, DISK_KEYS);
    if (f == null) {
      return d;
    }
    return new DiskConfig(dist(f, "read", d.readNanos()), dist(f, "write", d.writeNanos()),
        dist(f, "fsync", d.fsyncNanos()), f.bytes("capacity", d.capacityBytes()),
        f.bool("checksums", d.checksums()), f.bool("tornWrites", d.tornWrites()));
  }

  private Distribution dist(Fields f, String key, Distribution fallback) {
    if (!f.has(key)) {
      return fallback;
    }
    Distribution d = DistributionReader.read(f.raw(key), f.pathOf(key), problems);
    return d == null ? fallback : d;
  }
}
