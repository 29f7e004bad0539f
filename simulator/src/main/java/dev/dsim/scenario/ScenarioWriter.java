package dev.dsim.scenario;

import dev.dsim.world.PriceRule;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsim.engine.Distribution;
import dev.dsim.fault.Fault;
import dev.dsim.fault.FaultPlan;
import dev.dsim.fault.Lasting;
import dev.dsim.fault.Target;
import dev.dsim.service.HealthCheck;
import dev.dsim.service.Load;
import dev.dsim.service.OperationMix;
import dev.dsim.service.RateSchedule;
import dev.dsim.service.RetryPolicy;
import dev.dsim.service.kv.FsyncPolicy;
import dev.dsim.service.kv.Placement;
import dev.dsim.world.Contention;
import dev.dsim.world.DiskConfig;
import dev.dsim.world.NetworkConfig;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a {@link Scenario} back as the JSON document a scenario file holds: the inverse of
 * binding. Reading the written text gives a scenario equal to the one written (the variant it
 * came from aside: the written file is that variant, resolved, with no variants of its own), so a
 * resolved variant, a shrunk failure or a swept parameter point can be saved, diffed and run.
 *
 * <p>Two styles. {@link Style#CONCISE} leaves out every setting equal to the default the binder
 * would fill in, so the file reads as a person would write it; {@link Style#EXPLICIT} writes
 * every setting (a "resolved" scenario: nothing left to know about the defaults of this version
 * of dsim). Settings that are off in the model (no health check, no calls, no timeout, no
 * hedging, no core ceiling, an unlimited disk, no clients, no faults) are left out in both, as
 * the format says "off".
 *
 * <p>Values are written in the format's own units, exactly: a duration in the largest unit that
 * holds it without rounding ({@code "12ms"}, {@code "1.5s"}, {@code "250us"}), a size in the
 * largest binary unit that divides it ({@code "4KiB"}), a bandwidth in bit/s with a decimal
 * prefix. The format has nanosecond resolution, so a distribution parameter built in Java with a
 * fraction of a nanosecond is written rounded to the nanosecond; and the reader computes in
 * {@code double}, so durations are exact up to 2^53 ns (104 days), far beyond what a run allows.
 */
public final class ScenarioWriter {
  /** Whether defaults are written. */
  public enum Style {
    /** Only what differs from the binder's defaults. */
    CONCISE,
    /** Every setting, defaults included. */
    EXPLICIT
  }

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Distribution ZERO = new Distribution.Constant(0);

  private final boolean explicit;
  /** The scenario's pricing: a node priced by it needs no "price" key. */
  private PriceRule pricing = PriceRule.DEFAULT;

  private ScenarioWriter(Style style) {
    this.explicit = style == Style.EXPLICIT;
  }

  /** The scenario as a JSON tree, keys in the format's usual order. */
  public static ObjectNode toJson(Scenario scenario, Style style) {
    return new ScenarioWriter(Objects.requireNonNull(style, "style"))
        .scenario(Objects.requireNonNull(scenario, "scenario"));
  }

  /** The scenario as pretty-printed JSON text ending with a newline, ready to save as a file. */
  public static String write(Scenario scenario, Style style) {
    return write(scenario, style, List.of());
  }

  /**
   * The scenario as text, with {@code faults.drawn} listing what its nemeses drew in one run
   * (the first {@link Limits#FAULTS}); the list is for reading, not injected.
   */
  public static String write(Scenario scenario, Style style, List<FaultPlan.Scheduled> drawn) {
    ObjectNode tree = toJson(scenario, style);
    if (!drawn.isEmpty()) {
      ScenarioWriter w = new ScenarioWriter(style);
      ObjectNode faults = tree.has("faults") ? (ObjectNode) tree.get("faults")
          : tree.putObject("faults");
      ArrayNode list = faults.putArray("drawn");
      for (FaultPlan.Scheduled f : drawn.subList(0, Math.min(drawn.size(), Limits.FAULTS))) {
        list.add(w.scheduled(f));
      }
      if (tree.has("expect")) {
        // Keep the format's order: expect after faults.
        tree.set("expect", tree.remove("expect"));
      }
    }
    return text(tree);
  }

  private static String text(ObjectNode tree) {
    // "key": value, as people write scenario files (Jackson's default is "key" : value).
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try {
      return JSON.writer(printer).writeValueAsString(tree) + "\n";
    } catch (JsonProcessingException e) {
      // A tree of plain nodes always serialises; failing here is dsim's own bug.
      throw new IllegalStateException("cannot write a scenario tree", e);
    }
  }

  private ObjectNode scenario(Scenario s) {
    ObjectNode root = NODES.objectNode();
    root.put("name", s.name());
    if (explicit || !s.description().isEmpty()) {
      root.put("description", s.description());
    }
    if (explicit || s.seed() != 1) {
      root.put("seed", s.seed());
    }
    root.put("duration", Formats.duration(s.durationNanos()));
    if (explicit || s.warmupNanos() != 0) {
      root.put("warmup", Formats.duration(s.warmupNanos()));
    }
    putIfAny(root, "network", network(s.network(), s));
    if (!isIdle(s.clients())) {
      root.set("clients", clients(s.clients()));
    }
    putIfAny(root, "loadBalancer", loadBalancer(s.loadBalancer()));
    pricing = s.pricing();
    putIfAny(root, "pricing", pricing(s.pricing()));
    ObjectNode tiers = root.putObject("tiers");
    for (Tier t : s.tiers().values()) {
      tiers.set(t.name(), tier(t));
    }
    putIfAny(root, "faults", faults(s.faults(), s));
    if (!s.expect().isEmpty()) {
      ObjectNode expect = root.putObject("expect");
      for (Expectation e : s.expect()) {
        expect.put(e.metric(), e.condition());
      }
    }
    return root;
  }

  private static void putIfAny(ObjectNode parent, String key, ObjectNode child) {
    if (!child.isEmpty()) {
      parent.set(key, child);
    }
  }

  /** No clients section: nothing is requested (a system of process tiers drives itself). */
  private static boolean isIdle(ClientsSpec c) {
    return c.load() instanceof Load.Open open && open.rate().isIdle();
  }

  // ---- network --------------------------------------------------------------------------

  private ObjectNode network(NetworkSpec n, Scenario s) {
    ObjectNode o = NODES.objectNode();
    if (explicit || !n.latencyNanos().equals(ZERO)) {
      o.set("latency", Formats.distribution(n.latencyNanos()));
    }
    number(o, "loss", n.loss(), 0);
    number(o, "duplicate", n.duplicate(), 0);
    if (n.bitsPerSecond() > 0) {
      o.put("bandwidth", Formats.bandwidth(n.bitsPerSecond()));
    }
    if (explicit || n.messageBytes() != NetworkConfig.DEFAULT_MESSAGE_BYTES) {
      o.put("messageSize", Formats.size(n.messageBytes()));
    }
    number(o, "corrupt", n.corrupt(), 0);
    bool(o, "checksums", n.checksums(), false);
    if (!n.links().isEmpty()) {
      ArrayNode links = o.putArray("links");
      for (NetworkSpec.LinkSpec l : n.links()) {
        links.add(link(l));
      }
    }
    return o;
  }

  private static ObjectNode link(NetworkSpec.LinkSpec l) {
    ObjectNode o = NODES.objectNode();
    if (l.bothWays()) {
      o.putArray("between").add(Formats.names(l.from())).add(Formats.names(l.to()));
    } else {
      o.set("from", Formats.names(l.from()));
      o.set("to", Formats.names(l.to()));
    }
    if (l.latencyNanos() != null) {
      o.set("latency", Formats.distribution(l.latencyNanos()));
    }
    if (l.bitsPerSecond() != null) {
      o.put("bandwidth", Formats.bandwidth(l.bitsPerSecond()));
    }
    if (l.loss() != null) {
      o.set("loss", Formats.number(l.loss()));
    }
    return o;
  }

  // ---- clients --------------------------------------------------------------------------

  private ObjectNode clients(ClientsSpec c) {
    ObjectNode o = NODES.objectNode();
    if (c.load() instanceof Load.Open open) {
      Arrival arrival = open.arrival() == dev.dsim.service.ArrivalProcess.POISSON
          ? Arrival.POISSON : Arrival.CONSTANT;
      if (explicit || arrival != Arrival.POISSON) {
        o.put("arrival", arrival.jsonName());
      }
      o.set("rate", rate(open.rate()));
    } else if (c.load() instanceof Load.Closed closed) {
      o.put("users", closed.users());
      if (explicit || !closed.thinkNanos().equals(ZERO)) {
        o.set("thinkTime", Formats.distribution(closed.thinkNanos()));
      }
    }
    OperationMix mix = c.mix();
    number(o, "reads", mix.readFraction(), ClientsBinder.DEFAULT_READS);
    integer(o, "keys", mix.keys(), ClientsBinder.DEFAULT_KEYS);
    if (mix.zipfExponent() > 0) {
      ObjectNode zipf = o.putObject("keyDist");
      zipf.put("dist", "zipf");
      zipf.set("exponent", Formats.number(mix.zipfExponent()));
    } else if (explicit) {
      o.put("keyDist", "uniform");
    }
    if (explicit || mix.valueBytes() != ClientsBinder.DEFAULT_VALUE_BYTES) {
      o.put("valueSize", Formats.size(mix.valueBytes()));
    }
    RetryPolicy r = c.retry();
    unlessOff(o, "timeout", r.timeoutNanos());
    integer(o, "retries", r.retries(), 0);
    ObjectNode backoff = NODES.objectNode();
    duration(backoff, "base", r.backoffBaseNanos(), ClientsBinder.DEFAULT_BACKOFF_BASE);
    duration(backoff, "max", r.backoffMaxNanos(), ClientsBinder.DEFAULT_BACKOFF_MAX);
    if (explicit || r.jitter() != RetryPolicy.Jitter.FULL) {
      backoff.put("jitter", switch (r.jitter()) {
        case FULL -> "full";
        case EQUAL -> "equal";
        case NONE -> "none";
      });
    }
    putIfAny(o, "backoff", backoff);
    unlessOff(o, "hedge", r.hedgeAfterNanos());
    return o;
  }

  /** A constant rate as a number; steps and ramps as the list of points. */
  private static JsonNode rate(RateSchedule rate) {
    if (rate.isConstant()) {
      return Formats.number(rate.points().get(0).rate());
    }
    ArrayNode steps = NODES.arrayNode();
    for (RateSchedule.Point p : rate.points()) {
      ObjectNode step = steps.addObject();
      step.put("at", Formats.duration(p.atNanos()));
      step.set("rate", Formats.number(p.rate()));
      if (p.ramp()) {
        step.put("ramp", true);
      }
    }
    return steps;
  }

  // ---- load balancer --------------------------------------------------------------------

  private ObjectNode loadBalancer(LoadBalancerSpec lb) {
    ObjectNode o = NODES.objectNode();
    if (explicit || lb.policy() != LbPolicy.ROUND_ROBIN) {
      o.put("policy", lb.policy().jsonName());
    }
    if (lb.healthCheck() != null) {
      o.set("healthCheck", healthCheck(lb.healthCheck()));
    }
    integer(o, "nodes", lb.nodes(), 1);
    return o;
  }

  private static ObjectNode healthCheck(HealthCheck h) {
    ObjectNode o = NODES.objectNode();
    o.put("interval", Formats.duration(h.intervalNanos()));
    o.put("timeout", Formats.duration(h.timeoutNanos()));
    return o;
  }

  /** The keys of {@code pricing} that differ from the default rule (all of them, explicit). */
  private ObjectNode pricing(PriceRule p) {
    PriceRule d = PriceRule.DEFAULT;
    ObjectNode o = NODES.objectNode();
    if (explicit || !p.currency().equals(d.currency())) {
      o.put("currency", p.currency());
    }
    number(o, "perNode", p.perNode(), d.perNode());
    number(o, "perCoreHour", p.perCoreHour(), d.perCoreHour());
    number(o, "perGiBHour", p.perGiBHour(), d.perGiBHour());
    return o;
  }

  // ---- tiers ----------------------------------------------------------------------------

  private ObjectNode tier(Tier t) {
    ObjectNode o = NODES.objectNode();
    o.put("kind", t.kind().jsonName());
    o.put("nodes", t.nodes());
    hardware(o, t.hardware(), t instanceof Tier.Kv);
    if (t instanceof Tier.Stateless s) {
      o.set("work", Formats.distribution(s.workNanos()));
      if (s.calls() != null) {
        o.put("calls", s.calls().tier());
        duration(o, "callTimeout", s.calls().timeoutNanos(), TierBinder.DEFAULT_CALL_TIMEOUT);
        integer(o, "callRetries", s.calls().retries(), 1);
      }
    } else if (t instanceof Tier.Static s) {
      o.set("work", Formats.distribution(s.workNanos()));
      integer(o, "files", s.files(), Tier.DEFAULT_FILES);
      if (explicit || s.fileBytes() != Tier.DEFAULT_FILE_BYTES) {
        o.put("fileSize", Formats.size(s.fileBytes()));
      }
    } else if (t instanceof Tier.Kv k) {
      distribution(o, "work", k.workNanos(),
          new Distribution.Constant(TierBinder.DEFAULT_KV_WORK));
      store(o, k.store(), k.nodes());
    } else if (t instanceof Tier.UserProcess p) {
      o.put("class", p.process().type().getName());
      if (explicit || !p.process().settings().isEmpty()) {
        o.set("settings", settings(p.process().settings()));
      }
    }
    return o;
  }

  /** The hardware keys, flat in the tier as the format has them. */
  private void hardware(ObjectNode o, Hardware h, boolean kv) {
    o.put("cores", h.cores());
    number(o, "speed", h.speed(), 1);
    if (h.maxCores() > 0) { // 0: no ceiling, which the format says by leaving the key out
      o.put("maxCores", h.maxCores());
    }
    Contention c = h.contention();
    if (explicit || !c.equals(Contention.NONE)) {
      ObjectNode contention = o.putObject("contention");
      contention.set("alpha", Formats.number(c.alpha()));
      contention.set("beta", Formats.number(c.beta()));
    }
    // An instance type is written out as the machine it is: its cores, speed, memory, price.
    number(o, "price", h.pricePerHour(), pricing.price(h.cores(), h.speed(), h.memoryBytes()));
    if (explicit || h.memoryBytes() != PriceRule.defaultMemory(h.cores())) {
      o.put("memory", Formats.size(h.memoryBytes()));
    }
    putIfAny(o, "disk", disk(h.disk(), kv));
    if (explicit || h.clockOffsetNanos() != 0 || h.clockDriftPpm() != 0) {
      ObjectNode clock = o.putObject("clock");
      duration(clock, "offset", h.clockOffsetNanos(), 0);
      number(clock, "driftPpm", h.clockDriftPpm(), 0);
    }
  }

  /** A kv tier's checksums are the tier's own key, never the disk's. */
  private ObjectNode disk(DiskConfig d, boolean kv) {
    DiskConfig def = DiskConfig.DEFAULT;
    ObjectNode o = NODES.objectNode();
    distribution(o, "read", d.readNanos(), def.readNanos());
    distribution(o, "write", d.writeNanos(), def.writeNanos());
    distribution(o, "fsync", d.fsyncNanos(), def.fsyncNanos());
    if (d.capacityBytes() != Long.MAX_VALUE) {
      o.put("capacity", Formats.size(d.capacityBytes()));
    }
    if (!kv) {
      bool(o, "checksums", d.checksums(), def.checksums());
    }
    bool(o, "tornWrites", d.tornWrites(), def.tornWrites());
    return o;
  }

  private void store(ObjectNode o, KvSpec kv, int nodes) {
    integer(o, "replication", kv.replication(), Math.min(3, nodes));
    integer(o, "shards", kv.shards(), (long) nodes * KvBinder.DEFAULT_SHARDS_PER_NODE);
    if (explicit || kv.placement() != Placement.Strategy.CONSISTENT) {
      o.put("placement", kv.placement() == Placement.Strategy.CONSISTENT ? "consistent"
          : "hash");
    }
    if (kv.placement() == Placement.Strategy.CONSISTENT) {
      integer(o, "vnodes", kv.vnodes(), KvBinder.DEFAULT_VNODES);
    }
    int majority = kv.replication() / 2 + 1;
    integer(o, "readQuorum", kv.readQuorum(), majority);
    integer(o, "writeQuorum", kv.writeQuorum(), majority);
    bool(o, "sloppy", kv.sloppy(), false);
    bool(o, "readRepair", kv.readRepair(), true);
    bool(o, "readWriteBack", kv.readWriteBack(), false);
    FsyncPolicy f = kv.fsync();
    if (explicit || !f.equals(FsyncPolicy.ALWAYS)) {
      o.put("fsync", switch (f.mode()) {
        case ALWAYS -> "always";
        case NEVER -> "never";
        case PERIODIC -> Formats.duration(f.periodNanos());
      });
    }
    if (kv.heartbeat() != null) {
      o.set("heartbeat", healthCheck(kv.heartbeat()));
    }
    if (kv.swim() != null) {
      ObjectNode swim = o.putObject("swim");
      swim.put("period", Formats.duration(kv.swim().periodNanos()));
      if (kv.swim().probeTimeoutNanos() != KvBinder.defaultProbeTimeout(kv.swim().periodNanos())
          || explicit) {
        swim.put("probeTimeout", Formats.duration(kv.swim().probeTimeoutNanos()));
      }
      integer(swim, "indirectProbes", kv.swim().indirectProbes(), KvBinder.DEFAULT_INDIRECT_PROBES);
    }
    bool(o, "checksums", kv.checksums(), true);
    duration(o, "timeout", kv.timeoutNanos(), KvBinder.DEFAULT_TIMEOUT);
  }

  /** A process tier's settings as bound: strings, numbers, booleans, null, lists and maps. */
  private static JsonNode settings(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof Map<?, ?> m) {
      ObjectNode o = NODES.objectNode();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        o.set(String.valueOf(e.getKey()), settings(e.getValue()));
      }
      return o;
    }
    if (value instanceof List<?> l) {
      ArrayNode a = NODES.arrayNode();
      for (Object v : l) {
        a.add(settings(v));
      }
      return a;
    }
    if (value instanceof String s) {
      return NODES.textNode(s);
    } else if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    } else if (value instanceof Long n) {
      return NODES.numberNode(n);
    } else if (value instanceof Integer n) {
      return NODES.numberNode(n);
    } else if (value instanceof BigInteger n) {
      return NODES.numberNode(n);
    } else if (value instanceof BigDecimal n) {
      return NODES.numberNode(n);
    } else if (value instanceof Double n) {
      return NODES.numberNode(n);
    }
    throw new IllegalArgumentException("a process setting must be a JSON value, got a "
        + value.getClass().getName());
  }

  // ---- faults ---------------------------------------------------------------------------

  private ObjectNode faults(FaultPlan plan, Scenario s) {
    ObjectNode o = NODES.objectNode();
    if (!plan.schedule().isEmpty()) {
      ArrayNode schedule = o.putArray("schedule");
      for (FaultPlan.Scheduled f : plan.schedule()) {
        schedule.add(scheduled(f));
      }
    }
    ObjectNode random = NODES.objectNode();
    List<String> tierNames = List.copyOf(s.tiers().keySet());
    if (plan.randomCrash() != null) {
      FaultPlan.CrashNemesis c = plan.randomCrash();
      ObjectNode crash = random.putObject("crash");
      crash.put("mttf", Formats.duration(c.mttfNanos()));
      crash.put("mttr", Formats.duration(c.mttrNanos()));
      targets(crash, c.candidates().names(), tierNames);
      integer(crash, "maxDown", c.maxDown(), 1);
    }
    for (FaultPlan.RandomFault r : plan.random()) {
      ObjectNode nemesis = random.putObject(jsonKind(r.fault()));
      nemesis.put("mtbf", Formats.duration(r.meanIntervalNanos()));
      targets(nemesis, r.fault().targets().get(0).names(), tierNames);
      randomFault(nemesis, r.fault());
    }
    putIfAny(o, "random", random);
    // Swarm testing chooses among the random kinds: "false" is worth saying only beside them.
    if (plan.swarm() || (explicit && plan.hasRandom())) {
      o.put("swarm", plan.swarm());
    }
    return o;
  }

  /** A nemesis' candidates; by default every tier, which a concise file leaves unsaid. */
  private void targets(ObjectNode o, List<String> names, List<String> tierNames) {
    if (explicit || !names.equals(tierNames)) {
      ArrayNode list = o.putArray("targets");
      names.forEach(list::add);
    }
  }

  private static String jsonKind(Fault fault) {
    // The record names differ from the format's where a random partition is a "split".
    if (fault instanceof Fault.Split) {
      return "partition";
    }
    if (fault instanceof Fault.ClockJump) {
      return "clockJump";
    }
    if (fault instanceof Fault.ClockDrift) {
      return "clockDrift";
    }
    return fault.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
  }

  private ObjectNode scheduled(FaultPlan.Scheduled scheduled) {
    ObjectNode o = NODES.objectNode();
    o.put("at", Formats.duration(scheduled.atNanos()));
    Fault fault = scheduled.fault();
    String kind = jsonKind(fault);
    if (fault instanceof Fault.Crash c) {
      o.set(kind, Formats.target(c.target()));
      lasting(o, "restartAfter", c.restartAfter());
      bool(o, "wipe", c.wipe(), false);
    } else if (fault instanceof Fault.Partition p) {
      ArrayNode groups = o.putArray(kind);
      for (Target g : p.groups()) {
        groups.add(Formats.target(g));
      }
      lasting(o, "for", p.lasting());
      bool(o, "oneWay", p.oneWay(), false);
    } else if (fault instanceof Fault.Corrupt c) {
      o.set(kind, Formats.target(c.target()));
      integer(o, "blocks", c.blocks(), 0);
      integer(o, "sectors", c.sectors(), 0);
      number(o, "messages", c.messages(), 0);
      lasting(o, "for", c.lasting());
    } else {
      o.set(kind, Formats.target(fault.targets().get(0)));
      faultSettings(o, fault);
    }
    return o;
  }

  /** A nemesis fault's own keys (its candidates are its "targets"). */
  private void randomFault(ObjectNode o, Fault fault) {
    if (fault instanceof Fault.Corrupt c) {
      // Without "sectors" the binder strikes one block by default.
      integer(o, "blocks", c.blocks(), c.sectors() > 0 ? 0 : 1);
      integer(o, "sectors", c.sectors(), 0);
    } else {
      faultSettings(o, fault);
    }
  }

  /** The settings isolate, degrade, clock and slow faults share, scheduled or random. */
  private void faultSettings(ObjectNode o, Fault fault) {
    if (fault instanceof Fault.Split p) {
      lasting(o, "for", p.lasting());
    } else if (fault instanceof Fault.Isolate i) {
      lasting(o, "for", i.lasting());
    } else if (fault instanceof Fault.Degrade d) {
      duration(o, "latency", d.extraLatencyNanos(), 0);
      number(o, "loss", d.extraLoss(), 0);
      lasting(o, "for", d.lasting());
    } else if (fault instanceof Fault.ClockJump j) {
      o.put("by", Formats.duration(j.byNanos()));
    } else if (fault instanceof Fault.ClockDrift d) {
      o.set("ppm", Formats.number(d.ppm()));
      lasting(o, "for", d.lasting());
    } else if (fault instanceof Fault.Slow sl) {
      o.set("factor", Formats.number(sl.factor()));
      lasting(o, "for", sl.lasting());
      String resource = sl.cpu() && sl.disk() ? "both" : sl.cpu() ? "cpu" : "disk";
      if (explicit || !resource.equals("both")) {
        o.put("resource", resource);
      }
    } else {
      throw new IllegalArgumentException("not a fault with shared settings: " + fault);
    }
  }

  /** A duration whose 0 means "none" (no timeout, no hedging): the format leaves it out. */
  private static void unlessOff(ObjectNode o, String key, long nanos) {
    if (nanos != 0) {
      o.put(key, Formats.duration(nanos));
    }
  }

  /** "for" or "restartAfter": a duration, or nothing for a fault that lasts for ever. */
  private static void lasting(ObjectNode o, String key, Lasting lasting) {
    if (lasting.heals()) {
      o.put(key, Formats.duration(lasting.nanos()));
    }
  }

  // ---- values, written unless they are the default (concise style) ---------------------

  private void number(ObjectNode o, String key, double value, double fallback) {
    if (explicit || Double.compare(value, fallback) != 0) {
      o.set(key, Formats.number(value));
    }
  }

  private void integer(ObjectNode o, String key, long value, long fallback) {
    if (explicit || value != fallback) {
      o.put(key, value);
    }
  }

  private void bool(ObjectNode o, String key, boolean value, boolean fallback) {
    if (explicit || value != fallback) {
      o.put(key, value);
    }
  }

  private void duration(ObjectNode o, String key, long nanos, long fallback) {
    if (explicit || nanos != fallback) {
      o.put(key, Formats.duration(nanos));
    }
  }

  private void distribution(ObjectNode o, String key, Distribution d, Distribution fallback) {
    if (explicit || !d.equals(fallback)) {
      o.set(key, Formats.distribution(d));
    }
  }

  /**
   * The format's spellings of values: durations, sizes and bandwidths as the typed builder's
   * value types write them ({@link Duration}, {@link Size}, {@link Bandwidth}), targets,
   * numbers.
   */
  static final class Formats {
    private Formats() {}

    /** Nanoseconds in the largest unit that holds them exactly ({@link Duration#text}). */
    static String duration(long nanos) {
      return new Duration(nanos).text();
    }

    /** A distribution of durations: a bare duration for a constant, else its object. */
    static JsonNode distribution(Distribution d) {
      if (d instanceof Distribution.Constant c) {
        return NODES.textNode(durationOf(c.value()));
      }
      ObjectNode o = NODES.objectNode();
      if (d instanceof Distribution.Exponential e) {
        o.put("dist", "exponential");
        o.put("mean", durationOf(e.mean()));
      } else if (d instanceof Distribution.Uniform u) {
        o.put("dist", "uniform");
        o.put("min", durationOf(u.min()));
        o.put("max", durationOf(u.max()));
      } else if (d instanceof Distribution.Normal n) {
        o.put("dist", "normal");
        o.put("mean", durationOf(n.mean()));
        o.put("stddev", durationOf(n.stddev()));
      } else if (d instanceof Distribution.LogNormal l) {
        o.put("dist", "lognormal");
        o.put("median", durationOf(l.median()));
        o.put("p99", durationOf(l.p99()));
      } else if (d instanceof Distribution.Pareto p) {
        o.put("dist", "pareto");
        o.put("scale", durationOf(p.scale()));
        o.set("shape", number(p.shape()));
      } else {
        throw new IllegalArgumentException("a distribution the format cannot write: " + d);
      }
      return o;
    }

    private static String durationOf(double nanos) {
      return duration(Math.round(nanos));
    }

    /** Bytes as {@link Size#text} writes them ("4KiB", "10GB", "1536B"). */
    static String size(long bytes) {
      return new Size(bytes).text();
    }

    /** Bits per second as {@link Bandwidth#text} writes them; a fraction of a bit exactly. */
    static String bandwidth(double bitsPerSecond) {
      if (bitsPerSecond == Math.rint(bitsPerSecond) && bitsPerSecond < 9e18) {
        return new Bandwidth((long) bitsPerSecond).text();
      }
      return decimal(new BigDecimal(bitsPerSecond)) + "bit/s";
    }

    /** One name as a string, several as a list. */
    static JsonNode names(List<String> names) {
      if (names.size() == 1) {
        return NODES.textNode(names.get(0));
      }
      ArrayNode a = NODES.arrayNode();
      names.forEach(a::add);
      return a;
    }

    /** A fault's target as the scenario writes it: names, or "random:<tier>". */
    static JsonNode target(Target t) {
      return t instanceof Target.OneOf ? names(List.of(t.label())) : names(t.names());
    }

    /** A whole number without a fraction (600, not 600.0); otherwise the shortest decimal. */
    static JsonNode number(double v) {
      if (v == Math.rint(v) && Math.abs(v) < 1e15) {
        return NODES.numberNode((long) v);
      }
      return NODES.numberNode(v);
    }

    private static String decimal(BigDecimal v) {
      BigDecimal stripped = v.stripTrailingZeros();
      return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
  }
}
