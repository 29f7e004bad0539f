package dev.dsim.world;

import dev.dsim.engine.TraceFields;

/**
 * Writes a payload or timer tag into a trace line: its type, then its own fields, or, when it
 * has none ({@link TraceContent}), its {@code toString} as {@code detail} for people to read.
 */
final class PayloadFields {
  private PayloadFields() {}

  static void write(TraceFields out, Object payload) {
    out.field("type", typeName(payload.getClass()));
    if (payload instanceof TraceContent c) {
      c.traceFields(out);
    } else {
      out.field("detail", String.valueOf(payload));
    }
  }

  /**
   * The simple name of a payload's class ({@code Request}, {@code ReplicaWrite}); an anonymous
   * or hidden class, whose simple name is empty or made up, goes by its stable binary name
   * without the package ({@code ClientArrivals$1}, {@code Host$$Lambda}).
   */
  static String typeName(Class<?> type) {
    String simple = type.getSimpleName();
    if (!simple.isEmpty() && !type.isHidden()) {
      return simple;
    }
    String stable = PayloadCodes.stableName(type);
    return stable.substring(stable.lastIndexOf('.') + 1);
  }
}
