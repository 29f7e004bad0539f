package dev.dsim.world;

import dev.dsim.engine.Event;
import dev.dsim.engine.EventKind;

/**
 * A timer set by a process. It fires only if its node is still in the incarnation that set it:
 * a timer set before a crash never reaches the restarted process.
 */
public final class Timer extends Event {
  static final EventKind KIND = EventKind.of("timer");

  private final Node node;
  private final int incarnation;
  private final Object tag;

  Timer(Node node, int incarnation, Object tag) {
    this.node = node;
    this.incarnation = incarnation;
    this.tag = tag;
  }

  /** What the process attached to the timer. */
  public Object tag() {
    return tag;
  }

  @Override
  public EventKind kind() {
    return KIND;
  }

  @Override
  public int node() {
    return node.id();
  }

  @Override
  public long traceDetail() {
    return tag instanceof TraceSummary s ? s.traceSummary() : 0L;
  }

  @Override
  public String describe() {
    return String.valueOf(tag);
  }

  @Override
  protected void fire() {
    node.fireTimer(this, incarnation);
  }
}
