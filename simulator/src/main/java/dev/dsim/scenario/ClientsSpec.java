package dev.dsim.scenario;

import dev.dsim.service.Load;
import dev.dsim.service.OperationMix;
import dev.dsim.service.RetryPolicy;
import java.util.Objects;

/**
 * The workload: how load is offered (open or closed loop), what operations it asks for (used
 * when the system has a key-value tier), and what a client does about failures.
 */
public record ClientsSpec(Load load, OperationMix mix, RetryPolicy retry) {
  public ClientsSpec {
    Objects.requireNonNull(load, "load");
    Objects.requireNonNull(mix, "mix");
    Objects.requireNonNull(retry, "retry");
  }

  /** The per-attempt timeout (0 = none). */
  public long timeoutNanos() {
    return retry.timeoutNanos();
  }
}
