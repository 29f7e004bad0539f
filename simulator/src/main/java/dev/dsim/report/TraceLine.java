package dev.dsim.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One line of a JSON-lines trace read back ({@link JsonLinesTrace} writes them): its time, kind,
 * node (null for none) and every field as JSON. What the space-time diagram is drawn from, so it
 * shows what the file says and nothing the file does not.
 */
record TraceLine(long tNanos, String kind, String node, JsonNode json) {
  private static final ObjectMapper JSON = new ObjectMapper();

  TraceLine {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(json, "json");
  }

  /** A string field, or null when the line has none. */
  String text(String name) {
    JsonNode v = json.get(name);
    return v == null || v.isNull() ? null : v.asText();
  }

  /** A number field, or {@code otherwise} when the line has none. */
  long number(String name, long otherwise) {
    JsonNode v = json.get(name);
    return v == null || !v.isNumber() ? otherwise : v.asLong();
  }

  boolean flag(String name) {
    JsonNode v = json.get(name);
    return v != null && v.asBoolean(false);
  }

  /** Reads at most {@code maxLines} lines of a trace file (blank lines skipped). */
  static List<TraceLine> read(Path file, int maxLines) throws IOException {
    List<TraceLine> lines = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String s = in.readLine(); s != null && lines.size() < maxLines; s = in.readLine()) {
        if (s.isBlank()) {
          continue;
        }
        JsonNode j = JSON.readTree(s);
        JsonNode node = j.get("node");
        lines.add(new TraceLine(j.path("t").asLong(), j.path("kind").asText(),
            node == null ? null : node.asText(), j));
      }
    }
    return lines;
  }
}
