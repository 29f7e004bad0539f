package dev.dsim.engine;

/**
 * Sees every fired event, just before it fires; used to write a JSON-lines trace.
 *
 * <p>Must not change simulation state: a run with and without a listener fires the same events.
 */
@FunctionalInterface
public interface TraceListener {
  void onEvent(long timeNanos, Event event);

  /**
   * A line a process logged at {@code timeNanos} on {@code node} (-1 for none). Notes go to the
   * trace file only, never into the trace hash, so adding a log line never changes a run.
   */
  default void onNote(long timeNanos, int node, String text) {}

  /**
   * A trace record of {@code kind} ("send", "drop", "crash"...) at {@code timeNanos} on
   * {@code node} (-1 for none), whose fields {@code record} writes. Like notes, records never
   * enter the trace hash.
   */
  default void onRecord(long timeNanos, int node, String kind, TraceRecord record) {}
}
