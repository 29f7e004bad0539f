package dev.dsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON-lines trace format the README documents ("How to read a trace"), read back from a
 * replay of a shipped scenario around the moment its partition strikes: every line parses, and
 * the message lines carry consistent typed fields rather than a {@code toString}.
 */
final class TraceFormatTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SCENARIO = Path.of("../scenarios/quorums-under-partition.json");
  private static final long FROM = 19_900_000_000L;
  private static final long TO = 20_100_000_000L;
  private static final Set<String> SEND_DROPS = Set.of("partition", "loss", "checksum");
  private static final Set<String> ARRIVAL_DROPS = Set.of("partition", "down", "restarted");

  @TempDir
  static Path dir;

  static List<JsonNode> lines = new ArrayList<>();

  @BeforeAll
  static void replay() throws Exception {
    Path trace = dir.resolve("q.jsonl");
    CliRunner.Result r = CliRunner.run("replay", SCENARIO.toString(), "--variant",
        "quorum-2-of-3", "--seed", "1", "--from", "19.9s", "--to", "20.1s", "--trace",
        trace.toString());
    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    for (String line : Files.readAllLines(trace)) {
      if (!line.isEmpty()) {
        lines.add(JSON.readTree(line));
      }
    }
  }

  private static List<JsonNode> ofKind(String kind) {
    return lines.stream().filter(l -> l.get("kind").asText().equals(kind)).toList();
  }

  @Test
  void everyLine_hasItsTimeInNanos_andAKind() {
    assertThat(lines).hasSizeGreaterThan(100);
    for (JsonNode l : lines) {
      assertThat(l.get("t").isIntegralNumber()).as(l.toString()).isTrue();
      assertThat(l.get("t").asLong()).isBetween(FROM, TO);
      assertThat(l.get("kind").isTextual()).isTrue();
    }
  }

  @Test
  void sendLines_nameTheSender_theReceiver_aMessageNumber_andATypedPayload() {
    List<JsonNode> sends = ofKind("send");
    assertThat(sends).isNotEmpty();
    Set<Long> numbers = new java.util.HashSet<>();
    for (JsonNode s : sends) {
      assertThat(s.get("node").asText()).as(s.toString()).isEqualTo(s.get("from").asText());
      assertThat(s.get("to").isTextual()).isTrue();
      assertThat(s.get("type").isTextual()).isTrue();
      assertThat(numbers.add(s.get("msg").asLong())).as("msg is unique per send").isTrue();
      assertThat(s.has("detail")).as("typed payload, no toString: " + s).isFalse();
      String type = s.get("type").asText();
      if (type.equals("ReplicaWrite")) {
        assertThat(s.get("key").isInt()).isTrue();
        assertThat(s.get("version").isIntegralNumber()).isTrue();
        assertThat(s.get("value").isIntegralNumber()).isTrue();
        assertThat(s.get("kvOp").isIntegralNumber()).isTrue();
      } else if (type.equals("Request") || type.equals("Response")) {
        assertThat(s.get("req").isIntegralNumber()).as(s.toString()).isTrue();
      }
    }
  }

  @Test
  void deliverLines_matchTheirSendLine_andSayWhetherAProcessGotThem() {
    Map<Long, JsonNode> sent = new HashMap<>();
    for (JsonNode s : ofKind("send")) {
      sent.put(s.get("msg").asLong(), s);
    }
    int matched = 0;
    for (JsonNode d : ofKind("deliver")) {
      assertThat(d.get("node").asText()).as(d.toString()).isEqualTo(d.get("to").asText());
      assertThat(d.get("sent").asLong()).isLessThanOrEqualTo(d.get("t").asLong());
      assertThat(d.get("accepted").isBoolean()).isTrue();
      if (!d.get("accepted").asBoolean()) {
        assertThat(d.get("reason").asText()).isIn(ARRIVAL_DROPS);
      }
      JsonNode s = sent.get(d.get("msg").asLong());
      if (s != null) {
        matched++;
        assertThat(s.get("t").asLong()).isEqualTo(d.get("sent").asLong());
        for (String f : List.of("from", "to", "type")) {
          assertThat(d.get(f)).as(f + " of " + d).isEqualTo(s.get(f));
        }
      }
    }
    assertThat(matched).isGreaterThan(10);
  }

  @Test
  void dropLines_followTheirSendLine_andGiveAReason_likeThePartitionThatStruck() {
    List<JsonNode> struck = ofKind("struck");
    assertThat(struck).singleElement().satisfies(s -> {
      assertThat(s.get("fault").asText()).isEqualTo("partition");
      assertThat(s.get("t").asLong()).isEqualTo(20_000_000_000L);
      assertThat(s.get("targets").asText()).contains("db-1");
    });
    List<JsonNode> drops = ofKind("drop");
    assertThat(drops).isNotEmpty();
    for (JsonNode d : drops) {
      assertThat(d.get("reason").asText()).isIn(SEND_DROPS);
      assertThat(d.get("t").asLong()).isGreaterThanOrEqualTo(20_000_000_000L);
      int i = lines.indexOf(d);
      JsonNode send = lines.get(i - 1);
      assertThat(send.get("kind").asText()).isEqualTo("send");
      assertThat(send.get("msg")).isEqualTo(d.get("msg"));
    }
  }

  @Test
  void faultAndHealEvents_nameTheirFault_notJustTheirKind() {
    // The partition here lasts to the end of the run (healed by the quiet period, not an event).
    assertThat(ofKind("fault")).singleElement().satisfies(l -> {
      assertThat(l.get("fault").asText()).as(l.toString()).isEqualTo("partition");
      assertThat(l.get("source").asText()).isEqualTo("schedule");
      assertThat(l.get("targets").asText()).contains("db-1");
    });
    JsonNode strike = ofKind("fault").get(0);
    assertThat(lines.get(lines.indexOf(strike) + 1).get("kind").asText()).isEqualTo("struck");
  }

  @Test
  void timersAndDiskEvents_sayWhatTheyAre() {
    assertThat(ofKind("timer")).isNotEmpty().allSatisfy(l ->
        assertThat(l.get("type").isTextual()).as(l.toString()).isTrue());
    assertThat(ofKind("disk-write")).isNotEmpty().allSatisfy(l -> {
      assertThat(l.get("block").isTextual()).as(l.toString()).isTrue();
      assertThat(l.get("bytes").isInt()).isTrue();
      assertThat(l.has("detail")).isFalse();
    });
  }

  @Test
  void clientOperations_openAndClose_byTheirNumber() {
    List<JsonNode> invoked = ofKind("op-invoke");
    assertThat(invoked).isNotEmpty();
    for (JsonNode o : invoked) {
      assertThat(o.get("op").asText()).isIn("READ", "WRITE");
      assertThat(o.get("key").isInt()).isTrue();
      assertThat(o.get("clientOp").isIntegralNumber()).isTrue();
    }
    for (JsonNode o : ofKind("op-complete")) {
      assertThat(o.get("outcome").asText()).isIn("OK", "FAILED", "TIMED_OUT");
    }
  }
}
