package dev.dsim.service;

import dev.dsim.engine.Rng;
import dev.dsim.engine.TraceFields;
import dev.dsim.world.Corruptible;
import dev.dsim.world.TraceContent;
import dev.dsim.world.TraceSummary;

/**
 * The reply to {@link Request} {@code id}; {@code ok} false means the request failed. For a read,
 * {@code value} is the value read ({@code History.NONE} when the key holds nothing).
 * {@code damaged} marks a reply whose content is wrong (corrupted on a disk or in flight, and not
 * caught by a checksum) although it looks fine: the client takes it as a success, and the
 * metrics count it as a corrupt response.
 */
public record Response(long id, boolean ok, long value, boolean damaged) implements TraceSummary,
    TraceContent, Corruptible {

  /** A reply that carries no value. */
  public Response(long id, boolean ok) {
    this(id, ok, 0, false);
  }

  /** A reply that carries no value, possibly damaged. */
  public Response(long id, boolean ok, boolean damaged) {
    this(id, ok, 0, damaged);
  }

  /** The same reply under another id (a load balancer maps ids back on the way out). */
  public Response withId(long newId) {
    return new Response(newId, ok, value, damaged);
  }

  /** The value as the receiver sees it: garbage when the reply was damaged. */
  public long valueSeen() {
    return damaged ? Values.garble(value) : value;
  }

  @Override
  public long traceSummary() {
    return ok ? id : ~id;
  }

  @Override
  public void traceFields(TraceFields out) {
    out.field("req", id).field("ok", ok);
    if (value != 0) {
      out.field("value", value);
    }
    if (damaged) {
      out.field("damaged", true);
    }
  }

  @Override
  public Object corrupted(Rng rng) {
    return new Response(id, ok, value, true);
  }
}
