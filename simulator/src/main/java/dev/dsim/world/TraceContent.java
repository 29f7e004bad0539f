package dev.dsim.world;

import dev.dsim.engine.TraceFields;

/**
 * Implemented by message payloads and timer tags that write their own typed fields into the
 * JSON-lines trace (a request id, a key, a value, a version), so a trace reader gets
 * {@code "req":7,"key":3} rather than a {@code toString}. The trace only: fields never enter
 * the fingerprint ({@link TraceSummary} does that).
 *
 * <p>Use the names the README lists ({@code req}, {@code op}, {@code key}, {@code value},
 * {@code version}, {@code ok}, {@code seq}...) where they fit; the envelope's own names
 * ({@code t}, {@code kind}, {@code node}, {@code from}, {@code to}, {@code msg}, {@code type})
 * are written first and win.
 */
public interface TraceContent {
  /** Writes this payload's fields; must not change any state. */
  void traceFields(TraceFields out);
}
