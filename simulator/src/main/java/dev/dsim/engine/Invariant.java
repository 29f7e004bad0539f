package dev.dsim.engine;

/**
 * A property that must hold after every event, such as "at most one leader per term". It reads
 * state and returns null when it holds, or says what is wrong; it must not change anything (it
 * runs between events and is not part of the trace).
 */
@FunctionalInterface
public interface Invariant {
  /** Null when the property holds; otherwise what is wrong ("two leaders in term 4: n1, n3"). */
  String violation();

  /** An invariant from a yes/no check (the violation message is then only the name). */
  static Invariant of(java.util.function.BooleanSupplier holds) {
    return () -> holds.getAsBoolean() ? null : "";
  }
}
