package dev.dsim.fault;

import dev.dsim.engine.Event;
import dev.dsim.engine.EventKind;
import dev.dsim.engine.TraceFields;

/**
 * The event by which a fault strikes or heals. It runs its action like any one-off event, and
 * says in the JSON-lines trace which fault it is ({@code fault}, {@code source}, and the targets
 * when they are known before it fires), so a reader never meets a bare {@code "kind":"fault"}.
 * Those fields are for the trace only: the fingerprint sees the kind and node, as before.
 */
final class FaultEvent extends Event {
  private final EventKind kind;
  private final int node;
  private final String fault;
  private final String targets;
  private final String source;
  private final Runnable action;

  /**
   * @param fault the fault's kind ("crash", "partition"...)
   * @param targets what it strikes, or null when it picks at random as it strikes
   * @param source "schedule" or "nemesis"
   */
  FaultEvent(EventKind kind, int node, String fault, String targets, String source,
      Runnable action) {
    this.kind = kind;
    this.node = node;
    this.fault = fault;
    this.targets = targets;
    this.source = source;
    this.action = action;
  }

  @Override
  public EventKind kind() {
    return kind;
  }

  @Override
  public int node() {
    return node;
  }

  @Override
  public String describe() {
    return fault + (targets == null ? "" : " " + targets) + " (" + source + ")";
  }

  @Override
  public void traceFields(TraceFields out) {
    out.field("fault", fault).field("targets", targets).field("source", source);
  }

  @Override
  protected void fire() {
    action.run();
  }
}
