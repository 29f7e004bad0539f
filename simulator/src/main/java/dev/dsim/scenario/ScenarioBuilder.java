package dev.dsim.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A scenario written in Java instead of JSON: the builder writes the very JSON document a
 * scenario file would hold, and {@link #build} binds it with the same binder, so the two are one
 * model. Anything a file can say, code can say: the typed methods cover the common settings, and
 * {@code set(key, value)} on every section reaches any other key of the format (see
 * {@code dsim schema}); an error names the JSON path, exactly as for a file.
 *
 * <pre>{@code
 * Scenario s = ScenarioBuilder.scenario("web-kv").seed(42).duration("2m").warmup("10s")
 *     .clients(c -> c.rate(2000).set("reads", 0.9).set("keys", 10000).timeout("2s"))
 *     .loadBalancer(lb -> lb.policy("least-outstanding").healthCheck("1s", "3s"))
 *     .tier("web", t -> t.kind("stateless").nodes(8).cores(4)
 *         .work(Dist.exponential("8ms")).set("calls", "db"))
 *     .tier("db", t -> t.kind("kv").nodes(3).set("replication", 3))
 *     .fault(f -> f.at("30s").set("crash", "web-2").set("restartAfter", "30s"))
 *     .expect("availability", ">= 0.99")
 *     .build();
 * }</pre>
 */
public final class ScenarioBuilder {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);
  private final ObjectNode root = JSON.createObjectNode();

  private ScenarioBuilder(String name) {
    root.put("name", name);
  }

  /** A scenario named {@code name} (letters, digits, '-' and '_': it names its reports). */
  public static ScenarioBuilder scenario(String name) {
    return new ScenarioBuilder(name);
  }

  /** A JSON object of the format, filled by typed methods or by {@link #set}. */
  public static class Section<S extends Section<S>> {
    final ObjectNode node;

    Section(ObjectNode node) {
      this.node = node;
    }

    @SuppressWarnings("unchecked")
    private S self() {
      return (S) this;
    }

    /**
     * Sets {@code key} to {@code value}: a String, a number, a Boolean, a {@link Dist}, a
     * {@code Map} (an object; use a LinkedHashMap where order matters, as for tiers), an
     * {@code Iterable} (a list) or null (removes the key).
     */
    public S set(String key, Object value) {
      if (value == null) {
        node.remove(key);
      } else {
        node.set(key, toJson(value));
      }
      return self();
    }
  }

  /** The {@code clients} section. */
  public static final class Clients extends Section<Clients> {
    Clients(ObjectNode node) {
      super(node);
    }

    /** Open loop: requests per second. */
    public Clients rate(double perSecond) {
      // 300 rather than 300.0: the JSON reads as a person would write it.
      return set("rate", perSecond == Math.rint(perSecond) && Math.abs(perSecond) < 1e15
          ? (Object) (long) perSecond : perSecond);
    }

    /** Closed loop: this many users, each thinking {@code thinkTime} between requests. */
    public Clients users(int users, String thinkTime) {
      return set("users", users).set("thinkTime", thinkTime);
    }

    public Clients timeout(String timeout) {
      return set("timeout", timeout);
    }

    public Clients retries(int retries) {
      return set("retries", retries);
    }
  }

  /** The {@code loadBalancer} section. */
  public static final class LoadBalancer extends Section<LoadBalancer> {
    LoadBalancer(ObjectNode node) {
      super(node);
    }

    /** round-robin, random, least-outstanding or power-of-two-choices. */
    public LoadBalancer policy(String policy) {
      return set("policy", policy);
    }

    /** Heartbeat health checks every {@code interval}; down after {@code timeout} of silence. */
    public LoadBalancer healthCheck(String interval, String timeout) {
      return set("healthCheck", ordered("interval", interval, "timeout", timeout));
    }
  }

  /** One tier under {@code tiers}. */
  public static final class Tier extends Section<Tier> {
    Tier(ObjectNode node) {
      super(node);
    }

    /** stateless, static, kv or process. */
    public Tier kind(String kind) {
      return set("kind", kind);
    }

    public Tier nodes(int nodes) {
      return set("nodes", nodes);
    }

    public Tier cores(int cores) {
      return set("cores", cores);
    }

    /** The work per request at speed 1. */
    public Tier work(Dist work) {
      return set("work", work);
    }

    /** For a {@code process} tier: the class of its nodes' {@code dev.dsim.world.Process}. */
    public Tier processClass(Class<?> type) {
      return set("class", type.getName());
    }
  }

  /** The {@code network} section. */
  public static final class Network extends Section<Network> {
    Network(ObjectNode node) {
      super(node);
    }

    public Network latency(Dist latency) {
      return set("latency", latency);
    }

    /** Probability that a message is lost. */
    public Network loss(double probability) {
      return set("loss", probability);
    }
  }

  /** One scheduled fault under {@code faults.schedule}. */
  public static final class Fault extends Section<Fault> {
    Fault(ObjectNode node) {
      super(node);
    }

    /** When it strikes. */
    public Fault at(String time) {
      return set("at", time);
    }

    /** Crashes a node (or a tier's nodes); with {@code restartAfter}, it comes back. */
    public Fault crash(String target, String restartAfter) {
      return set("crash", target).set("restartAfter", restartAfter);
    }
  }

  /** A distribution of durations, as the format writes it. */
  public record Dist(Map<String, Object> json) {
    public static Dist constant(String value) {
      return new Dist(ordered("dist", "constant", "value", value));
    }

    public static Dist exponential(String mean) {
      return new Dist(ordered("dist", "exponential", "mean", mean));
    }

    public static Dist uniform(String min, String max) {
      return new Dist(ordered("dist", "uniform", "min", min, "max", max));
    }

    public static Dist lognormal(String median, String p99) {
      return new Dist(ordered("dist", "lognormal", "median", median, "p99", p99));
    }
  }

  public ScenarioBuilder description(String text) {
    root.put("description", text);
    return this;
  }

  public ScenarioBuilder seed(long seed) {
    root.put("seed", seed);
    return this;
  }

  /** How long clients send requests ("10m"). */
  public ScenarioBuilder duration(String duration) {
    root.put("duration", duration);
    return this;
  }

  /** Requests before this are not measured. */
  public ScenarioBuilder warmup(String warmup) {
    root.put("warmup", warmup);
    return this;
  }

  public ScenarioBuilder network(Consumer<Network> settings) {
    settings.accept(new Network(object(root, "network")));
    return this;
  }

  public ScenarioBuilder clients(Consumer<Clients> settings) {
    settings.accept(new Clients(object(root, "clients")));
    return this;
  }

  public ScenarioBuilder loadBalancer(Consumer<LoadBalancer> settings) {
    settings.accept(new LoadBalancer(object(root, "loadBalancer")));
    return this;
  }

  /** A tier; the first tier added is the entry tier, as in a file. */
  public ScenarioBuilder tier(String name, Consumer<Tier> settings) {
    settings.accept(new Tier(object(object(root, "tiers"), name)));
    return this;
  }

  /** A scheduled fault, appended to {@code faults.schedule}. */
  public ScenarioBuilder fault(Consumer<Fault> settings) {
    ObjectNode faults = object(root, "faults");
    ArrayNode schedule = faults.has("schedule") ? (ArrayNode) faults.get("schedule")
        : faults.putArray("schedule");
    settings.accept(new Fault(schedule.addObject()));
    return this;
  }

  /** An expectation: {@code expect("availability", ">= 0.999")}. */
  public ScenarioBuilder expect(String metric, String condition) {
    object(root, "expect").put(metric, condition);
    return this;
  }

  /** A variant: a merge patch written with {@code set("tiers", ordered(...))} and the like. */
  public ScenarioBuilder variant(String name, Consumer<Section<?>> patch) {
    patch.accept(new Section<>(object(object(root, "variants"), name)));
    return this;
  }

  /** Sets any top-level key (for example "faults" as a whole). */
  public ScenarioBuilder set(String key, Object value) {
    new Section<>(root).set(key, value);
    return this;
  }

  /** The scenario as JSON text: what a file holding it would say. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Binds and validates it, with every variant; errors are located by JSON path. */
  public ScenarioFile buildFile() throws ScenarioException {
    return ScenarioLoader.parse("<" + root.path("name").asText("scenario") + " built in code>",
        toJson());
  }

  /** The base scenario (no variant), bound and validated. */
  public Scenario build() throws ScenarioException {
    return buildFile().resolve(null);
  }

  /**
   * An insertion-ordered map from key, value pairs: {@code Map.of} iterates in an order that
   * changes from one JVM to the next, and the JSON (and which tier comes first) must not.
   */
  public static Map<String, Object> ordered(Object... keyValues) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  private static ObjectNode object(ObjectNode parent, String key) {
    JsonNode n = parent.get(key);
    if (n instanceof ObjectNode o) {
      return o;
    }
    return parent.putObject(key);
  }

  static JsonNode toJson(Object value) {
    if (value instanceof Dist d) {
      return JSON.valueToTree(d.json());
    }
    return JSON.valueToTree(value);
  }
}
