package dev.dsim.scenario;

import dev.dsim.world.PriceRule;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dsim.fault.FaultPlan;
import dev.dsim.engine.Durations;
import dev.dsim.scenario.format.LoadBalancer;
import dev.dsim.scenario.format.Name;
import dev.dsim.scenario.format.NonNegativeDuration;
import dev.dsim.scenario.format.PositiveDuration;
import dev.dsim.scenario.format.ScenarioDocument;
import dev.dsim.service.HealthCheck;
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
  /** The top-level keys, the document model's (its records are where a key is added). */
  static final List<String> TOP_KEYS = DocumentKeys.of(ScenarioDocument.class);
  /** Names become node names and directories: keep them portable. */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

  /** Names a tier cannot have: its nodes would be named like the client or the balancers. */
  private static final List<String> RESERVED = List.of("client", "lb");

  private final Problems problems;
  /**
   * Nodes each tier asks for, before a count beyond the limits falls back to 1: node names are
   * checked against what the user wrote, and never listed.
   */
  private final Map<String, Integer> declaredNodes = new LinkedHashMap<>();

  /** How nodes are priced: the file's {@code pricing}, or the default rule. */
  private PriceRule pricing = PriceRule.DEFAULT;
  /** The file's {@code instanceTypes}, bound, in file order. */
  private Map<String, Machine> machines = Map.of();

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
    DocumentObject f = DocumentObject.of(root, "", ScenarioDocument.class, problems);
    if (f == null) {
      return null;
    }
    String name = name(f);
    String description = or(f.read("description", String.class), "");
    long seed = or(f.read("seed", Long.class), 1L);
    Long duration = f.require("duration") ? nanos(f.read("duration", PositiveDuration.class))
        : null;
    if (!Limits.timeWithin(duration, f.pathOf("duration"), problems)) {
      duration = null;
    }
    NonNegativeDuration warmupText = f.read("warmup", NonNegativeDuration.class);
    Long warmup = warmupText == null ? null : Durations.parse(warmupText.text());
    if (duration != null && warmup != null && warmup >= duration) {
      f.error("warmup", "warmup must be shorter than duration (the measured window is "
          + "warmup..duration)", "shorten \"warmup\" or lengthen \"duration\"");
    }
    ClientsSpec clients = new ClientsBinder(problems).bind(f, duration);
    LoadBalancerSpec lb = loadBalancer(f);
    pricing = pricing(f);
    machines = machines(f);
    Map<String, Tier> tiers = tiers(f);
    checkCalls(f, tiers);
    checkTotalNodes(f, lb.nodes());
    TargetNames names = new TargetNames(problems, declaredNodes, lb.nodes());
    NetworkSpec network = new NetworkBinder(problems, names).bind(f);
    FaultPlan faults = new FaultsBinder(problems, names, declaredNodes.keySet()).bind(f);
    List<Expectation> expect = new ExpectBinder(problems).bind(f);
    if (!problems.isEmpty()) {
      return null;
    }
    return new Scenario(name, description, seed, duration, warmup == null ? 0 : warmup, network,
        clients, lb, pricing, tiers, faults, expect, variant);
  }

  /** The {@code pricing} section: its currency and rule, the defaults for what it omits. */
  private PriceRule pricing(DocumentObject top) {
    if (!top.has("pricing")) {
      return PriceRule.DEFAULT;
    }
    dev.dsim.scenario.format.Pricing p = DocumentReader.section(top.raw("pricing"),
        top.pathOf("pricing"), dev.dsim.scenario.format.Pricing.class, problems);
    if (p == null) {
      return PriceRule.DEFAULT;
    }
    PriceRule d = PriceRule.DEFAULT;
    return new PriceRule(p.currency() == null ? d.currency() : p.currency(),
        TierBinder.or(p.perNode(), d.perNode()), TierBinder.or(p.perCoreHour(),
            d.perCoreHour()), TierBinder.or(p.perGiBHour(), d.perGiBHour()));
  }

  /** The {@code instanceTypes}, each priced by the rule unless it gives its own price. */
  private Map<String, Machine> machines(DocumentObject top) {
    if (!top.has("instanceTypes")) {
      return Map.of();
    }
    JsonNode node = top.raw("instanceTypes");
    String path = top.pathOf("instanceTypes");
    if (!node.isObject()) {
      problems.atValue(path, "expected an object of instance types keyed by name, got "
          + Quote.value(node), "e.g. {\"small\": {\"cores\": 2, \"price\": 0.1}}");
      return Map.of();
    }
    if (node.size() > Limits.TIERS) {
      problems.atValue(path, "at most " + Limits.TIERS + " instance types, got " + node.size(),
          "declare the machines the tiers use");
      return Map.of();
    }
    Map<String, Machine> out = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String at = Paths.child(path, e.getKey());
      if (!NAME.matcher(e.getKey()).matches() || e.getKey().length() > Limits.NAME_CHARS) {
        problems.atKey(at, "expected an instance type name of letters, digits, '-' and '_' "
            + "(at most " + Limits.NAME_CHARS + "), got \"" + Quote.text(e.getKey()) + "\"",
            "e.g. \"small\" or \"m6-large\"");
        continue;
      }
      dev.dsim.scenario.format.InstanceType t = DocumentReader.section(e.getValue(), at,
          dev.dsim.scenario.format.InstanceType.class, problems);
      if (t == null || t.cores() == null) {
        continue; // the reader reported it
      }
      int cores = (int) Math.min(t.cores(), Limits.CORES);
      double speed = TierBinder.or(t.speed(), 1.0);
      long memory = TierBinder.memory(t.memory(), cores, Paths.child(at, "memory"), problems);
      double price = t.price() != null ? t.price() : pricing.price(cores, speed, memory);
      out.put(e.getKey(), new Machine(e.getKey(), cores, speed, memory, price));
    }
    return out;
  }

  /** All the nodes, with the client and the balancers, within {@link Limits#NODES_TOTAL}. */
  private void checkTotalNodes(DocumentObject top, int loadBalancers) {
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

  private String name(DocumentObject f) {
    if (!f.require("name")) {
      return "";
    }
    Name name = f.read("name", Name.class);
    return name == null ? "" : name.text();
  }

  private static Long nanos(PositiveDuration d) {
    return d == null ? null : Durations.parse(d.text());
  }

  private static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }

  private LoadBalancerSpec loadBalancer(DocumentObject top) {
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
  private void checkCalls(DocumentObject top, Map<String, Tier> tiers) {
    for (Tier tier : tiers.values()) {
      if (!(tier instanceof Tier.Stateless t) || t.calls() == null) {
        continue;
      }
      String path = Paths.child(Paths.child(top.pathOf("tiers"), t.name()), "calls");
      String target = t.calls().tier();
      // Against every tier written, bound or not: one with an error of its own exists.
      if (!declaredNodes.containsKey(target)) {
        String close = DidYouMean.closest(target, List.copyOf(declaredNodes.keySet()));
        problems.atValue(path, "no tier named \"" + target + "\"", close != null
            ? "did you mean '" + close + "'?" : "tiers: " + String.join(", ",
                declaredNodes.keySet()));
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

  private Map<String, Tier> tiers(DocumentObject top) {
    Map<String, Tier> tiers = new LinkedHashMap<>();
    if (!top.require("tiers")) {
      return tiers;
    }
    JsonNode node = top.raw("tiers");
    String path = top.pathOf("tiers");
    if (!node.isObject()) {
      problems.atValue(path, "expected an object of tiers keyed by name, got "
          + Quote.value(node), "");
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
          + Quote.text(name) + "\"", "nodes are named <tier>-<n>, so keep the name simple");
    } else if (name.length() > Limits.NAME_CHARS) {
      problems.atKey(path, "a tier name of at most " + Limits.NAME_CHARS + " characters, got "
          + name.length(), "nodes are named <tier>-<n>, so keep the name short");
    } else if (RESERVED.contains(name)) {
      problems.atKey(path, "\"" + name + "\" is reserved: the client node is client-1 and the "
          + "load balancers lb, lb-1, lb-2, …", "call the tier something else, e.g. \""
          + name + "s\"");
    }
    Long declared = node.isObject() && node.has("nodes")
        ? DocumentValues.wholeNumber(node.get("nodes")) : null;
    // Counted as written, whatever else is wrong with the tier: faults and links name its
    // nodes, and are checked against what the user wrote.
    declaredNodes.put(name, declared == null || declared < 1 ? 1
        : (int) Math.min(declared, Integer.MAX_VALUE));
    dev.dsim.scenario.format.Tier t = DocumentReader.section(node, path,
        dev.dsim.scenario.format.Tier.class, problems);
    return t == null ? null : new TierBinder(problems, pricing, machines).bind(name, t, node,
        path);
  }
}
