package dev.dsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code replay --from --to} writes a space-time diagram beside its trace, and the SVG agrees
 * with the trace: one lifeline per node, one delivered arrow per delivery a process received,
 * the crash of crash-restart.json as a band on web-2's lifeline.
 */
final class ReplayDiagramTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SCENARIO = Path.of("../scenarios/crash-restart.json");

  @TempDir
  static Path dir;
  static Path trace;
  static CliRunner.Result replay;
  static String html;
  static List<JsonNode> lines;

  @BeforeAll
  static void replayAroundTheCrash() throws Exception {
    trace = dir.resolve("crash.jsonl");
    replay = CliRunner.run("replay", SCENARIO.toString(), "--seed", "1", "--from", "119.95s",
        "--to", "120.05s", "--trace", trace.toString());
    html = Files.readString(dir.resolve("crash.html"));
    lines = Files.readAllLines(trace).stream().filter(l -> !l.isEmpty()).map(l -> {
      try {
        return JSON.readTree(l);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  private static int count(String regex) {
    Matcher m = Pattern.compile(regex).matcher(html);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static long deliveries(boolean accepted) {
    return lines.stream().filter(l -> l.get("kind").asText().equals("deliver")
        && l.get("accepted").asBoolean() == accepted).count();
  }

  @Test
  void replay_saysWhereTheDiagramIs() {
    assertThat(replay.exitCode()).as(replay.err()).isEqualTo(0);
    assertThat(replay.out()).contains("wrote space-time diagram", "crash.html", "5 nodes");
  }

  @Test
  void oneLifelinePerNode() {
    assertThat(count("<line class=\"lifeline\"")).isEqualTo(5);
    for (String n : List.of("client-1", "lb", "web-1", "web-2", "web-3")) {
      assertThat(html).contains("<g class=\"node\" data-nodes=\"" + n + "\">");
    }
  }

  @Test
  void oneArrowPerDeliveredMessage_andTheRefusedOnesMarked() {
    assertThat(deliveries(true)).isPositive();
    assertThat(count("<line class=\"msg delivered")).isEqualTo((int) deliveries(true));
    assertThat(deliveries(false)).as("requests reach the crashed web-2").isPositive();
    assertThat(count("<line class=\"msg refused")).isEqualTo((int) deliveries(false));
    assertThat(count("<line class=\"msg refused[^>]*data-nodes=\"lb web-2\"")).isPositive();
  }

  @Test
  void theShiVizLog_hasOneReceiveEventPerDeliveredMessage() throws Exception {
    List<String> log = Files.readAllLines(dir.resolve("crash.shiviz.log"));
    assertThat(log.get(0)).isEqualTo("(?<event>.*)\\n(?<host>\\S*) (?<clock>{.*})");
    assertThat(log.get(1)).isEmpty();
    assertThat(log.stream().filter(l -> l.matches("\\S+s receive .*")).count())
        .isEqualTo(deliveries(true));
  }

  @Test
  void theCrashIsABandOnItsLifeline() {
    assertThat(lines).anyMatch(l -> l.get("kind").asText().equals("crash"));
    assertThat(count("<rect class=\"down\" data-nodes=\"web-2\"")).isEqualTo(1);
    assertThat(count("<rect class=\"down\"")).isEqualTo(1);
  }

  @Test
  void clientOperationsAreBars_andThePageIsSelfContained() {
    long invoked = lines.stream().filter(l -> l.get("kind").asText().equals("op-invoke")).count();
    assertThat(count("<rect class=\"op ")).isGreaterThanOrEqualTo((int) invoked);
    assertThat(html).contains("class=\"node-filter\"", "id=\"key-filter\"", "<script>")
        .doesNotContain("<script src", "<link ", "https://");
  }

  @Test
  void anExistingPage_isNeverOverwrittenWithoutForce_andNoWindowMeansNoPage() throws Exception {
    Path mine = dir.resolve("mine.html");
    Files.writeString(mine, "mine");
    CliRunner.Result r = CliRunner.run("replay", SCENARIO.toString(), "--seed", "1", "--from",
        "119.99s", "--to", "120s", "--trace", dir.resolve("mine.jsonl").toString());
    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    assertThat(r.err()).contains("already exists", "--force");
    assertThat(Files.readString(mine)).isEqualTo("mine");
    CliRunner.Result forced = CliRunner.run("replay", SCENARIO.toString(), "--seed", "1",
        "--from", "119.99s", "--to", "120s", "--trace", dir.resolve("mine.jsonl").toString(),
        "--force");
    assertThat(forced.exitCode()).as(forced.err()).isEqualTo(0);
    assertThat(Files.readString(mine)).contains("<svg");

    CliRunner.Result whole = CliRunner.run("replay", SCENARIO.toString(), "--seed", "1",
        "--node", "web-2", "--trace", dir.resolve("whole.jsonl").toString());
    assertThat(whole.exitCode()).as(whole.err()).isEqualTo(0);
    assertThat(dir.resolve("whole.html")).doesNotExist();
    try (var s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }
}
