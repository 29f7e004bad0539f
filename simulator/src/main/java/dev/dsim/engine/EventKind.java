package dev.dsim.engine;

import java.util.Objects;

/**
 * The kind of an event ("deliver", "cpu-done", "timeout"...): a name plus a stable 64-bit code
 * that feeds the trace fingerprint.
 *
 * <p>The code is a hash of the name's characters (FNV-1a), never an identity hash, so it is the
 * same on every JVM. Create kinds once, as constants; creating one per event would allocate.
 */
public final class EventKind {
  private final String name;
  private final long code;

  private EventKind(String name) {
    this.name = Objects.requireNonNull(name, "name");
    this.code = Fnv.hash64(name);
  }

  /** A kind with this name; two kinds with the same name are interchangeable. */
  public static EventKind of(String name) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("event kind name must not be empty");
    }
    return new EventKind(name);
  }

  public String name() {
    return name;
  }

  /** Stable 64-bit code of the name, used by the trace fingerprint. */
  public long code() {
    return code;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EventKind k && k.name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }
}
