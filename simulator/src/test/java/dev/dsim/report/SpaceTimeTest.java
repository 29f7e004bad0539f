package dev.dsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The diagram's model read from trace lines, and how the page draws its parts. */
final class SpaceTimeTest {
  @TempDir
  Path dir;

  private List<TraceLine> lines(String... json) throws Exception {
    Path f = dir.resolve("t.jsonl");
    Files.writeString(f, String.join("\n", json) + "\n");
    return TraceLine.read(f, 1000);
  }

  @Test
  void messagesCrossingTheWindowsEdges_dropsAndDowns_areReadFromTheLines() throws Exception {
    List<TraceLine> l = lines(
        "{\"t\":100,\"kind\":\"deliver\",\"node\":\"b\",\"from\":\"a\",\"to\":\"b\",\"msg\":1,"
            + "\"sent\":10,\"accepted\":true,\"type\":\"Request\",\"req\":1,\"key\":7}",
        "{\"t\":110,\"kind\":\"send\",\"node\":\"a\",\"from\":\"a\",\"to\":\"c\",\"msg\":2,"
            + "\"type\":\"Ping\",\"seq\":1}",
        "{\"t\":110,\"kind\":\"drop\",\"node\":\"a\",\"from\":\"a\",\"to\":\"c\",\"msg\":2,"
            + "\"reason\":\"partition\",\"type\":\"Ping\",\"seq\":1}",
        "{\"t\":120,\"kind\":\"send\",\"node\":\"b\",\"from\":\"b\",\"to\":\"a\",\"msg\":3,"
            + "\"corrupt\":true,\"type\":\"Response\",\"req\":1}",
        "{\"t\":130,\"kind\":\"restart\",\"node\":\"c\",\"incarnation\":1}",
        "{\"t\":140,\"kind\":\"crash\",\"node\":\"b\",\"incarnation\":1,\"wipe\":false}",
        "{\"t\":150,\"kind\":\"struck\",\"fault\":\"partition\",\"targets\":\"a | c\",\"id\":0,"
            + "\"source\":\"schedule\"}");
    SpaceTime st = SpaceTime.of(l, List.of("a", "b", "c", "d"), Set.of("a", "b", "c"), 50,
        200, List.of());
    assertThat(st.nodes()).containsExactly("a", "b", "c");
    assertThat(st.arrows()).extracting(SpaceTime.Arrow::fate).containsExactly(
        SpaceTime.Fate.DELIVERED, SpaceTime.Fate.DROPPED, SpaceTime.Fate.IN_FLIGHT);
    SpaceTime.Arrow early = st.arrows().get(0);
    assertThat(early.sentNanos()).as("sent before the window: from its top").isEqualTo(50);
    assertThat(early.key()).isEqualTo("7");
    assertThat(early.label()).contains("Request #1 a \u2192 b", "req=1", "key=7");
    SpaceTime.Arrow late = st.arrows().get(2);
    assertThat(late.arrivedNanos()).isEqualTo(200);
    assertThat(late.corrupt()).isTrue();
    assertThat(st.downs()).extracting(SpaceTime.Band::node, SpaceTime.Band::fromNanos,
        SpaceTime.Band::toNanos).containsExactly(
            org.assertj.core.groups.Tuple.tuple("c", 50L, 130L),
            org.assertj.core.groups.Tuple.tuple("b", 140L, 200L));
    assertThat(st.faults()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo("partition");
      assertThat(f.fromNanos()).isEqualTo(150);
      assertThat(f.toNanos()).isEqualTo(200);
    });
    String page = SpaceTimeDiagram.page(st, "t", "s");
    assertThat(page).contains("<line class=\"msg delivered\"", "<line class=\"msg dropped\"",
        "<line class=\"msg in-flight corrupt\"", "marker-end=\"url(#cross)\"",
        "<g class=\"band partition\">", "partition a | c");
  }

  @Test
  void theCheckersViolatingOperation_isHighlighted_byKeyAndInvocationTime() throws Exception {
    List<TraceLine> l = lines(
        "{\"t\":100,\"kind\":\"op-invoke\",\"node\":\"client-1\",\"clientOp\":1,\"op\":\"READ\","
            + "\"key\":3}",
        "{\"t\":100,\"kind\":\"op-invoke\",\"node\":\"client-1\",\"clientOp\":2,\"op\":\"WRITE\","
            + "\"key\":4,\"value\":9}",
        "{\"t\":150,\"kind\":\"op-complete\",\"node\":\"client-1\",\"clientOp\":1,"
            + "\"outcome\":\"OK\",\"value\":8}",
        "{\"t\":160,\"kind\":\"op-complete\",\"node\":\"client-1\",\"clientOp\":3,"
            + "\"outcome\":\"TIMED_OUT\"}");
    SpaceTime st = SpaceTime.of(l, List.of("client-1"), null, 0, 200,
        List.of(new SpaceTime.Highlight(3, 100)));
    assertThat(st.operations()).extracting(SpaceTime.Bar::key, SpaceTime.Bar::outcome,
        SpaceTime.Bar::violating).containsExactly(
            org.assertj.core.groups.Tuple.tuple("3", "OK", true),
            org.assertj.core.groups.Tuple.tuple(null, "TIMED_OUT", false),
            org.assertj.core.groups.Tuple.tuple("4", null, false));
    assertThat(st.operations().get(0).label()).contains("READ key 3", "read 8", "violation");
    String page = SpaceTimeDiagram.page(st, "t", "s");
    assertThat(page).contains("<rect class=\"op ok violating\" data-nodes=\"client-1\" "
        + "data-key=\"3\"", "<rect class=\"op timed_out\"", "<rect class=\"op open\"",
        "(1 violating)");
  }

  @Test
  void theShiVizLog_carriesVectorClocksAlongTheMessages() throws Exception {
    List<TraceLine> l = lines(
        "{\"t\":1,\"kind\":\"send\",\"node\":\"a\",\"from\":\"a\",\"to\":\"b\",\"msg\":1,"
            + "\"type\":\"Ping\",\"seq\":1}",
        "{\"t\":2,\"kind\":\"deliver\",\"node\":\"b\",\"from\":\"a\",\"to\":\"b\",\"msg\":1,"
            + "\"sent\":1,\"accepted\":true,\"type\":\"Ping\",\"seq\":1}",
        "{\"t\":3,\"kind\":\"send\",\"node\":\"b\",\"from\":\"b\",\"to\":\"a\",\"msg\":2,"
            + "\"type\":\"Pong\",\"seq\":1}",
        "{\"t\":4,\"kind\":\"crash\",\"node\":\"a\",\"incarnation\":1,\"wipe\":false}",
        "{\"t\":5,\"kind\":\"deliver\",\"node\":\"a\",\"from\":\"b\",\"to\":\"a\",\"msg\":2,"
            + "\"sent\":3,\"accepted\":false,\"reason\":\"down\",\"type\":\"Pong\",\"seq\":1}");
    String log = ShiVizLog.of(l);
    assertThat(log).startsWith(ShiVizLog.PATTERN + "\n\n");
    assertThat(log.lines().skip(2).filter(x -> x.matches("\\S* \\{.*\\}")))
        .containsExactly("a {\"a\":1}", "b {\"a\":1, \"b\":1}", "b {\"a\":1, \"b\":2}",
            "a {\"a\":2}", "a {\"a\":3}");
    assertThat(log).contains("0.000000s send Ping #1 a \u2192 b seq=1",
        "arrived, not received (down) Pong #2");
  }

  @Test
  void aDiagramPage_goesBesideItsTrace() {
    assertThat(SpaceTimeFile.besideTrace(Path.of("r", "x-seed-1.jsonl")))
        .isEqualTo(Path.of("r", "x-seed-1.html"));
    assertThat(SpaceTimeFile.besideTrace(Path.of("trace"))).isEqualTo(Path.of("trace.html"));
  }
}
