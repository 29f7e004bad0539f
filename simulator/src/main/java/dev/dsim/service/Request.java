package dev.dsim.service;

import dev.dsim.engine.Rng;
import dev.dsim.world.Corruptible;
import dev.dsim.world.TraceSummary;

/**
 * A client request as it travels client → load balancer → server. {@code damaged} marks a
 * request whose bits were flipped in flight without a checksum to catch it: the simulator knows,
 * the processes do not, and a server answering it answers garbage.
 */
public record Request(long id, boolean damaged) implements TraceSummary, Corruptible {
  public Request(long id) {
    this(id, false);
  }

  @Override
  public long traceSummary() {
    return id;
  }

  @Override
  public Object corrupted(Rng rng) {
    return new Request(id, true);
  }
}
