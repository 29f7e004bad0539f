package dev.dsim.engine;

/**
 * Sees every fired event, just before it fires; used to write a JSON-lines trace.
 *
 * <p>Must not change simulation state: a run with and without a listener fires the same events.
 */
@FunctionalInterface
public interface TraceListener {
  void onEvent(long timeNanos, Event event);
}
