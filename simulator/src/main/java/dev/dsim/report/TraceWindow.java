package dev.dsim.report;

import dev.dsim.engine.Event;
import dev.dsim.engine.TraceListener;
import dev.dsim.engine.TraceRecord;
import java.util.Objects;

/**
 * Passes on only the events of a time window and, optionally, of some nodes: what a user reads
 * to see what led to a failure, without the millions of events before it. Filtering never
 * changes the run (the trace hash covers every event, written or not).
 */
public final class TraceWindow implements TraceListener {
  private final TraceListener delegate;
  private final long fromNanos;
  private final long toNanos;
  private final boolean[] nodes;
  private final java.util.function.IntPredicate nodeWanted;

  /**
   * @param fromNanos first time written (inclusive)
   * @param toNanos last time written (inclusive)
   * @param nodes node ids to write, indexed by id (null: every node, and events of no node)
   */
  public TraceWindow(TraceListener delegate, long fromNanos, long toNanos, boolean[] nodes) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.fromNanos = fromNanos;
    this.toNanos = toNanos;
    this.nodes = nodes;
    this.nodeWanted = null;
  }

  /**
   * A window whose nodes are judged as events come ({@code nodeWanted} null: every node), for a
   * trace started before the world's nodes exist (a simulation test's body adds them).
   */
  public TraceWindow(TraceListener delegate, long fromNanos, long toNanos,
      java.util.function.IntPredicate nodeWanted) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.fromNanos = fromNanos;
    this.toNanos = toNanos;
    this.nodes = null;
    this.nodeWanted = nodeWanted;
  }

  private boolean wanted(long t, int node) {
    if (t < fromNanos || t > toNanos) {
      return false;
    }
    if (nodeWanted != null) {
      return node >= 0 && nodeWanted.test(node);
    }
    return nodes == null || (node >= 0 && node < nodes.length && nodes[node]);
  }

  @Override
  public void onEvent(long timeNanos, Event event) {
    if (wanted(timeNanos, event.node())) {
      delegate.onEvent(timeNanos, event);
    }
  }

  @Override
  public void onNote(long timeNanos, int node, String text) {
    if (wanted(timeNanos, node)) {
      delegate.onNote(timeNanos, node, text);
    }
  }

  @Override
  public void onRecord(long timeNanos, int node, String kind, TraceRecord record) {
    if (wanted(timeNanos, node)) {
      delegate.onRecord(timeNanos, node, kind, record);
    }
  }
}
