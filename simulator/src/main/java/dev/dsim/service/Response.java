package dev.dsim.service;

import dev.dsim.world.TraceSummary;

/** The reply to {@link Request} {@code id}; {@code ok} false means the request failed. */
public record Response(long id, boolean ok) implements TraceSummary {
  @Override
  public long traceSummary() {
    return ok ? id : ~id;
  }
}
