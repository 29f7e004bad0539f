package dev.dsim.service;

import dev.dsim.engine.Distribution;
import java.util.Objects;

/**
 * How clients offer load. Open loop: requests arrive on a schedule whatever happens to earlier
 * ones (many independent users; a slow system builds a queue). Closed loop: a fixed number of
 * users, each waiting for its reply and thinking before the next request (a slow system slows its
 * users down instead). The choice decides what overload looks like.
 */
public sealed interface Load {

  /** Requests arrive by {@code arrival} at the rate {@code rate} sets over time. */
  record Open(ArrivalProcess arrival, RateSchedule rate) implements Load {
    public Open {
      Objects.requireNonNull(arrival, "arrival");
      Objects.requireNonNull(rate, "rate");
    }
  }

  /** {@code users} users, each thinking {@code thinkNanos} between a reply and its next request. */
  record Closed(int users, Distribution thinkNanos) implements Load {
    public Closed {
      if (users < 1) {
        throw new IllegalArgumentException("a closed loop needs at least one user: " + users);
      }
      Objects.requireNonNull(thinkNanos, "thinkNanos");
    }
  }
}
