package dev.dsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A scenario written back to JSON reads back as the same scenario: for every shipped scenario
 * and every variant, in both styles; and the writer covers every key of the format, so a key
 * added to the binder and the schema but forgotten here fails {@link #explicitStyle_writesEveryKeyOfTheFormat}.
 */
final class ScenarioWriterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SCENARIOS = Path.of("..", "scenarios");

  /**
   * Keys of the schema the rich scenario below does not write, each for its reason. A random
   * fault's {@code "rate"} is another spelling of its {@code "mtbf"} (the writer writes the
   * mean interval), but the key is written anyway, by the clients.
   */
  private static final List<String> ALTERNATIVE_SPELLINGS = List.of(
      "$schema", // a pointer for editors, not part of a scenario
      "variants", // a written scenario is one variant, resolved
      "drawn", // only in a resolved scenario, from a run: see ResolvedScenarioTest
      "users", "thinkTime", // closed loop, the other form of "rate": see closedLoop_roundTrips
      "value", // {"dist": "constant", "value": d}, the long form of a bare duration d
      // A tier's instance type is written out as the machine it is (cores, speed, memory,
      // price): see instanceTypes_areWrittenAsTheirMachines
      "instance", "instanceTypes"
  );

  static Stream<Arguments> shippedScenariosAndVariants() throws Exception {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> list = Files.list(SCENARIOS)) {
      list.filter(p -> p.toString().endsWith(".json"))
          .filter(p -> !p.getFileName().toString().equals("scenario.schema.json"))
          .sorted().forEach(files::add);
    }
    files.add(Path.of("src", "test", "resources", "cli", "planted-failure.json"));
    List<Arguments> cases = new ArrayList<>();
    for (Path f : files) {
      ScenarioFile file = ScenarioLoader.load(f);
      List<String> variants = new ArrayList<>();
      variants.add(null);
      variants.addAll(file.variantNames());
      for (String v : variants) {
        for (ScenarioWriter.Style style : ScenarioWriter.Style.values()) {
          cases.add(Arguments.of(f.getFileName().toString(), v, style));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} variant {1}, {2}")
  @MethodSource("shippedScenariosAndVariants")
  void everyShippedScenarioAndVariant_readsBackEqual(String file, String variant,
      ScenarioWriter.Style style) throws Exception {
    Path path = file.equals("planted-failure.json")
        ? Path.of("src", "test", "resources", "cli", file) : SCENARIOS.resolve(file);
    Scenario s = ScenarioLoader.load(path).resolve(variant);
    String written = ScenarioWriter.write(s, style);
    Scenario back = ScenarioLoader.parse("written " + file, written).resolve(null);
    assertThat(back).isEqualTo(withoutVariant(s));
    // Writing is a fixed point: what was read back writes the same text.
    assertThat(ScenarioWriter.write(back, style)).isEqualTo(written);
  }

  /** Every setting the format has, most away from their defaults. */
  private static final String RICH = """
      {"name": "rich", "description": "all of it", "seed": 9, "duration": "10m",
       "warmup": "30s",
       "network": {"latency": {"dist": "normal", "mean": "1ms", "stddev": "100us"},
                   "loss": 0.001, "duplicate": 0.0005, "bandwidth": "10Gbit/s",
                   "messageSize": "2KiB", "corrupt": 0.0001, "checksums": true,
                   "links": [{"between": [["web-1", "web-2"], "db"], "latency": "5ms",
                              "bandwidth": "1Gbit/s", "loss": 0.01},
                             {"from": "web", "to": "content", "latency": "2ms"}]},
       "clients": {"arrival": "constant",
                   "rate": [{"at": "0s", "rate": 100}, {"at": "2m", "rate": 400, "ramp": true}],
                   "reads": 0.8, "keys": 500, "keyDist": {"dist": "zipf", "exponent": 1.1},
                   "valueSize": "512B", "timeout": "2s", "retries": 2,
                   "backoff": {"base": "20ms", "max": "500ms", "jitter": "equal"},
                   "hedge": "150ms"},
       "loadBalancer": {"policy": "power-of-two-choices",
                        "healthCheck": {"interval": "1s", "timeout": "3s"}, "nodes": 2},
       "tiers": {
         "web": {"kind": "stateless", "nodes": 3, "cores": 4, "speed": 1.5, "maxCores": 8,
                 "contention": {"alpha": 0.02, "beta": 0.0001}, "price": 0.3,
                 "disk": {"read": "50us", "write": {"dist": "uniform", "min": "100us",
                          "max": "300us"}, "fsync": "2ms", "capacity": "10GiB",
                          "checksums": true, "tornWrites": true},
                 "clock": {"offset": "-20ms", "driftPpm": 50},
                 "work": {"dist": "lognormal", "median": "4ms", "p99": "40ms"},
                 "calls": "db", "callTimeout": "300ms", "callRetries": 2},
         "content": {"kind": "static", "nodes": 2, "work": {"dist": "pareto", "scale": "1ms",
                   "shape": 2.5}, "files": 200, "fileSize": "64KiB"},
         "db": {"kind": "kv", "nodes": 5, "cores": 2, "work": {"dist": "exponential",
                "mean": "80us"}, "replication": 3, "shards": 20, "placement": "consistent",
                "vnodes": 16, "readQuorum": 1, "writeQuorum": 3, "sloppy": true,
                "readRepair": false, "fsync": "100ms",
                "heartbeat": {"interval": "500ms", "timeout": "2s"}, "checksums": false,
                "timeout": "250ms"},
         "sessions": {"kind": "kv", "nodes": 4,
                      "swim": {"period": "300ms", "probeTimeout": "50ms", "indirectProbes": 2}},
         "logic": {"kind": "process", "class": "%s",
                   "settings": {"peers": [1, 2], "leader": null, "name": "x", "ratio": 0.5}}
       },
       "faults": {
         "schedule": [
           {"at": "1m", "crash": "web-2", "restartAfter": "30s", "wipe": true},
           {"at": "2m", "partition": [["db-1"], ["db-2", "db-3"]], "for": "20s", "oneWay": true},
           {"at": "3m", "isolate": "random:db", "for": "10s"},
           {"at": "4m", "slow": "db-4", "factor": 5, "for": "1m", "resource": "disk"},
           {"at": "5m", "degrade": ["web-1", "web-3"], "latency": "50ms", "loss": 0.2,
            "for": "30s"},
           {"at": "6m", "corrupt": "db-5", "blocks": 3, "sectors": 1, "messages": 0.1,
            "for": "5s"},
           {"at": "7m", "clockJump": "web-1", "by": "-2s"},
           {"at": "8m", "clockDrift": "web", "ppm": -300, "for": "1m"}
         ],
         "random": {
           "crash": {"mttf": "1h", "mttr": "1m", "targets": ["web"], "maxDown": 2},
           "partition": {"mtbf": "20m", "targets": ["db"], "for": "30s"},
           "isolate": {"mtbf": "30m", "for": "10s"},
           "slow": {"mtbf": "15m", "targets": ["web", "db-1"], "for": "20s", "factor": 3,
                    "resource": "cpu"},
           "degrade": {"mtbf": "25m", "for": "1m", "latency": "10ms", "loss": 0.05},
           "corrupt": {"mtbf": "40m", "targets": ["db"], "blocks": 2, "sectors": 1},
           "clockJump": {"mtbf": "1h", "targets": ["web"], "by": "500ms"},
           "clockDrift": {"mtbf": "1h", "targets": ["db"], "for": "5m", "ppm": 100}
         },
         "swarm": true
       },
       "expect": {"availability": ">= 0.99", "latencyMs.p99": "< 500", "lostWrites": "== 0"}
      }
      """.formatted(ProcessSettingsTest.Keeper.class.getName());

  @ParameterizedTest
  @EnumSource(ScenarioWriter.Style.class)
  void richScenario_readsBackEqual(ScenarioWriter.Style style) throws Exception {
    Scenario s = ScenarioLoader.parse("rich", RICH).resolve(null);
    Scenario back = ScenarioLoader.parse("written", ScenarioWriter.write(s, style))
        .resolve(null);
    assertThat(back).isEqualTo(s);
  }

  @Test
  void explicitStyle_writesEveryKeyOfTheFormat() throws Exception {
    Scenario s = ScenarioLoader.parse("rich", RICH).resolve(null);
    TreeSet<String> written = new TreeSet<>();
    collectKeys(ScenarioWriter.toJson(s, ScenarioWriter.Style.EXPLICIT), written, false);
    TreeSet<String> formatKeys = new TreeSet<>();
    collectKeys(JSON.readTree(SCENARIOS.resolve("scenario.schema.json").toFile()), formatKeys,
        true);
    formatKeys.removeAll(ALTERNATIVE_SPELLINGS);
    // Metrics are expect's keys, checked by ExpectBinder against the model's own list.
    formatKeys.removeAll(Expectation.METRICS);
    formatKeys.removeAll(Expectation.SHORTHANDS);
    formatKeys.removeAll(written);
    assertThat(formatKeys).as("keys of the schema the writer never writes").isEmpty();
  }

  @Test
  void instanceTypes_areWrittenAsTheirMachines() throws Exception {
    Scenario s = ScenarioLoader.parse("typed", """
        {"name": "typed", "duration": "1m", "clients": {"rate": 10},
         "pricing": {"currency": "EUR", "perNode": 0.02},
         "instanceTypes": {"small": {"cores": 2, "memory": "16GiB", "price": 0.11},
                           "big": {"cores": 32, "speed": 1.5}},
         "tiers": {"web": {"kind": "stateless", "nodes": 4, "instance": "small", "work": "1ms",
                           "calls": "db"},
                   "db": {"kind": "stateless", "instance": "big", "work": "1ms"}}}
        """).resolve(null);
    for (ScenarioWriter.Style style : ScenarioWriter.Style.values()) {
      String text = ScenarioWriter.write(s, style);
      JsonNode web = JSON.readTree(text).path("tiers").path("web");
      assertThat(web.path("cores").asInt()).isEqualTo(2);
      assertThat(web.path("memory").asText()).isEqualTo("16GiB");
      assertThat(web.path("price").asDouble()).isEqualTo(0.11);
      assertThat(web.has("instance")).isFalse();
      assertThat(JSON.readTree(text).path("pricing").path("currency").asText()).isEqualTo("EUR");
      assertThat(ScenarioLoader.parse("w", text).resolve(null)).as(style.name()).isEqualTo(s);
    }
  }

  @Test
  void closedLoop_roundTrips() throws Exception {
    Scenario s = ScenarioLoader.parse("closed", """
        {"name": "closed", "duration": "1m",
         "clients": {"users": 20, "thinkTime": {"dist": "exponential", "mean": "1s"}},
         "tiers": {"web": {"kind": "stateless", "work": "2ms"}}}
        """).resolve(null);
    for (ScenarioWriter.Style style : ScenarioWriter.Style.values()) {
      String text = ScenarioWriter.write(s, style);
      assertThat(ScenarioLoader.parse("w", text).resolve(null)).isEqualTo(s);
      assertThat(JSON.readTree(text).path("clients").path("users").asInt()).isEqualTo(20);
    }
  }

  @Test
  void conciseStyle_writesWhatAPersonWould() throws Exception {
    Scenario s = ScenarioLoader.parse("small", """
        {"name": "small", "duration": "1m", "clients": {"rate": 10},
         "tiers": {"web": {"kind": "stateless", "nodes": 2, "work": "1ms"},
                   "db": {"kind": "kv", "nodes": 3}}}
        """).resolve(null);
    assertThat(ScenarioWriter.write(s, ScenarioWriter.Style.CONCISE)).isEqualTo("""
        {
          "name": "small",
          "duration": "1m",
          "clients": {
            "rate": 10
          },
          "tiers": {
            "web": {
              "kind": "stateless",
              "nodes": 2,
              "cores": 1,
              "work": "1ms"
            },
            "db": {
              "kind": "kv",
              "nodes": 3,
              "cores": 1
            }
          }
        }
        """);
  }

  @Test
  void explicitStyle_fillsInTheDefaults() throws Exception {
    Scenario s = ScenarioLoader.parse("small", """
        {"name": "small", "duration": "1m", "clients": {"rate": 10},
         "tiers": {"db": {"kind": "kv", "nodes": 5}}}
        """).resolve(null);
    JsonNode db = ScenarioWriter.toJson(s, ScenarioWriter.Style.EXPLICIT).path("tiers")
        .path("db");
    assertThat(db.path("replication").asInt()).isEqualTo(3);
    assertThat(db.path("shards").asInt()).isEqualTo(40);
    assertThat(db.path("readQuorum").asInt()).isEqualTo(2);
    assertThat(db.path("work").asText()).isEqualTo("50us");
    assertThat(db.path("fsync").asText()).isEqualTo("always");
    assertThat(db.path("disk").has("checksums")).as("a kv tier's checksums are the tier's")
        .isFalse();
    assertThat(db.path("checksums").asBoolean()).isTrue();
  }

  @Test
  void durations_areWrittenExactlyInTheLargestUnitThatHoldsThem() {
    assertThat(ScenarioWriter.Formats.duration(0)).isEqualTo("0s");
    assertThat(ScenarioWriter.Formats.duration(1_500_000_000L)).isEqualTo("1.5s");
    assertThat(ScenarioWriter.Formats.duration(250_000L)).isEqualTo("250us");
    assertThat(ScenarioWriter.Formats.duration(1_000_000_001L)).isEqualTo("1000000.001us");
    assertThat(ScenarioWriter.Formats.duration(-2_000_000_000L)).isEqualTo("-2s");
    assertThat(ScenarioWriter.Formats.duration(90 * 60_000_000_000L)).isEqualTo("1.5h");
    assertThat(ScenarioWriter.Formats.duration(86_400_000_000_000L)).isEqualTo("1d");
    assertThat(ScenarioWriter.Formats.duration(999)).isEqualTo("999ns");
    for (long n : new long[] {1, 999, 1000, 1001, 123_456_789, 59_999_999_999L,
        7_777_777_777_777L, 1L << 53}) {
      assertThat(dev.dsim.engine.Durations.parse(ScenarioWriter.Formats.duration(n)))
          .as("%d ns", n).isEqualTo(n);
    }
  }

  @Test
  void sizesAndBandwidths_useTheLargestUnitThatDividesThem() {
    assertThat(ScenarioWriter.Formats.size(4096)).isEqualTo("4KiB");
    assertThat(ScenarioWriter.Formats.size(1536)).isEqualTo("1536B");
    assertThat(ScenarioWriter.Formats.size(10L << 30)).isEqualTo("10GiB");
    assertThat(ScenarioWriter.Formats.bandwidth(10e9)).isEqualTo("10Gbit/s");
    assertThat(ScenarioWriter.Formats.bandwidth(8e9)).isEqualTo("8Gbit/s");
    assertThat(ScenarioWriter.Formats.bandwidth(1500)).isEqualTo("1500bit/s");
    assertThat(Quantities.bitsPerSecond(ScenarioWriter.Formats.bandwidth(12.5)))
        .isEqualTo(12.5);
  }

  private static Scenario withoutVariant(Scenario s) {
    return s.withoutVariant();
  }

  /**
   * Every object key in a tree; in a schema, the names under each "properties" (the format's
   * keys) and none of the schema's own keywords.
   */
  private static void collectKeys(JsonNode node, TreeSet<String> out, boolean schema) {
    if (node.isArray()) {
      node.forEach(n -> collectKeys(n, out, schema));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (schema) {
        if (e.getKey().equals("properties") && e.getValue().isObject()) {
          e.getValue().fieldNames().forEachRemaining(out::add);
        }
      } else if (!e.getKey().contains(".") && !isUserName(e.getKey())) {
        out.add(e.getKey());
      }
      collectKeys(e.getValue(), out, schema);
    }
  }

  /** Tier names, process settings and expectation metrics are the user's, not the format's. */
  private static boolean isUserName(String key) {
    return List.of("web", "content", "db", "logic", "peers", "leader", "ratio", "availability",
        "lostWrites").contains(key);
  }
}
