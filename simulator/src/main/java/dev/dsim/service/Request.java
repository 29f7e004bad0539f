package dev.dsim.service;

import dev.dsim.world.TraceSummary;

/** A client request as it travels client → load balancer → server. */
public record Request(long id) implements TraceSummary {
  @Override
  public long traceSummary() {
    return id;
  }
}
