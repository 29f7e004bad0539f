package dev.dsim.scenario;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * The sections of a scenario document, typed, shared by the scenario itself
 * ({@link ScenarioBuilder}) and a variant's merge patch ({@link ScenarioPatch}): each method
 * merges its section into the document key by key, so a section given twice keeps the keys of
 * both, the later value winning. Scheduled faults are appended; in a variant they make the
 * variant's whole schedule (a merge patch replaces lists).
 *
 * @param <S> the concrete document, returned for chaining
 */
public abstract sealed class ScenarioSections<S extends ScenarioSections<S>>
    permits ScenarioBuilder, ScenarioPatch {
  final ObjectNode root = BuilderJson.object();
  private final boolean patch;

  /** {@code patch}: nulls stay (they delete from the base) instead of removing the key. */
  ScenarioSections(boolean patch) {
    this.patch = patch;
  }

  @SuppressWarnings("unchecked")
  private S self() {
    return (S) this;
  }

  private S merge(String key, ObjectNode section) {
    ObjectNode wrapper = BuilderJson.object();
    wrapper.set(key, section);
    BuilderJson.merge(root, wrapper, patch);
    return self();
  }

  /** What the scenario shows, in prose. */
  public S description(String text) {
    root.put("description", Objects.requireNonNull(text, "text"));
    return self();
  }

  /** The default seed of a run (default 1). */
  public S seed(long seed) {
    root.put("seed", seed);
    return self();
  }

  /** How long clients send requests. */
  public S duration(Duration duration) {
    root.put("duration", duration.text());
    return self();
  }

  /** The start of the measured window: requests before it are not measured (default 0s). */
  public S warmup(Duration warmup) {
    root.put("warmup", warmup.text());
    return self();
  }

  /** The network between all nodes. */
  public S network(NetworkBuilder network) {
    return merge("network", network.json());
  }

  /** The workload (without it, nothing is requested). */
  public S clients(ClientsBuilder clients) {
    return merge("clients", clients.json());
  }

  /** The load balancer in front of the first tier. */
  public S loadBalancer(LoadBalancerBuilder loadBalancer) {
    return merge("loadBalancer", loadBalancer.json());
  }

  /**
   * How nodes are priced: {@code perNode + perCoreHour × cores × speed + perGiBHour × memory
   * in GiB} per hour, in {@code currency}, for a node that gives no price of its own.
   */
  public S pricing(String currency, double perNode, double perCoreHour, double perGiBHour) {
    ObjectNode o = BuilderJson.object().put("currency", Objects.requireNonNull(currency,
        "currency"));
    o.set("perNode", BuilderJson.number(perNode));
    o.set("perCoreHour", BuilderJson.number(perCoreHour));
    o.set("perGiBHour", BuilderJson.number(perGiBHour));
    return merge("pricing", o);
  }

  /**
   * A machine tiers can be made of ({@code .instance(name)}): {@code cores} cores of speed 1,
   * {@code memory}, and {@code pricePerHour}.
   */
  public S instanceType(String name, int cores, Size memory, double pricePerHour) {
    ObjectNode t = BuilderJson.object().put("cores", cores).put("memory", memory.text());
    t.set("price", BuilderJson.number(pricePerHour));
    ObjectNode types = BuilderJson.object();
    types.set(Objects.requireNonNull(name, "name"), t);
    return merge("instanceTypes", types);
  }

  /**
   * A tier named {@code name}; the first tier added is the entry tier, behind the load
   * balancer, as in a file. A name given again merges into the tier already there.
   */
  public S tier(String name, TierBuilder<?> tier) {
    ObjectNode tiers = BuilderJson.object();
    tiers.set(Objects.requireNonNull(name, "name"), tier.json());
    return merge("tiers", tiers);
  }

  /** A scheduled fault, appended to {@code faults.schedule}. */
  public S fault(FaultBuilder<?> fault) {
    ObjectNode faults = BuilderJson.child(root, "faults");
    ArrayNode schedule = faults.get("schedule") instanceof ArrayNode a ? a
        : faults.putArray("schedule");
    schedule.add(fault.json());
    return self();
  }

  /** A kind of random fault under {@code faults.random} (each kind once). */
  public S randomFault(NemesisBuilder<?> nemesis) {
    ObjectNode random = BuilderJson.object();
    random.set(nemesis.kind(), nemesis.json());
    ObjectNode faults = BuilderJson.object();
    faults.set("random", random);
    return merge("faults", faults);
  }

  /**
   * Swarm testing ({@code faults.swarm}): each run enables a random subset of the kinds added
   * with {@link #randomFault}, drawn from its seed's stream, so a bug one kind of fault hides
   * shows in the seeds where that kind is off. Needs at least one random kind.
   */
  public S swarm(boolean on) {
    ObjectNode faults = BuilderJson.object();
    faults.put("swarm", on);
    return merge("faults", faults);
  }

  /** What a run must show: {@code expect(Metric.AVAILABILITY, atLeast(0.99))}. */
  public S expect(Metric metric, Condition condition) {
    BuilderJson.child(root, "expect").put(metric.jsonName(), condition.text());
    return self();
  }
}
