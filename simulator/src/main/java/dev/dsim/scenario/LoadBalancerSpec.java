package dev.dsim.scenario;

import java.util.Objects;

/** The load balancer in front of the entry tier. */
public record LoadBalancerSpec(LbPolicy policy) {
  public LoadBalancerSpec {
    Objects.requireNonNull(policy, "policy");
  }
}
