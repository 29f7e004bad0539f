package dev.dsim.engine;

import java.util.Objects;

/** An event that runs a {@link Runnable}: convenient for tests and one-off actions. */
final class ActionEvent extends Event {
  private final EventKind kind;
  private final int node;
  private final Runnable action;

  ActionEvent(EventKind kind, int node, Runnable action) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.node = node;
    this.action = Objects.requireNonNull(action, "action");
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
  protected void fire() {
    action.run();
  }
}
