package dev.dsim.scenario;

import dev.dsim.service.HealthCheck;
import java.util.Objects;

/**
 * The load balancers in front of the entry tier: how they pick a backend, whether they check
 * backends' health (null: no health checks), and how many there are (one is a single point of
 * failure; clients fail over between several).
 */
public record LoadBalancerSpec(LbPolicy policy, HealthCheck healthCheck, int nodes) {
  public LoadBalancerSpec {
    Objects.requireNonNull(policy, "policy");
    if (nodes < 1) {
      throw new IllegalArgumentException("at least one load balancer: " + nodes);
    }
  }

  /** One balancer with this policy and no health checks. */
  public LoadBalancerSpec(LbPolicy policy) {
    this(policy, null, 1);
  }
}
