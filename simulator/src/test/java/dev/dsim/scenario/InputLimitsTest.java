package dev.dsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every count a scenario controls has a limit, checked before anything is allocated for it, and
 * breaking one is a located error (issue 12: {@code nodes: 100000000} ran out of memory after
 * 76 s, 10,000 variants took 116 s). The time bounds below are hang guards, far above what
 * these take (well under a second each), not performance assertions.
 */
final class InputLimitsTest {
  private static final Duration HANG = Duration.ofSeconds(30);

  @TempDir
  Path dir;

  private static String scenario(String tiers, String extra) {
    return "{\"name\": \"x\", \"duration\": \"1s\",\n \"clients\": {\"rate\": 10},\n"
        + " \"tiers\": " + tiers + extra + "}";
  }

  private static final String WEB = "{\"web\": {\"kind\": \"stateless\", \"work\": \"1ms\"}}";

  private static List<ScenarioError> errors(String json) {
    return assertTimeoutPreemptively(HANG, () -> {
      try {
        ScenarioLoader.parse("big.json", json);
        return List.of();
      } catch (ScenarioException e) {
        return e.errors();
      }
    });
  }

  private static ScenarioError only(String json, String path) {
    List<ScenarioError> e = errors(json);
    assertThat(e).as("errors").extracting(ScenarioError::jsonPath).contains(path);
    ScenarioError err = e.stream().filter(x -> x.jsonPath().equals(path)).findFirst()
        .orElseThrow();
    assertThat(err.line()).as(err.format()).isPositive();
    assertThat(err.column()).as(err.format()).isPositive();
    assertThat(err.hint()).isNotEmpty();
    return err;
  }

  @Test
  void hundredMillionNodes_isALocatedErrorAndNothingPerNode() {
    ScenarioError e = only(scenario("{\"web\": {\"kind\": \"stateless\", \"nodes\": 100000000, "
        + "\"work\": \"1ms\"}}", ""), "tiers.web.nodes");
    assertThat(e.message()).contains("at most 100,000 nodes", "100,000,000");
    assertThat(e.line()).isEqualTo(3);
  }

  @Test
  void kvTier_hasItsOwnSmallerLimit() {
    ScenarioError e = only(scenario("{\"db\": {\"kind\": \"kv\", \"nodes\": 20000}}", ""),
        "tiers.db.nodes");
    assertThat(e.message()).contains("at most 10,000 nodes");
  }

  @Test
  void nodesInAll_areLimitedToo() {
    ScenarioError e = only(scenario("{\"a\": {\"kind\": \"stateless\", \"nodes\": 100000, "
        + "\"work\": \"1ms\"}, \"b\": {\"kind\": \"stateless\", \"nodes\": 100000, \"work\": "
        + "\"1ms\"}}", ""), "tiers");
    assertThat(e.message()).contains("at most 200,000 nodes in all", "200,002");
  }

  @Test
  void hugeCores_fallBackAfterTheError() {
    ScenarioError e = only(scenario("{\"web\": {\"kind\": \"stateless\", \"cores\": 1000000000, "
        + "\"work\": \"1ms\"}}", ""), "tiers.web.cores");
    assertThat(e.message()).contains("at most 4,096 cores");
  }

  @Test
  void tenThousandVariants_areRefusedAtTheVariants() {
    ScenarioError e = only(withVariants(10_000), "variants");
    assertThat(e.message()).contains("at most 2,000 variants", "10,000");
  }

  @Test
  void twoThousandVariants_loadInLinearTime() {
    // Was quadratic: every variant copied the whole document's positions and patched a copy of
    // every other variant.
    ScenarioFile f = assertTimeoutPreemptively(HANG,
        () -> ScenarioLoader.parse("many.json", withVariants(2_000)));
    assertThat(f.variantNames()).hasSize(2_000);
  }

  @Test
  void anErrorInOneOfManyVariants_isLocatedInThatVariant() {
    String json = withVariants(1_999).replace("\"v1500\": {\"tiers\": {\"web\": {\"nodes\": 1501}}}",
        "\"v1500\": {\"tiers\": {\"web\": {\"nodes\": -1}}}");
    ScenarioError e = only(json, "tiers.web.nodes (from variant 'v1500')");
    assertThat(e.line()).isEqualTo(1505);
  }

  private static String withVariants(int n) {
    StringBuilder sb = new StringBuilder(scenario(WEB, ",\n \"variants\": {\n"));
    sb.setLength(sb.length() - 1); // drop the closing brace, the variants go first
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : ",\n").append("\"v").append(i)
          .append("\": {\"tiers\": {\"web\": {\"nodes\": ").append(i + 1).append("}}}");
    }
    return sb.append("}}").toString();
  }

  @Test
  void tooManyScheduledFaults_isOneErrorAtTheSchedule() {
    StringBuilder faults = new StringBuilder(",\n \"faults\": {\"schedule\": [");
    for (int i = 0; i < 10_001; i++) {
      faults.append(i == 0 ? "" : ",").append("{\"at\": \"1ms\", \"crash\": \"web-1\"}");
    }
    ScenarioError e = only(scenario(WEB, faults + "]}"), "faults.schedule");
    assertThat(e.message()).contains("at most 10,000 scheduled faults");
  }

  @Test
  void tooManyRateSteps_isAnError() {
    StringBuilder steps = new StringBuilder("[");
    for (int i = 0; i < 1_001; i++) {
      steps.append(i == 0 ? "" : ",").append("{\"at\": \"").append(i).append("ms\", \"rate\": 1}");
    }
    String json = "{\"name\": \"x\", \"duration\": \"10s\",\n \"clients\": {\"rate\": "
        + steps + "]},\n \"tiers\": " + WEB + "}";
    assertThat(only(json, "clients.rate").message()).contains("at most 1,000 rate steps");
  }

  @Test
  void replicationAndRing_areBounded() {
    assertThat(only(scenario("{\"db\": {\"kind\": \"kv\", \"nodes\": 1000, \"replication\": 1000}}",
        ""), "tiers.db.replication").message()).contains("at most 100 replicas");
    assertThat(only(scenario("{\"db\": {\"kind\": \"kv\", \"nodes\": 10000, \"vnodes\": 4096}}",
        ""), "tiers.db.vnodes").message()).contains("points on the ring");
    assertThat(only(scenario("{\"db\": {\"kind\": \"kv\", \"nodes\": 100, \"replication\": 100, "
        + "\"shards\": 1000000}}", ""), "tiers.db.shards").message()).contains("shard replicas");
  }

  @Test
  void linksBetweenHugeTiers_areBounded() {
    String tiers = "{\"web\": {\"kind\": \"stateless\", \"nodes\": 1000, \"work\": \"1ms\"}, "
        + "\"api\": {\"kind\": \"stateless\", \"nodes\": 1000, \"work\": \"1ms\"}}";
    ScenarioError e = only(scenario(tiers, ",\n \"network\": {\"links\": [{\"between\": "
        + "[\"web\", \"api\"], \"latency\": \"1ms\"}]}"), "network.links");
    assertThat(e.message()).contains("at most 100,000 node pairs", "2,000,000");
  }

  @Test
  void staticFilesPerNode_areBoundedInBytes() {
    ScenarioError e = only(scenario("{\"web\": {\"kind\": \"static\", \"files\": 1000000, "
        + "\"fileSize\": \"1MiB\", \"work\": \"1ms\"}}", ""), "tiers.web.files");
    assertThat(e.message()).contains("at most 1 GiB of files per node");
  }

  @Test
  void aTierNamedClient_isReservedNotACrash() {
    // Its node client-1 would collide with the client's (IllegalArgumentException, exit 3).
    ScenarioError e = only(scenario("{\"client\": {\"kind\": \"stateless\", \"work\": \"1ms\"}}",
        ""), "tiers.client");
    assertThat(e.message()).contains("reserved");
    only(scenario("{\"lb\": {\"kind\": \"stateless\", \"work\": \"1ms\"}}",
        ",\n \"loadBalancer\": {\"nodes\": 2}"), "tiers.lb");
  }

  @Test
  void longNames_areBounded() {
    String name = "n".repeat(65);
    assertThat(only(scenario(WEB, "").replace("\"x\"", "\"" + name + "\""), "name").message())
        .contains("at most 64 characters");
  }

  @Test
  void thousandsOfErrors_showAHundredAndCountTheRest() {
    StringBuilder tier = new StringBuilder("{\"web\": {\"kind\": \"stateless\", \"work\": \"1ms\"");
    for (int i = 0; i < 5_000; i++) {
      tier.append(", \"k").append(i).append("\": 1");
    }
    List<ScenarioError> e = errors(scenario(tier + "}}", ""));
    assertThat(e).hasSize(101);
    assertThat(e.get(100).message()).isEqualTo("and 4,900 more errors not shown");
  }

  @Test
  void anAstronomicalClockDrift_isAnErrorNotAHang() {
    // Found by ScenarioFuzzTest: "ppm": 1e90 overflowed the local clock's arithmetic, and
    // re-planning a timer looped for ever inside one event (no --max-events could stop it).
    String json = scenario(WEB, ",\n \"faults\": {\"schedule\": [{\"at\": \"1ms\", "
        + "\"clockDrift\": \"client-1\", \"ppm\": 1" + "0".repeat(90) + ", \"for\": \"1s\"}]}");
    assertThat(only(json, "faults.schedule[0].ppm").message()).contains("at most 1000000 ppm");
    assertThat(only(scenario("{\"web\": {\"kind\": \"stateless\", \"work\": \"1ms\", "
        + "\"clock\": {\"driftPpm\": 1e12}}}", ""), "tiers.web.clock.driftPpm").message())
        .contains("at most 1000000 ppm");
  }

  @Test
  void timesBeyondTenThousandDays_areErrors() {
    assertThat(only(scenario(WEB, "").replace("\"1s\"", "\"100000d\""), "duration")
        .message()).contains("at most 10000d");
    assertThat(only(scenario(WEB, ",\n \"faults\": {\"schedule\": [{\"at\": \"1ms\", "
        + "\"clockJump\": \"client-1\", \"by\": \"-20000d\"}]}"), "faults.schedule[0].by")
        .message()).contains("at most 10000d");
  }

  @Test
  void aKeyOfBlanks_isShownQuoted() {
    // Found by ScenarioFuzzTest: a stray quote made a key of two spaces, and the error read
    // "at   : invalid JSON", a path one cannot see.
    ScenarioError e = errors(scenario(WEB, "").replace("\"clients\": {", "\"clients\": {\"  \" l,"))
        .get(0);
    assertThat(e.jsonPath()).isEqualTo("\"clients.  \"");
    ScenarioError unknown = errors(scenario(WEB, "").replace("\"clients\": {",
        "\"clients\": {\"a\\u0000b\": 1, ")).get(0);
    assertThat(unknown.jsonPath()).isEqualTo("\"clients.a\\u0000b\"");
  }

  @Test
  void aKeyDistWithoutDist_isLocatedAtTheKeyDist() {
    // Found by ScenarioFuzzTest: the error was at clients.keyDist.dist, which the file does not
    // have, so it had no line or column.
    ScenarioError e = errors(scenario(WEB, "").replace("\"clients\": {\"rate\": 10}",
        "\"clients\": {\"rate\": 10, \"keyDist\": {\"exponent\": 1.1}}")).get(0);
    assertThat(e.jsonPath()).isEqualTo("clients.keyDist");
    assertThat(e.message()).contains("missing required key 'dist'");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isPositive();
  }

  // ---- JSON limits and encodings

  @Test
  void aTwoThousandDigitNumber_isLocatedWithItsPath() {
    ScenarioError e = only(scenario("{\"web\": {\"kind\": \"stateless\", \"nodes\": "
        + "1".repeat(2_000) + ", \"work\": \"1ms\"}}", ""), "tiers.web.nodes");
    assertThat(e.message()).contains("a number of", "at most 100");
    assertThat(e.line()).isEqualTo(3);
  }

  @Test
  void deepNesting_isLocated() {
    String deep = "[".repeat(100) + "]".repeat(100);
    ScenarioError e = errors(scenario(WEB, ",\n \"description\": " + deep)).get(0);
    assertThat(e.message()).contains("nested", "at most 64");
    assertThat(e.line()).isEqualTo(4);
    assertThat(e.jsonPath()).startsWith("description");
  }

  @Test
  void aHugeString_isLocated() {
    ScenarioError e = errors(scenario(WEB, ",\n \"description\": \"" + "x".repeat(70_000)
        + "\"")).get(0);
    assertThat(e.message()).contains("a string of", "at most 65,536");
    assertThat(e.line()).isEqualTo(4);
    assertThat(e.jsonPath()).isEqualTo("description");
  }

  @Test
  void aByteOrderMark_isAccepted() throws Exception {
    Path f = dir.resolve("bom.json");
    byte[] text = scenario(WEB, "").getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[text.length + 3];
    bytes[0] = (byte) 0xEF;
    bytes[1] = (byte) 0xBB;
    bytes[2] = (byte) 0xBF;
    System.arraycopy(text, 0, bytes, 3, text.length);
    Files.write(f, bytes);
    assertThatCode(() -> ScenarioLoader.load(f)).doesNotThrowAnyException();
  }

  @Test
  void invalidUtf8_isLocatedAtItsFirstBadByte() throws Exception {
    Path f = dir.resolve("latin1.json");
    Files.write(f, scenario(WEB, ",\n \"description\": \"café\"")
        .getBytes(StandardCharsets.ISO_8859_1));
    ScenarioError e = loadError(f);
    assertThat(e.line()).isEqualTo(4);
    assertThat(e.column()).isEqualTo(21);
    assertThat(e.message()).contains("not UTF-8", "0xE9", "byte offset");
    assertThat(e.hint()).contains("save it as UTF-8", "Latin-1");
  }

  @Test
  void utf16_isNamed() throws Exception {
    Path f = dir.resolve("utf16.json");
    Files.write(f, scenario(WEB, "").getBytes(StandardCharsets.UTF_16LE));
    ScenarioError e = loadError(f);
    assertThat(e.message()).contains("UTF-16 (little-endian)");
    assertThat(e.hint()).contains("UTF-8");
    Files.write(f, scenario(WEB, "").getBytes(StandardCharsets.UTF_16)); // with its BOM
    assertThat(loadError(f).message()).contains("UTF-16 (big-endian)");
    Files.write(f, scenario(WEB, "").getBytes(java.nio.charset.Charset.forName("UTF-32LE")));
    assertThat(loadError(f).message()).contains("UTF-32 (little-endian)");
  }

  @Test
  void aNulByte_hintsAtABinaryFile() {
    ScenarioError e = errors(scenario(WEB, "").replace("\"clients\"", "\u0000\"clients\""))
        .get(0);
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.hint()).contains("control character");
  }

  @Test
  void aTruncatedFile_saysItEndsEarly() {
    String json = scenario(WEB, "");
    ScenarioError e = errors(json.substring(0, json.length() / 2)).get(0);
    assertThat(e.line()).isPositive();
    assertThat(e.hint()).contains("ends in the middle");
  }

  @Test
  void aFileAboveTheSizeLimit_isRefusedBeforeItIsRead() throws Exception {
    Path f = dir.resolve("huge.json");
    byte[] spaces = new byte[5 << 20];
    java.util.Arrays.fill(spaces, (byte) ' ');
    Files.write(f, spaces);
    ScenarioError e = loadError(f);
    assertThat(e.message()).contains("at most 4,194,304 bytes");
  }

  private static ScenarioError loadError(Path f) {
    Supplier<ScenarioError> load = () -> {
      try {
        ScenarioLoader.load(f);
        throw new AssertionError("loaded " + f);
      } catch (ScenarioException e) {
        assertThat(e.errors()).hasSize(1);
        return e.errors().get(0);
      }
    };
    return assertTimeoutPreemptively(HANG, load::get);
  }
}
