package dev.dsim.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dsim.engine.TraceFields;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The {@link TraceFields} of one JSON-lines trace line: writes each field straight to the
 * generator, keeping the first value of a name written twice (so a payload's field never
 * shadows the envelope's, and the line stays valid JSON for strict readers).
 */
final class TraceLineWriter implements TraceFields {
  private static final int MAX_FIELDS = 64;

  private final JsonGenerator out;
  private final String[] names = new String[MAX_FIELDS];
  private int count;

  TraceLineWriter(JsonGenerator out) {
    this.out = out;
  }

  /** Starts a line whose envelope already wrote {@code envelope} names. */
  void begin(String... envelope) {
    count = 0;
    for (String n : envelope) {
      names[count++] = n;
    }
  }

  /** Fields written since {@link #begin} beyond the envelope's. */
  int written(int envelope) {
    return count - envelope;
  }

  private boolean claim(String name) {
    for (int i = 0; i < count; i++) {
      if (names[i].equals(name)) {
        return false;
      }
    }
    if (count == MAX_FIELDS) {
      return false; // a limit on everything: a runaway payload cannot grow a line forever
    }
    names[count++] = name;
    return true;
  }

  @Override
  public TraceFields field(String name, long value) {
    try {
      if (claim(name)) {
        out.writeNumberField(name, value);
      }
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public TraceFields field(String name, double value) {
    try {
      if (claim(name)) {
        if (Double.isFinite(value)) {
          out.writeNumberField(name, value);
        } else {
          out.writeNullField(name); // NaN and infinities are not JSON numbers
        }
      }
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public TraceFields field(String name, boolean value) {
    try {
      if (claim(name)) {
        out.writeBooleanField(name, value);
      }
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public TraceFields field(String name, String value) {
    try {
      if (value != null && claim(name)) {
        out.writeStringField(name, value);
      }
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
