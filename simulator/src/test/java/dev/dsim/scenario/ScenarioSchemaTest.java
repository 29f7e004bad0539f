package dev.dsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.dsim.scenario.format.Backoff;
import dev.dsim.scenario.format.Clients;
import dev.dsim.scenario.format.Clock;
import dev.dsim.scenario.format.Contention;
import dev.dsim.scenario.format.Disk;
import dev.dsim.scenario.format.Distribution;
import dev.dsim.scenario.format.Faults;
import dev.dsim.scenario.format.HealthCheck;
import dev.dsim.scenario.format.KeyDistribution;
import dev.dsim.scenario.format.Link;
import dev.dsim.scenario.format.LoadBalancer;
import dev.dsim.scenario.format.Network;
import dev.dsim.scenario.format.RandomFaults;
import dev.dsim.scenario.format.RateStep;
import dev.dsim.scenario.format.ScenarioDocument;
import dev.dsim.scenario.format.ScheduledFault;
import dev.dsim.scenario.format.SchemaWriter;
import dev.dsim.scenario.format.Tier;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the published scenario JSON Schema ({@code scenarios/scenario.schema.json}, shipped in
 * the jar) honest: it is the file in the jar, a valid draft 2020-12 schema, every shipped
 * scenario conforms to it and names it, its key sets are the binder's, and the schema and the
 * binder accept and reject the same documents.
 */
final class ScenarioSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SCENARIOS = Path.of("..", "scenarios");
  private static final Path SCHEMA_FILE = SCENARIOS.resolve("scenario.schema.json");
  private static final String RESOURCE = "/dev/dsim/scenario/scenario.schema.json";
  private static final JsonNode SCHEMA_NODE = readResource();
  private static final JsonSchema SCHEMA = JsonSchemaFactory
      .getInstance(SpecVersion.VersionFlag.V202012).getSchema(SCHEMA_NODE);

  /**
   * A key close to no key the binder knows: it answers an unknown key it cannot match with
   * "allowed keys here: a, b, c", which reads the binder's key list without reflection.
   */
  private static final String PROBE = "qqqqqqqqqqqq";

  /** A small valid scenario the cases below patch (RFC 7386, as variants do). */
  private static final JsonNode BASE = tree("""
      {"name": "probe", "duration": "1m", "clients": {"rate": 10},
       "tiers": {"web": {"kind": "stateless", "nodes": 2, "work": "1ms"},
                 "db": {"kind": "kv", "nodes": 3}}}
      """);

  // The key lists come from the document model (dev.dsim.scenario.format), never copied:
  // sectionKeys_agree() checks each against what the binder itself reports for an unknown key,
  // and against the generated schema's.
  /** Every kind of scheduled and random fault: the random nemesis has one key per kind. */
  private static final List<String> FAULT_KINDS = ModelKeys.of(RandomFaults.class);

  // ---- the schema file itself

  @Test
  void schemaInTheJar_isTheFileInScenarios() throws IOException {
    byte[] resource;
    try (InputStream in = ScenarioSchemaTest.class.getResourceAsStream(RESOURCE)) {
      assertThat(in).as("classpath resource %s (copied there by simulator/pom.xml)", RESOURCE)
          .isNotNull();
      resource = in.readAllBytes();
    }
    assertThat(Files.readAllBytes(SCHEMA_FILE)).as("%s and the resource %s", SCHEMA_FILE,
        RESOURCE).isEqualTo(resource);
  }

  @Test
  void committedSchema_isTheGeneratorsOutput() throws IOException {
    String committed = Files.readString(SCHEMA_FILE, StandardCharsets.UTF_8);
    assertThat(committed).as("%s is generated from the records of dev.dsim.scenario.format; after "
        + "changing them, regenerate it: mvn -B -ntp -q -pl simulator package -DskipTests && "
        + "java -jar simulator/target/dsim.jar schema > scenarios/scenario.schema.json",
        SCHEMA_FILE).isEqualTo(new SchemaWriter().text());
  }

  @Test
  void generator_writesTheSameTextEveryTime() {
    assertThat(new SchemaWriter().text()).isEqualTo(new SchemaWriter().text());
  }

  @Test
  void schema_isAValidDraft202012Schema() {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    JsonSchema meta = factory.getSchema(SchemaLocation.of(SchemaId.V202012));
    assertThat(meta.validate(SCHEMA_NODE)).isEmpty();
    assertThat(SCHEMA_NODE.get("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(SCHEMA_NODE.get("$id").asText()).isEqualTo("https://dsim.dev/scenario.schema.json");
    assertThat(SCHEMA_NODE.get("title").asText()).isNotBlank();
    assertThat(SCHEMA_NODE.get("description").asText()).isNotBlank();
  }

  @Test
  void everyDeclaredProperty_hasADescription() {
    List<String> missing = new ArrayList<>();
    walk(SCHEMA_NODE, "#", missing);
    assertThat(missing).as("properties without a description (editors show it)").isEmpty();
  }

  /** Every property of an object closed with additionalProperties false has a description. */
  private static void walk(JsonNode node, String at, List<String> missing) {
    if (node.isObject()) {
      JsonNode props = node.get("properties");
      if (props != null && node.path("additionalProperties").isBoolean()) {
        props.fields().forEachRemaining(e -> {
          if (e.getValue().isObject() && !e.getValue().hasNonNull("description")) {
            missing.add(at + "/properties/" + e.getKey());
          }
        });
      }
      node.fields().forEachRemaining(e -> walk(e.getValue(), at + "/" + e.getKey(), missing));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), at + "/" + i, missing);
      }
    }
  }

  // ---- the shipped scenarios

  static Stream<Path> shippedScenarios() throws IOException {
    try (Stream<Path> files = Files.list(SCENARIOS)) {
      List<Path> list = files.filter(p -> p.toString().endsWith(".json"))
          .filter(p -> !p.getFileName().equals(SCHEMA_FILE.getFileName())).sorted().toList();
      assertThat(list).isNotEmpty();
      return list.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shippedScenarios")
  void shippedScenario_conformsToTheSchema(Path file) throws IOException {
    Set<ValidationMessage> messages = SCHEMA.validate(JSON.readTree(file.toFile()));
    assertThat(messages).as("%s against %s", file, SCHEMA_FILE).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shippedScenarios")
  void shippedScenario_namesTheSchemaFirst(Path file) throws IOException {
    JsonNode root = JSON.readTree(file.toFile());
    Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
    assertThat(fields.hasNext()).isTrue();
    Map.Entry<String, JsonNode> first = fields.next();
    assertThat(first.getKey()).as("%s: first key", file).isEqualTo("$schema");
    assertThat(first.getValue().asText()).isEqualTo("./scenario.schema.json");
  }

  // ---- key sets: the schema's against the binder's

  @Test
  void topLevelKeys_areTheBindersAndSoAreTheRequiredOnes() {
    assertThat(keys(SCHEMA_NODE)).containsExactlyInAnyOrderElementsOf(ScenarioBinder.TOP_KEYS);
    assertThat(ModelKeys.of(ScenarioDocument.class))
        .containsExactlyInAnyOrderElementsOf(ScenarioBinder.TOP_KEYS);
    assertThat(binderKeys("{'" + PROBE + "': 1}"))
        .containsExactlyInAnyOrderElementsOf(ScenarioBinder.TOP_KEYS);
    // What the binder says is missing from an empty document, the schema requires.
    Set<String> missing = new LinkedHashSet<>();
    Pattern p = Pattern.compile("missing required key '([^']+)'");
    for (ScenarioError e : errors(tree("{}"))) {
      Matcher m = p.matcher(e.message());
      if (m.find()) {
        missing.add(m.group(1));
      }
    }
    List<String> required = new ArrayList<>();
    SCHEMA_NODE.get("required").forEach(r -> required.add(r.asText()));
    assertThat(required).containsExactlyInAnyOrderElementsOf(missing);
  }

  static Stream<Arguments> sections() {
    List<Arguments> s = new ArrayList<>();
    s.add(Arguments.of("clients", def("clients"), ModelKeys.of(Clients.class),
        "{'clients': {'" + PROBE + "': 1}}"));
    s.add(Arguments.of("clients.rate[]", def("rateStep"), ModelKeys.of(RateStep.class),
        "{'clients': {'rate': [{'at': '0s', 'rate': 1, '" + PROBE + "': 1}]}}"));
    s.add(Arguments.of("clients.backoff", def("backoff"), ModelKeys.of(Backoff.class),
        "{'clients': {'backoff': {'" + PROBE + "': 1}}}"));
    s.add(Arguments.of("clients.keyDist", def("keyDist"),
        ModelKeys.of(KeyDistribution.KeyDist.class),
        "{'clients': {'keyDist': {'dist': 'zipf', '" + PROBE + "': 1}}}"));
    s.add(Arguments.of("loadBalancer", def("loadBalancer"), ModelKeys.of(LoadBalancer.class),
        "{'loadBalancer': {'" + PROBE + "': 1}}"));
    s.add(Arguments.of("loadBalancer.healthCheck", def("healthCheck"),
        ModelKeys.of(HealthCheck.class),
        "{'loadBalancer': {'healthCheck': {'" + PROBE + "': 1}}}"));
    s.add(Arguments.of("kv heartbeat", def("healthCheck"), ModelKeys.of(HealthCheck.class),
        "{'tiers': {'db': {'heartbeat': {'" + PROBE + "': 1}}}}"));
    // The binder lists every kind's keys for an unknown key in a tier (it rejects another
    // kind's key in a second step); the model has one record per kind.
    for (Class<?> kind : Tier.class.getPermittedSubclasses()) {
      s.add(Arguments.of("tier " + kind.getSimpleName(),
          def(SchemaWriter.definitionName(kind)), ModelKeys.of(kind),
          null));
    }
    s.add(Arguments.of("tier, all kinds", unionOf(def("tier")), ModelKeys.union(Tier.class),
        "{'tiers': {'web': {'" + PROBE + "': 1}}}"));
    s.add(Arguments.of("tier.contention", def("contention"), ModelKeys.of(Contention.class),
        "{'tiers': {'web': {'contention': {'" + PROBE + "': 1}}}}"));
    s.add(Arguments.of("tier.disk", def("disk"), ModelKeys.of(Disk.class),
        "{'tiers': {'web': {'disk': {'" + PROBE + "': 1}}}}"));
    s.add(Arguments.of("tier.clock", def("clock"), ModelKeys.of(Clock.class),
        "{'tiers': {'web': {'clock': {'" + PROBE + "': 1}}}}"));
    s.add(Arguments.of("network", def("network"), ModelKeys.of(Network.class),
        "{'network': {'" + PROBE + "': 1}}"));
    s.add(Arguments.of("network.links[]", def("link"), ModelKeys.of(Link.class),
        "{'network': {'links': [{'between': ['web', 'db'], 'latency': '1ms', '" + PROBE
            + "': 1}]}}"));
    s.add(Arguments.of("faults", def("faults"), ModelKeys.of(Faults.class),
        "{'faults': {'" + PROBE + "': 1}}"));
    s.add(Arguments.of("faults.random", def("randomFaults"), FAULT_KINDS,
        "{'faults': {'random': {'" + PROBE + "': 1}}}"));
    for (Class<?> fault : ScheduledFault.class.getPermittedSubclasses()) {
      List<String> keys = ModelKeys.of(fault);
      String kind = keys.get(1); // "at", then the kind key
      s.add(Arguments.of("faults.schedule[] " + kind, scheduledFault(kind), keys,
          "{'faults': {'schedule': [{'at': '1s', '" + kind + "': 'web-1', '" + PROBE
              + "': 1}]}}"));
    }
    for (RecordComponent random : RandomFaults.class.getRecordComponents()) {
      String kind = ModelKeys.name(random);
      s.add(Arguments.of("faults.random." + kind,
          resolve(def("randomFaults").get("properties").get(kind)),
          ModelKeys.of(random.getType()),
          "{'faults': {'random': {'" + kind + "': {'" + PROBE + "': 1}}}}"));
    }
    for (Map.Entry<String, List<String>> d : ModelKeys.subtypes(Distribution.class).entrySet()) {
      s.add(Arguments.of("distribution " + d.getKey(), distribution(d.getKey()), d.getValue(),
          "{'tiers': {'web': {'work': {'dist': '" + d.getKey() + "', '" + PROBE + "': 1}}}}"));
    }
    return s.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sections")
  void sectionKeys_agree(String section, JsonNode schema, List<String> expected, String probe) {
    assertThat(keys(schema)).as("%s: the schema's keys", section)
        .containsExactlyInAnyOrderElementsOf(expected);
    if (probe != null) {
      assertThat(binderKeys(probe)).as("%s: the binder's keys", section)
          .containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void tierKeys_areTheBindersKindByKind() {
    // Each kind's own keys are the binder's union less the keys it rejects on that kind: a key
    // of another kind is rejected by both (the rejected cases below), so here only the union
    // and the shared keys are the binder's.
    List<String> shared = new ArrayList<>(ModelKeys.of(Tier.StatelessTier.class));
    for (Class<?> kind : Tier.class.getPermittedSubclasses()) {
      shared.retainAll(ModelKeys.of(kind));
    }
    assertThat(shared).startsWith("kind", "nodes", "cores", "speed", "work", "clock",
        "contention", "maxCores", "price", "memory", "instance", "disk");
    assertThat(ModelKeys.union(Tier.class)).containsExactlyInAnyOrderElementsOf(
        binderKeys("{'tiers': {'web': {'" + PROBE + "': 1}}}"));
  }

  @Test
  void scheduledFaultKinds_areTheBinders() {
    // A schedule entry with no kind: the binder lists "at" and every kind.
    List<String> expected = new ArrayList<>(List.of("at"));
    expected.addAll(FAULT_KINDS);
    assertThat(binderKeys("{'faults': {'schedule': [{'at': '1s', '" + PROBE + "': 1}]}}"))
        .containsExactlyInAnyOrderElementsOf(expected);
    List<String> kinds = new ArrayList<>();
    for (JsonNode alternative : def("scheduledFault").get("oneOf")) {
      kinds.add(keys(alternative).get(1));
    }
    assertThat(kinds).containsExactlyInAnyOrderElementsOf(FAULT_KINDS);
    List<String> modelKinds = new ArrayList<>();
    for (Class<?> fault : ScheduledFault.class.getPermittedSubclasses()) {
      modelKinds.add(ModelKeys.of(fault).get(1));
    }
    assertThat(modelKinds).containsExactlyElementsOf(FAULT_KINDS);
  }

  @Test
  void expectMetrics_areTheBinders() {
    List<String> metrics = new ArrayList<>(Expectation.METRICS);
    metrics.addAll(Expectation.SHORTHANDS);
    // The schema lists them from Metric, in its order: the dotted names, then the shorthands.
    assertThat(keys(def("expect"))).containsExactlyElementsOf(metrics);
    for (Metric m : Metric.values()) {
      assertThat(def("expect").path("properties").path(m.jsonName()).path("description")
          .asText()).isEqualTo(m.description());
    }
    // The binder answers an unknown metric it cannot match with "metrics: a, b, ...".
    ScenarioError e = probeError(patched("{'expect': {'" + PROBE + "': '== 0'}}"),
        "unknown metric '" + PROBE + "'");
    assertThat(e.hint()).startsWith("metrics: ");
    assertThat(List.of(e.hint().substring("metrics: ".length()).split(", ")))
        .containsExactlyInAnyOrderElementsOf(metrics);
  }

  @Test
  void enums_areTheBinders() {
    List<String> kinds = new ArrayList<>();
    for (JsonNode alternative : def("tier").get("oneOf")) {
      kinds.add(resolve(alternative).at("/properties/kind/const").asText());
    }
    assertThat(kinds).containsExactlyInAnyOrderElementsOf(jsonNames(TierKind.class));
    assertThat(ModelKeys.subtypes(Tier.class).keySet())
        .containsExactlyInAnyOrderElementsOf(jsonNames(TierKind.class));
    assertThat(strings(resolve(def("loadBalancer").at("/properties/policy")).get("enum")))
        .containsExactlyInAnyOrderElementsOf(jsonNames(LbPolicy.class));
    assertThat(strings(resolve(def("clients").at("/properties/arrival")).get("enum")))
        .containsExactlyInAnyOrderElementsOf(jsonNames(Arrival.class));
    List<String> dists = new ArrayList<>();
    for (JsonNode alternative : def("distribution").get("oneOf")) {
      JsonNode kind = resolve(alternative).at("/properties/dist/const");
      if (!kind.isMissingNode()) {
        dists.add(kind.asText());
      }
    }
    assertThat(dists).containsExactlyInAnyOrderElementsOf(
        ModelKeys.subtypes(Distribution.class).keySet());
  }

  // ---- limits: the schema states the binder's maxima

  static Stream<Arguments> maxima() {
    return Stream.of(
        Arguments.of("/properties/tiers/maxProperties", Limits.TIERS),
        Arguments.of("/properties/variants/maxProperties", Limits.VARIANTS),
        Arguments.of("/properties/variants/propertyNames/maxLength", Limits.NAME_CHARS),
        Arguments.of("/properties/description/maxLength", Limits.STRING_CHARS),
        Arguments.of("/$defs/name/maxLength", Limits.NAME_CHARS),
        Arguments.of("/$defs/statelessTier/properties/nodes/maximum", Limits.NODES_PER_TIER),
        Arguments.of("/$defs/statelessTier/properties/cores/maximum", Limits.CORES),
        Arguments.of("/$defs/staticTier/properties/files/maximum", Limits.FILES),
        Arguments.of("/$defs/kvTier/properties/replication/maximum", Limits.REPLICATION),
        Arguments.of("/$defs/kvTier/properties/shards/maximum", Limits.SHARDS),
        Arguments.of("/$defs/kvTier/properties/vnodes/maximum", Limits.VNODES),
        Arguments.of("/$defs/processTier/properties/settings/maxProperties", Limits.SETTINGS_VALUES),
        Arguments.of("/$defs/loadBalancer/properties/nodes/maximum", Limits.LOAD_BALANCERS),
        Arguments.of("/$defs/clients/properties/users/maximum", Limits.USERS),
        Arguments.of("/$defs/clients/properties/keys/maximum", Limits.KEYS),
        Arguments.of("/$defs/rateSchedule/maxItems", Limits.RATE_STEPS),
        Arguments.of("/$defs/faults/properties/schedule/maxItems", Limits.FAULTS),
        Arguments.of("/$defs/target/oneOf/1/maxItems", Limits.TARGET_NAMES),
        Arguments.of("/$defs/fixedTarget/oneOf/1/maxItems", Limits.TARGET_NAMES),
        Arguments.of("/$defs/partitionFault/properties/partition/maxItems",
            Limits.PARTITION_GROUPS),
        Arguments.of("/$defs/network/properties/links/maxItems", Limits.LINKS),
        Arguments.of("/$defs/expect/maxProperties", Limits.EXPECTATIONS),
        Arguments.of("/$defs/clock/properties/driftPpm/maximum", (long) Limits.DRIFT_PPM),
        Arguments.of("/$defs/clockDriftFault/properties/ppm/maximum", (long) Limits.DRIFT_PPM),
        Arguments.of("/$defs/randomClockDrift/properties/ppm/maximum", (long) Limits.DRIFT_PPM));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("maxima")
  void schemaMaxima_areTheBindersLimits(String pointer, long limit) {
    assertThat(SCHEMA_NODE.at(pointer).isIntegralNumber()).as("%s in the schema", pointer)
        .isTrue();
    assertThat(SCHEMA_NODE.at(pointer).longValue()).as(pointer).isEqualTo(limit);
  }

  @Test
  void kvNodeMaximum_isTheBindersKvLimit() {
    assertThat(def("kvTier").at("/properties/nodes/maximum").longValue())
        .isEqualTo(Limits.KV_NODES_PER_TIER);
    for (String other : List.of("statelessTier", "staticTier", "processTier")) {
      assertThat(def(other).at("/properties/nodes/maximum").longValue()).as(other)
          .isEqualTo(Limits.NODES_PER_TIER);
    }
  }

  // ---- the schema and the binder accept and reject the same documents

  @Test
  void misspelledTopLevelKey_isRejected() {
    Set<ValidationMessage> messages = SCHEMA.validate(patched("{'tiersx': {}}"));
    assertThat(messages).isNotEmpty();
    assertThat(text(messages)).contains("tiersx");
  }

  @Test
  void wrongType_isRejected() {
    Set<ValidationMessage> messages = SCHEMA.validate(patched("{'duration': true}"));
    assertThat(messages).isNotEmpty();
    assertThat(text(messages)).contains("duration");
  }

  static Stream<Arguments> accepted() {
    return Stream.of(
        Arguments.of("no clients (a system that drives itself)", "{'clients': null}"),
        Arguments.of("the base", "{}"),
        Arguments.of("decimals, spaces and µs in durations",
            "{'warmup': '1.5 s', 'tiers': {'web': {'work': '250µs'}}}"),
        Arguments.of("compound durations", "{'duration': '1m30s', 'warmup': '0m10s', "
            + "'tiers': {'web': {'work': '1ms500us'}}}"),
        Arguments.of("whole numbers written 2.0", "{'tiers': {'web': {'cores': 2.0}}}"),
        Arguments.of("rate steps", "{'clients': {'rate': [{'at': '0s', 'rate': 10}, "
            + "{'at': '30s', 'rate': 40, 'ramp': true}]}}"),
        Arguments.of("closed loop", "{'clients': {'rate': null, 'users': 5, "
            + "'thinkTime': {'dist': 'uniform', 'min': '0s', 'max': '1s'}}}"),
        Arguments.of("retries, backoff and hedging", "{'clients': {'timeout': '1s', "
            + "'retries': 2, 'backoff': {'base': '5ms', 'max': '500ms', 'jitter': 'equal'}, "
            + "'hedge': '50ms', 'reads': 0.9, 'keys': 50, 'valueSize': '4KiB', "
            + "'keyDist': {'dist': 'zipf', 'exponent': 1.1}}}"),
        Arguments.of("keyDist by name", "{'clients': {'keyDist': 'zipf'}}"),
        Arguments.of("load balancer", "{'loadBalancer': {'policy': 'power-of-two-choices', "
            + "'nodes': 2, 'healthCheck': {'interval': '250ms', 'timeout': '1s'}}}"),
        Arguments.of("a kv tier in full", "{'tiers': {'db': {'replication': 3, "
            + "'shards': 12, 'placement': 'hash', 'readQuorum': 2, 'writeQuorum': 2, "
            + "'sloppy': true, 'readRepair': false, 'fsync': '100ms', "
            + "'heartbeat': {'interval': '200ms', 'timeout': '1s'}, 'checksums': false, "
            + "'timeout': '250ms', 'work': {'dist': 'normal', 'mean': '1ms', 'stddev': '0s'}, "
            + "'disk': {'capacity': '10GB', 'tornWrites': true, 'read': {'dist': 'pareto', "
            + "'scale': '50us', 'shape': 1.5}}}}}"),
        Arguments.of("a static tier", "{'tiers': {'web': {'kind': 'static', 'files': 10, "
            + "'fileSize': '64 KiB', 'disk': {'checksums': true}}}}"),
        Arguments.of("hardware", "{'tiers': {'web': {'cores': 8, 'maxCores': 16, "
            + "'speed': 1.5, 'price': 0.4, 'contention': {'alpha': 0.01, 'beta': 0.0001}, "
            + "'clock': {'offset': '-20ms', 'driftPpm': 50}}}}"),
        Arguments.of("a stateless tier calling another", "{'tiers': {'web': {'calls': 'db', "
            + "'callTimeout': '200ms', 'callRetries': 0}}}"),
        Arguments.of("network and links", "{'network': {'latency': {'dist': 'lognormal', "
            + "'median': '0.5ms', 'p99': '3ms'}, 'loss': 0.01, 'duplicate': 0.01, "
            + "'corrupt': 0.001, 'checksums': true, 'bandwidth': '1.5Gbit/s', "
            + "'messageSize': '512B', 'links': [{'from': 'web', 'to': ['db-1', 'db-2'], "
            + "'loss': 0.1}, {'between': [['web-1'], 'db'], 'bandwidth': '100MB/s'}]}}"),
        Arguments.of("every scheduled kind", "{'faults': {'schedule': ["
            + "{'at': '1s', 'crash': 'web-1', 'restartAfter': '5s', 'wipe': true}, "
            + "{'at': '2s', 'partition': [['db-1'], ['db-2', 'db-3']], 'oneWay': true, "
            + "'for': '5s'}, "
            + "{'at': '3s', 'isolate': 'random:db', 'for': '1s'}, "
            + "{'at': '4s', 'slow': ['web-1', 'web-2'], 'factor': 10, 'resource': 'cpu'}, "
            + "{'at': '5s', 'degrade': 'web', 'latency': '20ms', 'loss': 0.1, 'for': '1s'}, "
            + "{'at': '6s', 'corrupt': 'db-1', 'messages': 0.1, 'for': '1s'}, "
            + "{'at': '7s', 'corrupt': 'db-2', 'sectors': 3}, "
            + "{'at': '8s', 'clockJump': 'client-1', 'by': '-2s'}, "
            + "{'at': '9s', 'clockDrift': 'lb', 'ppm': -200}]}}"),
        Arguments.of("every random kind", "{'faults': {'random': {"
            + "'crash': {'mttf': '1h', 'mttr': '1m', 'targets': 'web', 'maxDown': 2}, "
            + "'partition': {'mtbf': '10m', 'for': '10s', 'targets': ['db', 'lb']}, "
            + "'isolate': {'rate': 0.01, 'for': '10s'}, "
            + "'slow': {'rate': '2/h', 'for': '10s', 'factor': 5, 'resource': 'disk'}, "
            + "'degrade': {'mtbf': '5m', 'for': '1m', 'latency': '5ms'}, "
            + "'corrupt': {'rate': '6/d'}, "
            + "'clockJump': {'mtbf': '10m', 'by': '1s'}, "
            + "'clockDrift': {'mtbf': '10m', 'for': '1m', 'ppm': 100}}}}"),
        Arguments.of("expectations", "{'expect': {'latencyMs.p99': '< 20', "
            + "'consistency.staleReads': '== 0', 'throughput': '>= 1e1', 'lostWrites': '==0'}}"),
        Arguments.of("variants", "{'variants': {'big': {'tiers': {'web': {'nodes': 4}}}, "
            + "'no-db': {'tiers': {'db': null}}, 'same': {}}}"),
        Arguments.of("tiers at their node limits", "{'tiers': {'web': {'nodes': 100000}, "
            + "'db': {'nodes': 10000}}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void acceptedByBoth(String label, String patch) {
    JsonNode doc = patched(patch);
    assertThat(errors(doc)).as("the binder on %s", label).isEmpty();
    assertThat(SCHEMA.validate(doc)).as("the schema on %s", label).isEmpty();
  }

  static Stream<Arguments> rejected() {
    return Stream.of(
        Arguments.of("a misspelled top-level key", "{'tiersx': {}}"),
        Arguments.of("a boolean duration", "{'duration': true}"),
        Arguments.of("a duration without a unit", "{'duration': '10'}"),
        Arguments.of("a number as a duration", "{'duration': 10}"),
        Arguments.of("a zero duration", "{'duration': '0s'}"),
        Arguments.of("a negative warmup", "{'warmup': '-1s'}"),
        Arguments.of("no name", "{'name': null}"),
        Arguments.of("a name with a space", "{'name': 'my system'}"),
        Arguments.of("a fractional seed", "{'seed': 1.5}"),
        Arguments.of("both rate and users", "{'clients': {'users': 3}}"),
        Arguments.of("arrival with users", "{'clients': {'rate': null, 'users': 3, "
            + "'arrival': 'constant'}}"),
        Arguments.of("thinkTime with rate", "{'clients': {'thinkTime': '1s'}}"),
        Arguments.of("retries without a timeout", "{'clients': {'retries': 1}}"),
        Arguments.of("a zero rate", "{'clients': {'rate': 0}}"),
        Arguments.of("an unknown arrival", "{'clients': {'arrival': 'bursty'}}"),
        Arguments.of("an unknown key distribution", "{'clients': {'keyDist': 'normal'}}"),
        Arguments.of("a uniform key distribution with an exponent",
            "{'clients': {'keyDist': {'dist': 'uniform', 'exponent': 1}}}"),
        Arguments.of("reads above 1", "{'clients': {'reads': 1.5}}"),
        Arguments.of("a numeric value size", "{'clients': {'valueSize': 1024}}"),
        Arguments.of("an unknown jitter", "{'clients': {'backoff': {'jitter': 'some'}}}"),
        Arguments.of("an unknown policy", "{'loadBalancer': {'policy': 'least-loaded'}}"),
        Arguments.of("a health check without a timeout",
            "{'loadBalancer': {'healthCheck': {'interval': '1s'}}}"),
        Arguments.of("no tiers", "{'tiers': null}"),
        Arguments.of("empty tiers", "{'tiers': {'web': null, 'db': null}}"),
        Arguments.of("a tier name with a dot", "{'tiers': {'web.1': {'kind': 'stateless', "
            + "'work': '1ms'}}}"),
        Arguments.of("an unknown tier kind", "{'tiers': {'web': {'kind': 'statefull'}}}"),
        Arguments.of("a tier without a kind", "{'tiers': {'web': {'kind': null}}}"),
        Arguments.of("a stateless tier without work", "{'tiers': {'web': {'work': null}}}"),
        Arguments.of("zero cores", "{'tiers': {'web': {'cores': 0}}}"),
        Arguments.of("zero speed", "{'tiers': {'web': {'speed': 0}}}"),
        Arguments.of("a kv key on a stateless tier", "{'tiers': {'web': {'replication': 2}}}"),
        Arguments.of("files on a stateless tier", "{'tiers': {'web': {'files': 2}}}"),
        Arguments.of("calls on a kv tier", "{'tiers': {'db': {'calls': 'web'}}}"),
        Arguments.of("callTimeout without calls", "{'tiers': {'web': {'callTimeout': '1s'}}}"),
        Arguments.of("disk checksums on a kv tier",
            "{'tiers': {'db': {'disk': {'checksums': true}}}}"),
        Arguments.of("vnodes with hash placement",
            "{'tiers': {'db': {'placement': 'hash', 'vnodes': 8}}}"),
        Arguments.of("an unknown fsync policy", "{'tiers': {'db': {'fsync': 'sometimes'}}}"),
        Arguments.of("a negative contention", "{'tiers': {'web': {'contention': {'alpha': -1}}}}"),
        Arguments.of("an unknown distribution", "{'tiers': {'web': {'work': {'dist': 'zipf'}}}}"),
        Arguments.of("a lognormal without p99",
            "{'tiers': {'web': {'work': {'dist': 'lognormal', 'median': '1ms'}}}}"),
        Arguments.of("a number as a distribution", "{'tiers': {'web': {'work': 5}}}"),
        Arguments.of("a negative constant", "{'tiers': {'web': {'work': '-1ms'}}}"),
        Arguments.of("a pareto without shape",
            "{'tiers': {'web': {'work': {'dist': 'pareto', 'scale': '1ms'}}}}"),
        Arguments.of("loss above 1", "{'network': {'loss': 1.5}}"),
        Arguments.of("a bandwidth without /s", "{'network': {'bandwidth': '10Gbps'}}"),
        Arguments.of("a zero bandwidth", "{'network': {'bandwidth': '0Gbit/s'}}"),
        Arguments.of("a size without a unit", "{'network': {'messageSize': '1024'}}"),
        Arguments.of("a link both between and from", "{'network': {'links': [{'between': "
            + "['web', 'db'], 'from': 'web', 'latency': '1ms'}]}}"),
        Arguments.of("a link that changes nothing",
            "{'network': {'links': [{'between': ['web', 'db']}]}}"),
        Arguments.of("a random link end",
            "{'network': {'links': [{'from': 'random:web', 'to': 'db', 'loss': 0.1}]}}"),
        Arguments.of("two kinds in one fault",
            "{'faults': {'schedule': [{'at': '1s', 'crash': 'web-1', 'slow': 'web-2'}]}}"),
        Arguments.of("a fault without at", "{'faults': {'schedule': [{'crash': 'web-1'}]}}"),
        Arguments.of("an unknown fault kind",
            "{'faults': {'schedule': [{'at': '1s', 'explode': 'web-1'}]}}"),
        Arguments.of("a key of another kind",
            "{'faults': {'schedule': [{'at': '1s', 'crash': 'web-1', 'for': '1s'}]}}"),
        Arguments.of("a slow fault without factor",
            "{'faults': {'schedule': [{'at': '1s', 'slow': 'web-1'}]}}"),
        Arguments.of("a slow factor below 1",
            "{'faults': {'schedule': [{'at': '1s', 'slow': 'web-1', 'factor': 0.5}]}}"),
        Arguments.of("an unknown resource", "{'faults': {'schedule': [{'at': '1s', "
            + "'slow': 'web-1', 'factor': 2, 'resource': 'net'}]}}"),
        Arguments.of("a corruption that damages nothing",
            "{'faults': {'schedule': [{'at': '1s', 'corrupt': 'db-1'}]}}"),
        Arguments.of("healing block corruption",
            "{'faults': {'schedule': [{'at': '1s', 'corrupt': 'db-1', 'blocks': 2, "
                + "'for': '1s'}]}}"),
        Arguments.of("a clock jump without by",
            "{'faults': {'schedule': [{'at': '1s', 'clockJump': 'web-1'}]}}"),
        Arguments.of("a partition of one group",
            "{'faults': {'schedule': [{'at': '1s', 'partition': [['db-1']]}]}}"),
        Arguments.of("random:<tier> in a list",
            "{'faults': {'schedule': [{'at': '1s', 'crash': ['random:web', 'db-1']}]}}"),
        Arguments.of("a random partition without for",
            "{'faults': {'random': {'partition': {'mtbf': '1h'}}}}"),
        Arguments.of("a random fault with mtbf and rate",
            "{'faults': {'random': {'corrupt': {'mtbf': '1h', 'rate': '1/h'}}}}"),
        Arguments.of("a random fault with neither mtbf nor rate",
            "{'faults': {'random': {'corrupt': {'blocks': 2}}}}"),
        Arguments.of("a rate in words", "{'faults': {'random': {'corrupt': {'rate': '1 per hour'}}}}"),
        Arguments.of("a random crash without mttr",
            "{'faults': {'random': {'crash': {'mttf': '1h'}}}}"),
        Arguments.of("random targets drawn at random",
            "{'faults': {'random': {'slow': {'mtbf': '1h', 'for': '1m', 'factor': 2, "
                + "'targets': 'random:web'}}}}"),
        Arguments.of("for on a random clock jump",
            "{'faults': {'random': {'clockJump': {'mtbf': '1h', 'by': '1s', 'for': '1s'}}}}"),
        Arguments.of("a misspelled metric", "{'expect': {'availabilty': '>= 0.9'}}"),
        Arguments.of("a condition in words", "{'expect': {'availability': 'at least 0.9'}}"),
        Arguments.of("a number as a condition", "{'expect': {'availability': 0.9}}"),
        Arguments.of("a variant named base", "{'variants': {'base': {}}}"),
        Arguments.of("a variant that is not an object", "{'variants': {'x': 3}}"),
        Arguments.of("a variant that changes the variants",
            "{'variants': {'x': {'variants': {}}}}"),
        Arguments.of("too many stateless nodes", "{'tiers': {'web': {'nodes': 100001}}}"),
        Arguments.of("too many kv nodes", "{'tiers': {'db': {'nodes': 10001}}}"),
        Arguments.of("too many cores", "{'tiers': {'web': {'cores': 4097}}}"),
        Arguments.of("too many replicas", "{'tiers': {'db': {'nodes': 200, 'replication': 101}}}"),
        Arguments.of("a tier named client",
            "{'tiers': {'client': {'kind': 'stateless', 'work': '1ms'}}}"),
        Arguments.of("a name too long", "{'name': '" + "n".repeat(65) + "'}"),
        Arguments.of("a variant name too long", "{'variants': {'" + "v".repeat(65) + "': {}}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejected")
  void rejectedByBoth(String label, String patch) {
    JsonNode doc = patched(patch);
    assertThat(errors(doc)).as("the binder on %s", label).isNotEmpty();
    assertThat(SCHEMA.validate(doc)).as("the schema on %s", label).isNotEmpty();
  }

  // ---- helpers

  private static JsonNode readResource() {
    try (InputStream in = ScenarioSchemaTest.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath; simulator/pom.xml "
            + "copies it from scenarios/ (run through Maven)");
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** JSON written with single quotes, to keep the cases readable. */
  private static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  private static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** BASE with a merge patch (single-quoted JSON) applied. */
  static JsonNode patched(String patch) {
    return MergePatch.apply(BASE, tree(json(patch)));
  }

  private static JsonNode def(String name) {
    JsonNode d = SCHEMA_NODE.path("$defs").path(name);
    assertThat(d.isObject()).as("$defs/%s in the schema", name).isTrue();
    return d;
  }

  /** Follows a local {@code $ref} ("#/$defs/x"). */
  private static JsonNode resolve(JsonNode node) {
    JsonNode ref = node.get("$ref");
    return ref == null ? node : resolve(SCHEMA_NODE.at(ref.asText().substring(1)));
  }

  /** The keys an object schema declares, in order. */
  private static List<String> keys(JsonNode schema) {
    List<String> keys = new ArrayList<>();
    resolve(schema).path("properties").fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  /** The keys of every alternative of a union, in order, once each. */
  private static JsonNode unionOf(JsonNode union) {
    ObjectNode properties = JSON.createObjectNode();
    for (JsonNode alternative : union.get("oneOf")) {
      resolve(alternative).path("properties").fields()
          .forEachRemaining(e -> properties.set(e.getKey(), e.getValue()));
    }
    ObjectNode schema = JSON.createObjectNode();
    schema.set("properties", properties);
    return schema;
  }

  /** The alternative of scheduledFault whose kind key is {@code kind}. */
  private static JsonNode scheduledFault(String kind) {
    for (JsonNode alternative : def("scheduledFault").get("oneOf")) {
      JsonNode a = resolve(alternative);
      if (strings(a.get("required")).contains(kind)) {
        return a;
      }
    }
    return fail("no scheduled fault of kind " + kind + " in the schema");
  }

  /** The alternative of distribution with {"dist": kind}. */
  private static JsonNode distribution(String kind) {
    for (JsonNode alternative : def("distribution").get("oneOf")) {
      JsonNode a = resolve(alternative);
      if (a.at("/properties/dist/const").asText().equals(kind)) {
        return a;
      }
    }
    return fail("no distribution " + kind + " in the schema");
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array != null) {
      array.forEach(n -> out.add(n.asText()));
    }
    return out;
  }

  private static <E extends Enum<E> & JsonEnum> List<String> jsonNames(Class<E> type) {
    return Stream.of(type.getEnumConstants()).map(JsonEnum::jsonName).toList();
  }

  private static String text(Set<ValidationMessage> messages) {
    return messages.stream().map(ValidationMessage::getMessage)
        .collect(Collectors.joining("\n"));
  }

  /** Every error the binder finds in a document (base and variants), none when it loads. */
  private static List<ScenarioError> errors(JsonNode doc) {
    try {
      ScenarioLoader.parse("case.json", JSON.writeValueAsString(doc));
      return List.of();
    } catch (ScenarioException e) {
      return e.errors();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ScenarioError probeError(JsonNode doc, String message) {
    List<ScenarioError> errors = errors(doc);
    return errors.stream().filter(e -> e.message().equals(message)).findFirst()
        .orElseGet(() -> fail("the binder did not report \"" + message + "\"; it reported "
            + errors));
  }

  /** The keys the binder allows where a merge patch of BASE puts the PROBE key. */
  private static List<String> binderKeys(String patch) {
    ScenarioError e = probeError(patched(patch), "unknown key '" + PROBE + "'");
    String prefix = "allowed keys here: ";
    assertThat(e.hint()).as("the binder's hint for an unknown key").startsWith(prefix);
    return List.of(e.hint().substring(prefix.length()).split(", "));
  }
}
