package dev.dsim.service;

import dev.dsim.engine.Rng;
import dev.dsim.world.Corruptible;
import dev.dsim.world.TraceSummary;

/**
 * The reply to {@link Request} {@code id}; {@code ok} false means the request failed.
 * {@code damaged} marks a reply whose content is wrong (corrupted on a disk or in flight, and not
 * caught by a checksum) although it looks fine: the client takes it as a success, and the
 * metrics count it as a corrupt response.
 */
public record Response(long id, boolean ok, boolean damaged) implements TraceSummary,
    Corruptible {
  public Response(long id, boolean ok) {
    this(id, ok, false);
  }

  @Override
  public long traceSummary() {
    return ok ? id : ~id;
  }

  @Override
  public Object corrupted(Rng rng) {
    return new Response(id, ok, true);
  }
}
