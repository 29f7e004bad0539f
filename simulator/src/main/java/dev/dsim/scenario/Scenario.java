package dev.dsim.scenario;

import dev.dsim.world.PriceRule;
import dev.dsim.fault.FaultPlan;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A validated scenario: the system to simulate, for how long, and under what load.
 *
 * @param name directory-safe name ({@code reports/<name>/…})
 * @param description free text for humans
 * @param seed the default seed of a run
 * @param durationNanos clients issue requests from 0 until this time
 * @param warmupNanos requests issued before this time are not measured
 * @param network the network between nodes
 * @param clients the workload
 * @param loadBalancer how requests are spread over the entry tier
 * @param pricing how nodes are priced, and the currency of every price
 * @param tiers tiers by name, in file order; the first is the entry tier
 * @param faults the faults to inject
 * @param expect what the run must show, in file order (empty: nothing)
 * @param variant the variant applied, or null for the base scenario
 */
public record Scenario(String name, String description, long seed, long durationNanos,
    long warmupNanos, NetworkSpec network, ClientsSpec clients, LoadBalancerSpec loadBalancer,
    PriceRule pricing, Map<String, Tier> tiers, FaultPlan faults, List<Expectation> expect,
    String variant) {

  public Scenario {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(clients, "clients");
    Objects.requireNonNull(loadBalancer, "loadBalancer");
    Objects.requireNonNull(pricing, "pricing");
    Objects.requireNonNull(faults, "faults");
    if (tiers.isEmpty()) {
      throw new IllegalArgumentException("a scenario needs at least one tier");
    }
    tiers = Collections.unmodifiableMap(new LinkedHashMap<>(tiers));
    expect = List.copyOf(expect);
  }

  /**
   * A scenario written in Java: the typed builder, with the factories of {@link Build} (import
   * them statically). {@code name} is letters, digits, '-' and '_' (it names the reports).
   */
  public static ScenarioBuilder named(String name) {
    return new ScenarioBuilder(name);
  }

  /**
   * The same scenario marked as variant {@code newVariant} (null: the base): what a scenario
   * written out and read back ({@link ScenarioWriter}) needs to be the variant it was again.
   */
  public Scenario withVariant(String newVariant) {
    return new Scenario(name, description, seed, durationNanos, warmupNanos, network, clients,
        loadBalancer, pricing, tiers, faults, expect, newVariant);
  }

  /** The same scenario with another default seed. */
  public Scenario withSeed(long newSeed) {
    return new Scenario(name, description, newSeed, durationNanos, warmupNanos, network,
        clients, loadBalancer, pricing, tiers, faults, expect, variant);
  }

  /** The same scenario as a file of its own: no variant name (what reading it back gives). */
  public Scenario withoutVariant() {
    return new Scenario(name, description, seed, durationNanos, warmupNanos, network, clients,
        loadBalancer, pricing, tiers, faults, expect, null);
  }

  /** The same scenario with other faults. */
  public Scenario withFaults(FaultPlan newFaults) {
    return new Scenario(name, description, seed, durationNanos, warmupNanos, network, clients,
        loadBalancer, pricing, tiers, newFaults, expect, variant);
  }

  /** The same scenario running {@code nanos}; the warmup at most half of it. */
  public Scenario withDuration(long nanos) {
    return new Scenario(name, description, seed, nanos, Math.min(warmupNanos, nanos / 2),
        network, clients, loadBalancer, pricing, tiers, faults, expect, variant);
  }

  /** The same scenario with another workload. */
  public Scenario withClients(ClientsSpec newClients) {
    return new Scenario(name, description, seed, durationNanos, warmupNanos, network,
        newClients, loadBalancer, pricing, tiers, faults, expect, variant);
  }

  /** Every node's name, in the order the simulator numbers them (client, balancers, tiers). */
  public List<String> nodeNames() {
    return List.copyOf(ScenarioBinder.nodeNames(tiers, loadBalancer.nodes()));
  }
}
