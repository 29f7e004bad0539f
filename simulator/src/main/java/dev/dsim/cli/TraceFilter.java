package dev.dsim.cli;

import java.util.List;

/**
 * Which part of a run's trace to write: a window of simulated time and a set of node names
 * (empty: every node).
 */
record TraceFilter(long fromNanos, long toNanos, List<String> nodes) {
  static final TraceFilter ALL = new TraceFilter(0, Long.MAX_VALUE, List.of());

  TraceFilter {
    nodes = List.copyOf(nodes);
  }

  boolean isAll() {
    return fromNanos == 0 && toNanos == Long.MAX_VALUE && nodes.isEmpty();
  }
}
