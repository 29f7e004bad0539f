package dev.dsim.service;

import dev.dsim.engine.Rng;
import dev.dsim.engine.TraceFields;
import dev.dsim.world.Corruptible;
import dev.dsim.world.TraceContent;
import dev.dsim.world.TraceSummary;

/**
 * A client request as it travels client → load balancer → server (→ the next tier).
 *
 * <p>{@code op}, {@code key} and {@code value} matter to a key-value tier (the value is what a
 * write writes); stateless and static servers ignore them. {@code damaged} marks a request whose
 * bits were flipped in flight without a checksum to catch it: the simulator knows, the processes
 * do not, and a server answering it answers garbage (a write stores garbage).
 */
public record Request(long id, Op op, int key, long value, boolean damaged)
    implements TraceSummary, TraceContent, Corruptible {

  /** What the client asks for. */
  public enum Op {
    READ,
    WRITE,
    /**
     * A read that asks every replica and returns the newest value: the final read-back after a
     * run, which asks "is this write still anywhere?", not "what would a client see?".
     */
    READ_ALL
  }

  /** A request that carries no data (what stateless and static tiers serve). */
  public Request(long id) {
    this(id, Op.READ, 0, 0, false);
  }

  /** The same request under another id (a load balancer renumbers what it forwards). */
  public Request withId(long newId) {
    return new Request(newId, op, key, value, damaged);
  }

  @Override
  public long traceSummary() {
    return id;
  }

  @Override
  public void traceFields(TraceFields out) {
    out.field("req", id).field("op", op.name());
    if (op != Op.READ || key != 0) {
      out.field("key", key);
    }
    if (op == Op.WRITE) {
      out.field("value", value);
    }
    if (damaged) {
      out.field("damaged", true);
    }
  }

  @Override
  public Object corrupted(Rng rng) {
    return new Request(id, op, key, value, true);
  }
}
