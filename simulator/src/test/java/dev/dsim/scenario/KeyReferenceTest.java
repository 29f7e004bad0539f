package dev.dsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * An error without a specific hint points at the README section describing its key
 * ({@link KeyReference}): every key of the format, from the schema, is named in the section the
 * hint gives for it, so the pointer stays true when a key is added or the README rewritten.
 */
final class KeyReferenceTest {
  private static final Path README = Path.of("..", "README.md");
  private static final Path SCHEMA = Path.of("..", "scenarios", "scenario.schema.json");

  /** The text of the README section headed {@code title}, up to the next heading. */
  private static String section(String readme, String title) {
    int start = readme.indexOf("### " + title + "\n");
    assertThat(start).as("README section \"%s\"", title).isNotNegative();
    int end = readme.indexOf("\n#", start + 4);
    return readme.substring(start, end < 0 ? readme.length() : end);
  }

  @Test
  void everyKeyOfTheFormat_isNamedInTheSectionItsHintGives() throws Exception {
    String readme = Files.readString(README);
    JsonNode schema = new ObjectMapper().readTree(SCHEMA.toFile());
    Map<String, String> keys = new java.util.TreeMap<>();
    Iterator<Map.Entry<String, JsonNode>> top = schema.get("properties").fields();
    while (top.hasNext()) {
      Map.Entry<String, JsonNode> e = top.next();
      keys.put(e.getKey(), e.getKey());
      String prefix = e.getKey().equals("tiers") ? "tiers.t." : e.getKey() + ".";
      collect(schema, e.getValue(), prefix, keys, new HashSet<>());
    }
    Set<String> missing = new TreeSet<>();
    for (Map.Entry<String, String> k : keys.entrySet()) {
      String path = k.getValue();
      String key = k.getKey().substring(k.getKey().indexOf(' ') + 1);
      String title = KeyReference.section(path);
      // Metrics are named by their first segment (results.json's sections: latencyMs, cost).
      String named = title.equals(KeyReference.RESULTS) && key.contains(".")
          ? key.substring(0, key.indexOf('.')) : key;
      if (!Pattern.compile("[`\"{ ]" + Pattern.quote(named) + "\\b")
          .matcher(section(readme, title)).find()) {
        missing.add(key + " (" + path + ", said to be in \"" + title + "\")");
      }
    }
    assertThat(missing).as("keys the hint's README section does not name").isEmpty();
    assertThat(keys).as("the walk found the format's keys").hasSizeGreaterThan(100);
  }

  @Test
  void theHint_namesTheSection() {
    assertThat(KeyReference.hint("tiers.web.cores")).contains("\"A scenario\"");
    assertThat(KeyReference.hint("expect.latencyMs.p99")).contains("How to read results.json");
    assertThat(KeyReference.hint("tiers.nodes.class")).contains("Writing your own process");
    assertThat(KeyReference.hint("faults.swarm")).contains("Swarm testing");
  }

  /** Every property under {@code node}, keyed "path key" with the path it has. */
  private static void collect(JsonNode schema, JsonNode node, String prefix,
      Map<String, String> out, Set<String> seen) {
    if (node == null || !node.isContainerNode()) {
      return;
    }
    if (node.has("$ref")) {
      String ref = node.get("$ref").asText();
      if (seen.add(ref)) {
        collect(schema, schema.at(ref.substring(1)), prefix, out, seen);
      }
    }
    JsonNode props = node.get("properties");
    if (props != null && props.isObject()) {
      Iterator<String> names = props.fieldNames();
      while (names.hasNext()) {
        String k = names.next();
        out.put(prefix + " " + k, prefix + k);
      }
    }
    for (JsonNode child : node) {
      collect(schema, child, prefix, out, seen);
    }
  }
}
