package dev.dsim.service;

import dev.dsim.engine.TraceFields;
import dev.dsim.world.Context;
import dev.dsim.world.Message;
import dev.dsim.world.TraceContent;
import dev.dsim.world.TraceSummary;

/**
 * Health checking by heartbeat: a checker pings its peers every {@code intervalNanos}; a peer
 * that has not answered for {@code timeoutNanos} is taken to be down, and back up when it
 * answers again.
 *
 * <p>A server answers a ping through its CPU queue (zero work, but behind the requests already
 * waiting), as a real health endpoint served by the same threads does: an overloaded or slowed
 * node answers late, and a timeout cannot tell it from a dead one. The timeout trades detection
 * delay against false suspicions.
 */
public record HealthCheck(long intervalNanos, long timeoutNanos) {
  public HealthCheck {
    if (intervalNanos <= 0 || timeoutNanos <= 0) {
      throw new IllegalArgumentException("health check interval and timeout must be > 0");
    }
  }

  /** "Are you alive?" */
  public record Ping(long seq) implements TraceSummary, TraceContent {
    @Override
    public long traceSummary() {
      return seq;
    }

    @Override
    public void traceFields(TraceFields out) {
      out.field("seq", seq);
    }
  }

  /** "Yes." */
  public record Pong(long seq) implements TraceSummary, TraceContent {
    @Override
    public long traceSummary() {
      return seq;
    }

    @Override
    public void traceFields(TraceFields out) {
      out.field("seq", seq);
    }
  }

  /**
   * Answers {@code message} if it is a ping (after the node's queued work) and returns true;
   * returns false for anything else, for the server to handle.
   */
  public static boolean answerPing(Context ctx, Message message) {
    if (!(message.payload() instanceof Ping p)) {
      return false;
    }
    int from = message.from();
    ctx.compute(0, () -> ctx.send(from, new Pong(p.seq())));
    return true;
  }
}
