package dev.dsim.world;

import dev.dsim.engine.Event;
import dev.dsim.engine.EventKind;

/**
 * A timer set by a process, due when the node's local clock reaches a deadline. It fires only if
 * its node is still in the incarnation that set it: a timer set before a crash never reaches the
 * restarted process. When the node's clock jumps or changes drift, the node re-plans its pending
 * timers against the new clock, so a clock jumping forward fires them early.
 */
public final class Timer {
  private final Node node;
  private final int incarnation;
  private final Object tag;
  private final long localDeadlineNanos;
  private Firing firing;
  private boolean cancelled;

  Timer(Node node, int incarnation, Object tag, long localDeadlineNanos) {
    this.node = node;
    this.incarnation = incarnation;
    this.tag = tag;
    this.localDeadlineNanos = localDeadlineNanos;
  }

  /** What the process attached to the timer. */
  public Object tag() {
    return tag;
  }

  /** Local time at which the timer is due. */
  public long localDeadlineNanos() {
    return localDeadlineNanos;
  }

  /** True until it fires or is cancelled. */
  public boolean isPending() {
    return !cancelled && firing != null && firing.isPending();
  }

  /** (Re-)schedules the firing at the simulated time the local deadline corresponds to. */
  void plan() {
    if (firing != null) {
      node.sim().cancel(firing);
    }
    firing = new Firing(this);
    node.sim().schedule(node.clock().simTimeAt(localDeadlineNanos), firing);
  }

  boolean cancel() {
    if (cancelled || firing == null || !firing.isPending()) {
      return false;
    }
    cancelled = true;
    return node.sim().cancel(firing);
  }

  @Override
  public String toString() {
    return "Timer[" + node.name() + ", " + tag + "]";
  }

  /** The engine event that fires the timer; replaced when the clock changes. */
  static final class Firing extends Event {
    static final EventKind KIND = EventKind.of("timer");
    private final Timer timer;

    Firing(Timer timer) {
      this.timer = timer;
    }

    @Override
    public EventKind kind() {
      return KIND;
    }

    @Override
    public int node() {
      return timer.node.id();
    }

    @Override
    public long traceDetail() {
      return timer.tag instanceof TraceSummary s ? s.traceSummary() : 0L;
    }

    @Override
    public String describe() {
      return String.valueOf(timer.tag);
    }

    @Override
    public void traceFields(dev.dsim.engine.TraceFields out) {
      if (timer.tag != null) {
        PayloadFields.write(out, timer.tag);
      }
    }

    @Override
    protected void fire() {
      timer.node.fireTimer(timer, timer.incarnation);
    }
  }
}

