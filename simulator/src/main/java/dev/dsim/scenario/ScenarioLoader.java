package dev.dsim.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads scenario files. Loading checks the JSON syntax, the variants section, and binds the base
 * scenario and every variant, so a file that loads can be run in any variant; every error found
 * is reported at once.
 */
public final class ScenarioLoader {
  private ScenarioLoader() {}

  /** Loads and fully validates a file. */
  public static ScenarioFile load(Path file) throws ScenarioException {
    return load(file, List.of());
  }

  /** Loads a file with {@code --set} overrides applied to every variant, and validates it. */
  public static ScenarioFile load(Path file, List<ScenarioOverride> overrides)
      throws ScenarioException {
    String name = file.toString();
    String text = SourceText.read(file);
    return parse(name, text, overrides);
  }

  /**
   * The error for the format's own JSON Schema given as a scenario; {@code validate} skips such
   * a file instead (so that {@code validate scenarios/*.json} passes).
   */
  public static final String SCHEMA_NOT_SCENARIO =
      "this is a JSON Schema (the scenario format's own), not a scenario";

  /** Parses and fully validates scenario text; {@code displayName} is used in messages. */
  public static ScenarioFile parse(String displayName, String json) throws ScenarioException {
    return parse(displayName, json, List.of());
  }

  /** Parses scenario text with overrides; every error in the base and each variant at once. */
  public static ScenarioFile parse(String displayName, String json,
      List<ScenarioOverride> overrides) throws ScenarioException {
    // A byte-order mark is how some editors mark UTF-8; it is not part of the JSON.
    String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
    LocatedJson doc = LocatedJson.parse(displayName, text);
    com.fasterxml.jackson.databind.JsonNode schema = doc.root().get("$schema");
    if (doc.root().has("$defs") && schema != null && schema.asText().contains("json-schema.org")) {
      throw single(displayName, SCHEMA_NOT_SCENARIO,
          "scenarios are the files whose \"$schema\" points to this one");
    }
    List<String> variants = ScenarioFile.variantNames(doc, displayName);
    ScenarioFile file = new ScenarioFile(displayName, doc, variants, overrides);
    // A set: every variant repeats the base's errors, and they are listed once (in a linear
    // pass, however many variants there are).
    Set<ScenarioError> errors = new LinkedHashSet<>();
    try {
      file.resolve(null);
    } catch (ScenarioException e) {
      errors.addAll(e.errors());
    }
    for (String v : variants) {
      try {
        file.resolve(v);
      } catch (ScenarioException e) {
        // Report what the variant itself got wrong; base errors are already listed once.
        errors.addAll(e.errors());
      }
    }
    if (!errors.isEmpty()) {
      throw new ScenarioException(Problems.capped(new ArrayList<>(errors)));
    }
    return file;
  }

  private static ScenarioException single(String file, String message, String hint) {
    return new ScenarioException(List.of(new ScenarioError(file, 0, 0, "$", message, hint)));
  }
}
