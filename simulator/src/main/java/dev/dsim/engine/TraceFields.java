package dev.dsim.engine;

/**
 * Where an event or a trace record writes its typed fields: one call per named field, in the
 * order they should appear in the JSON-lines trace. Only used while a trace is being written, so
 * nothing here reaches the trace fingerprint.
 *
 * <p>It does not define which names exist: the README's "How to read a trace" section lists
 * them per kind. A name written twice for one line keeps its first value (a payload cannot
 * overwrite the envelope's {@code from} or {@code to}).
 */
public interface TraceFields {
  TraceFields field(String name, long value);

  TraceFields field(String name, double value);

  TraceFields field(String name, boolean value);

  /** A string field; a null value writes nothing. */
  TraceFields field(String name, String value);
}
