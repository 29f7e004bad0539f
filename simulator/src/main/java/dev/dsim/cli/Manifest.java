package dev.dsim.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code dsim-run.json}, the manifest of a report directory: which dsim wrote it, with which
 * command, and the command line that writes it again. It marks the directory as dsim's, which
 * is what lets {@code --force} replace it. No timestamps: the same command gives the same file.
 */
final class Manifest {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private Manifest() {}

  static String json(String command, List<String> arguments, List<Path> files,
      boolean complete) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("writtenBy", VersionProvider.version());
    root.put("command", command);
    root.put("complete", complete);
    ArrayNode f = root.putArray("scenarioFiles");
    for (Path p : files) {
      f.add(p.toString());
    }
    root.put("reproduce", Reproduce.command(arguments));
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
