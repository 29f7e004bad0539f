package dev.dsim.scenario;

/**
 * The {@code loadBalancer} section, typed: made by {@link Build#loadBalancer()}. The binder
 * checks the values (a health-check timeout at least its interval, at most 1,000 balancers).
 */
public final class LoadBalancerBuilder extends JsonSection<LoadBalancerBuilder> {
  LoadBalancerBuilder() {}

  /** How it picks a backend (default round-robin). */
  public LoadBalancerBuilder policy(LbPolicy policy) {
    return put("policy", policy.jsonName());
  }

  /** Ping every {@code interval}; a backend silent for {@code timeout} is taken to be down. */
  public LoadBalancerBuilder healthCheck(Duration interval, Duration timeout) {
    return put("healthCheck", BuilderJson.object().put("interval", interval.text())
        .put("timeout", timeout.text()));
  }

  /** No health checks: in a variant, drops the base's ({@code "healthCheck": null}). */
  public LoadBalancerBuilder withoutHealthCheck() {
    return unset("healthCheck");
  }

  /** How many balancers (default 1, named "lb"; more are lb-1 ... lb-n). */
  public LoadBalancerBuilder nodes(int nodes) {
    return put("nodes", nodes);
  }
}
