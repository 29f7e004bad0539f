package dev.dsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsim.scenario.format.ScenarioDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DocumentReader against the binder as the oracle: every shipped scenario in every variant
 * reads without a problem, and on ScenarioSchemaTest's documents the reader reports a problem
 * only where the binder does, and one wherever the binder's is syntactic.
 */
final class DocumentReaderTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * ScenarioSchemaTest's rejected cases whose problem is not syntactic (it needs more than one
   * value, or a count limit): the reader rightly leaves them to the binder.
   */
  private static final Set<String> SEMANTIC = Set.of(
      "both rate and users", "arrival with users", "thinkTime with rate",
      "retries without a timeout", "a uniform key distribution with an exponent",
      "empty tiers", "a tier name with a dot", "callTimeout without calls",
      "vnodes with hash placement", "a link both between and from",
      "a link that changes nothing", "a corruption that damages nothing",
      "healing block corruption", "a partition of one group",
      "a random fault with mtbf and rate", "a random fault with neither mtbf nor rate",
      "too many stateless nodes", "too many kv nodes", "too many cores", "too many replicas",
      "a tier named client", "a variant named base", "a variant name too long",
      "a variant that changes the variants", "a misspelled metric", "a zero duration",
      "reads above 1");

  static Stream<Arguments> shippedDocuments() throws IOException {
    List<Arguments> out = new ArrayList<>();
    for (Path file : ScenarioSchemaTest.shippedScenarios().toList()) {
      JsonNode root = JSON.readTree(file.toFile());
      out.add(Arguments.of(file.getFileName() + " base", root));
      JsonNode variants = root.path("variants");
      for (Iterator<Map.Entry<String, JsonNode>> it = variants.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> v = it.next();
        out.add(Arguments.of(file.getFileName() + " " + v.getKey(),
            MergePatch.apply(root, v.getValue())));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shippedDocuments")
  void shippedScenario_readsWithoutProblems(String label, JsonNode doc) {
    assertThat(readerErrors(doc)).as(label).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.dsim.scenario.ScenarioSchemaTest#accepted")
  void acceptedDocument_readsWithoutProblems(String label, String patch) {
    assertThat(readerErrors(ScenarioSchemaTest.patched(patch))).as(label).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.dsim.scenario.ScenarioSchemaTest#rejected")
  void rejectedDocument_reportedWhereTheBinderReportsIt(String label, String patch) {
    JsonNode doc = ScenarioSchemaTest.patched(patch);
    Set<String> reader = paths(readerErrors(doc));
    Set<String> binder = paths(binderErrors(doc));
    assertThat(binder).as("the binder on %s", label).isNotEmpty();
    assertThat(binder).as("the reader's paths on %s", label).containsAll(reader);
    if (!SEMANTIC.contains(label)) {
      assertThat(reader).as("the reader on %s (binder: %s)", label, binder).isNotEmpty();
    }
  }

  @Test
  void everyProblem_inOnePass_locatedWithDidYouMean() {
    String text = """
        {"name": "x", "duration": "1m", "seed": 1.5,
         "tiers": {"web": {"kind": "stateless", "work": "5ms", "corse": 2,
                           "clock": {"offset": 5}},
                   "db": {"kind": "kv", "fsync": "sometimes"}}}
        """;
    List<ScenarioError> errors = readerErrors(text);
    assertThat(errors).extracting(ScenarioError::jsonPath).containsExactly("seed",
        "tiers.web.corse", "tiers.web.clock.offset", "tiers.db.fsync");
    assertThat(errors.get(1).hint()).isEqualTo("did you mean 'cores'?");
    assertThat(errors.get(1).line()).isEqualTo(2);
    assertThat(errors.get(1).column()).isGreaterThan(1);
  }

  @Test
  void missingRequiredKeys_areReported() {
    List<ScenarioError> errors = readerErrors("""
        {"tiers": {"web": {"kind": "stateless"}}}""");
    assertThat(errors).extracting(ScenarioError::jsonPath).containsExactly("$", "$",
        "tiers.web");
    assertThat(errors).extracting(ScenarioError::message)
        .anyMatch(m -> m.startsWith("missing required key 'name' (the scenario's name"))
        .anyMatch(m -> m.startsWith("missing required key 'work' (the CPU work per request"));
  }

  @Test
  void aValidDocument_bindsToTheModel() {
    LocatedJson located = located("""
        {"name": "x", "duration": "1m", "tiers": {"web": {"kind": "stateless", "work": "5ms",
         "cores": 2.0}}}""");
    ScenarioDocument doc = DocumentReader.read(located.root(), new Problems("t", located));
    assertThat(doc).isNotNull();
    assertThat(doc.tiers().get("web")).isInstanceOf(dev.dsim.scenario.format.Tier.StatelessTier.class);
    assertThat(((dev.dsim.scenario.format.Tier.StatelessTier) doc.tiers().get("web")).cores())
        .isEqualTo(2L);
  }

  @Test
  void aNullSection_isAnErrorOfTheLoader() {
    com.fasterxml.jackson.databind.node.ObjectNode doc =
        (com.fasterxml.jackson.databind.node.ObjectNode) ScenarioSchemaTest.patched("{}");
    doc.with("tiers").putNull("web");
    assertThat(binderErrors(doc)).extracting(ScenarioError::jsonPath)
        .containsExactly("tiers.web");
  }

  @Test
  void aRateStepWithoutItsRate_isMissingAKey() {
    assertThat(binderErrors(ScenarioSchemaTest.patched(
        "{'clients': {'rate': [{'at': '0s'}]}}"))).extracting(ScenarioError::message)
        .anyMatch(m -> m.startsWith("missing required key 'rate'"));
  }

  @Test
  void aKeyWrittenAsNull_isAnError() {
    assertThat(readerErrors("{\"name\": \"x\", \"duration\": \"1m\", \"tiers\": {\"web\": "
        + "{\"kind\": \"stateless\", \"work\": \"1ms\", \"cores\": null}}}"))
        .extracting(ScenarioError::jsonPath).containsExactly("tiers.web.cores");
  }

  // ---- helpers

  private static Set<String> paths(List<ScenarioError> errors) {
    Set<String> out = new LinkedHashSet<>();
    for (ScenarioError e : errors) {
      out.add(e.jsonPath());
    }
    return out;
  }

  private static LocatedJson located(String text) {
    try {
      return LocatedJson.parse("case.json", text);
    } catch (ScenarioException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static List<ScenarioError> readerErrors(JsonNode doc) {
    try {
      return readerErrors(JSON.writeValueAsString(doc));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<ScenarioError> readerErrors(String text) {
    LocatedJson located = located(text);
    Problems problems = new Problems("case.json", located);
    DocumentReader.read(located.root(), problems);
    try {
      problems.throwIfAny();
      return List.of();
    } catch (ScenarioException e) {
      return e.errors();
    }
  }

  private static List<ScenarioError> binderErrors(JsonNode doc) {
    try {
      ScenarioLoader.parse("case.json", JSON.writeValueAsString(doc));
      return List.of();
    } catch (ScenarioException e) {
      return e.errors();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
