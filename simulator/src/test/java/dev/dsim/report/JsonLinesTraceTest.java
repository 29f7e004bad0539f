package dev.dsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsim.engine.Event;
import dev.dsim.engine.EventKind;
import dev.dsim.engine.TraceFields;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class JsonLinesTraceTest {
  @TempDir
  Path dir;

  private static final class Typed extends Event {
    @Override
    public EventKind kind() {
      return EventKind.of("thing");
    }

    @Override
    public int node() {
      return 1;
    }

    @Override
    public String describe() {
      return "never written: the fields say it";
    }

    @Override
    public void traceFields(TraceFields out) {
      out.field("from", "a").field("n", 3).field("from", "shadow").field("ok", true)
          .field("missing", (String) null).field("x", Double.NaN);
    }

    @Override
    protected void fire() {}
  }

  private static final class Untyped extends Event {
    @Override
    public EventKind kind() {
      return EventKind.of("plain");
    }

    @Override
    public String describe() {
      return "for people";
    }

    @Override
    protected void fire() {}
  }

  @Test
  void typedFields_replaceTheDetail_firstValueWins_andRecordsAndNotesAreLines() throws Exception {
    Path file = dir.resolve("t.jsonl");
    JsonLinesTrace trace = new JsonLinesTrace(file, id -> "n" + id, false);
    trace.onEvent(5, new Typed());
    trace.onEvent(6, new Untyped());
    trace.onRecord(7, 2, "send", out -> out.field("to", "n3").field("kind", "ignored"));
    trace.onNote(8, -1, "hello");
    trace.close();
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).containsExactly(
        "{\"t\":5,\"at\":\"0.000000s\",\"kind\":\"thing\",\"node\":\"n1\",\"from\":\"a\","
            + "\"n\":3,\"ok\":true,\"x\":null}",
        "{\"t\":6,\"at\":\"0.000000s\",\"kind\":\"plain\",\"detail\":\"for people\"}",
        "{\"t\":7,\"at\":\"0.000000s\",\"kind\":\"send\",\"node\":\"n2\",\"to\":\"n3\"}",
        "{\"t\":8,\"at\":\"0.000000s\",\"kind\":\"log\",\"detail\":\"hello\"}");
  }

  @Test
  void theTime_isAlsoWrittenForPeople_inSecondsToTheMicrosecond() {
    assertThat(JsonLinesTrace.readable(0)).isEqualTo("0.000000s");
    assertThat(JsonLinesTrace.readable(1_500_000)).isEqualTo("0.001500s");
    assertThat(JsonLinesTrace.readable(73_878_226_009L)).isEqualTo("73.878226s");
    assertThat(JsonLinesTrace.readable(20_000_000_000L)).isEqualTo("20.000000s");
  }
}
