package dev.dsim.engine;

/**
 * Something worth a line in the trace that is not an event of its own: a message sent or dropped
 * while another event fired, a crash, a partition, a client operation. Records reach the trace
 * listener only; they never enter the trace fingerprint, so adding one never changes a run.
 */
@FunctionalInterface
public interface TraceRecord {
  /** Writes the record's fields (its kind, time and node are written by the trace). */
  void write(TraceFields out);
}
