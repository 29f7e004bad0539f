package dev.dsim.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import dev.dsim.engine.Event;
import dev.dsim.engine.TraceListener;
import dev.dsim.engine.TraceRecord;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntFunction;

/**
 * Writes every fired event, every trace record (a message sent or dropped, a crash, a client
 * operation...) and every line a process logged, as one JSON object per line:
 * {@code {"t":1500000,"at":"0.001500s","kind":"deliver","node":"web-1","from":"lb","to":"web-1","msg":42,...}}.
 * {@code t} is in simulated nanoseconds, {@code node} is omitted for lines of no node, then come
 * the line's typed fields ({@link dev.dsim.engine.TraceFields}); {@code detail}, a
 * human-readable string, appears only where typed fields do not carry the content. The README's
 * "How to read a trace" lists the kinds and their fields.
 *
 * <p>The file appears only when {@link #close()} completes: until then it is written to a
 * temporary file beside it, so a crash never leaves a half-written trace under the real name.
 */
public final class JsonLinesTrace implements TraceListener, Closeable {
  private static final JsonFactory FACTORY = new JsonFactory();

  private final Path target;
  private final Path tmp;
  private final JsonGenerator out;
  private final IntFunction<String> nodeName;
  private final boolean replace;
  private final TraceLineWriter fields;
  private long written;

  /**
   * @param replace whether an existing file at {@code target} may be replaced ({@code --force});
   *     without it, {@link #close()} refuses to overwrite a file, even one that appeared while
   *     the run went on
   */
  public JsonLinesTrace(Path target, IntFunction<String> nodeName, boolean replace)
      throws IOException {
    this.target = target;
    this.nodeName = nodeName;
    this.replace = replace;
    this.tmp = AtomicFiles.newTempFile(target);
    this.out = FACTORY.createGenerator(tmp.toFile(), JsonEncoding.UTF8);
    out.setPrettyPrinter(new MinimalPrettyPrinter("\n"));
    this.fields = new TraceLineWriter(out);
  }

  @Override
  public void onEvent(long timeNanos, Event event) {
    int envelope = start(timeNanos, event.kind().name(), event.node());
    event.traceFields(fields);
    String detail = fields.written(envelope) == 0 ? event.describe() : "";
    if (!detail.isEmpty()) {
      fields.field("detail", detail);
    }
    end();
  }

  /** A process's log line: {@code {"t":…,"at":…,"kind":"log","node":"web-1","detail":"…"}}. */
  @Override
  public void onNote(long timeNanos, int node, String text) {
    start(timeNanos, "log", node);
    fields.field("detail", text);
    end();
  }

  @Override
  public void onRecord(long timeNanos, int node, String kind, TraceRecord record) {
    start(timeNanos, kind, node);
    record.write(fields);
    end();
  }

  /** Writes a line's envelope ({@code t}, {@code at}, {@code kind}, {@code node}); returns its field count. */
  private int start(long timeNanos, String kind, int node) {
    written++;
    try {
      out.writeStartObject();
      out.writeNumberField("t", timeNanos);
      out.writeStringField("at", readable(timeNanos));
      out.writeStringField("kind", kind);
      if (node >= 0) {
        out.writeStringField("node", nodeName.apply(node));
        fields.begin("t", "at", "kind", "node");
        return 4;
      }
      fields.begin("t", "at", "kind");
      return 3;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write trace " + target, e);
    }
  }

  /**
   * The time for people, beside the exact nanoseconds: seconds to the microsecond,
   * {@code "73.878226s"} (a run's times are never negative).
   */
  static String readable(long nanos) {
    long micros = nanos / 1_000;
    String fraction = Long.toString(1_000_000 + micros % 1_000_000).substring(1);
    return (micros / 1_000_000) + "." + fraction + "s";
  }

  private void end() {
    try {
      out.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write trace " + target, e);
    }
  }

  /** Lines written so far (events and log lines that passed any filter). */
  public long lines() {
    return written;
  }

  /**
   * Finishes the file and moves it into place; without {@code replace}, a file already at the
   * target is left alone and this throws {@link FileAlreadyExistsException}.
   */
  @Override
  public void close() throws IOException {
    try {
      out.writeRaw('\n');
      out.close();
      if (replace) {
        AtomicFiles.moveIntoPlace(tmp, target);
      } else if (!AtomicFiles.moveIfAbsent(tmp, target)) {
        throw new FileAlreadyExistsException(target.toString(), null,
            "a file appeared there while the run went on; it was left as it is");
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Discards the partial trace (the run failed). */
  public void abandon() {
    try {
      out.close();
      Files.deleteIfExists(tmp);
    } catch (IOException ignored) {
      // Best effort: the temporary file is hidden and named as such.
    }
  }
}
