package dev.dsim.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A command-line override of one scenario value, {@code --set tiers.web.nodes=16}: the value at
 * a dotted JSON path replaced after the variant's patch, so it applies to every variant run.
 *
 * <p>The value is read as JSON when it is JSON ({@code 16}, {@code true}, {@code [1,2]},
 * {@code {"interval":"1s"}}, {@code "quoted"}) and as a string otherwise, so
 * {@code --set duration=10m} needs no quotes. The path's parent must exist (the last key may be
 * new: the binder then checks it like any key in the file, with a suggestion for a typo).
 *
 * @param path the dotted path ({@code tiers.web.nodes}, {@code faults.schedule[0].at})
 * @param value the new value
 * @param argument the argument as the user typed it, for messages
 */
public record ScenarioOverride(String path, JsonNode value, String argument) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public ScenarioOverride {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(argument, "argument");
  }

  /** Parses {@code PATH=VALUE}; a malformed argument is a ScenarioException naming it. */
  public static ScenarioOverride parse(String argument) throws ScenarioException {
    int eq = argument.indexOf('=');
    if (eq <= 0) {
      throw argError(argument, "$", "expected PATH=VALUE, got '" + argument + "'",
          "e.g. --set tiers.web.nodes=16 or --set duration=10m");
    }
    String path = argument.substring(0, eq).trim();
    String text = argument.substring(eq + 1);
    try {
      PathStep.parse(path);
    } catch (IllegalArgumentException e) {
      throw argError(argument, path, "malformed path: " + e.getMessage(),
          "paths are keys joined by dots, with [i] for list items: faults.schedule[0].at");
    }
    if (path.equals("variants") || path.startsWith("variants.")
        || path.startsWith("variants[")) {
      throw argError(argument, path, "--set cannot change the variants",
          "--set applies to whichever variant runs; choose one with --variant");
    }
    return new ScenarioOverride(path, readValue(text), argument);
  }

  /** Parses every argument, reporting all malformed ones at once. */
  public static List<ScenarioOverride> parseAll(Collection<String> arguments)
      throws ScenarioException {
    List<ScenarioOverride> list = new ArrayList<>();
    List<ScenarioError> errors = new ArrayList<>();
    for (String a : arguments) {
      try {
        list.add(parse(a));
      } catch (ScenarioException e) {
        errors.addAll(e.errors());
      }
    }
    if (!errors.isEmpty()) {
      throw new ScenarioException(errors);
    }
    return List.copyOf(list);
  }

  private static JsonNode readValue(String text) {
    String t = text.trim();
    if (!t.isEmpty()) {
      try {
        JsonNode n = JSON.readTree(t);
        if (n != null && !n.isMissingNode()) {
          return n;
        }
      } catch (JsonProcessingException notJson) {
        // Not JSON: a bare word such as 10m or round-robin, taken as a string.
      }
    }
    return JsonNodeFactory.instance.textNode(text);
  }

  /**
   * Applies the override to {@code root} (modified in place), or explains why the path does not
   * lead anywhere in this scenario.
   */
  void applyTo(JsonNode root, String file) throws ScenarioException {
    List<PathStep> steps = PathStep.parse(path);
    JsonNode parent = root;
    String walked = "";
    for (int i = 0; i < steps.size() - 1; i++) {
      PathStep step = steps.get(i);
      JsonNode next = child(parent, step, walked, file);
      walked = step.isIndex() ? Paths.index(walked, step.index())
          : Paths.child(walked, step.key());
      parent = next;
    }
    PathStep last = steps.get(steps.size() - 1);
    if (last.isIndex()) {
      requireItem(parent, last.index(), walked, file);
      ((ArrayNode) parent).set(last.index(), value.deepCopy());
    } else {
      if (!parent.isObject()) {
        throw notA(walked, "an object", parent, file);
      }
      ((ObjectNode) parent).set(last.key(), value.deepCopy());
    }
  }

  private JsonNode child(JsonNode parent, PathStep step, String walked, String file)
      throws ScenarioException {
    if (step.isIndex()) {
      requireItem(parent, step.index(), walked, file);
      return parent.get(step.index());
    }
    if (!parent.isObject()) {
      throw notA(walked, "an object", parent, file);
    }
    JsonNode next = parent.get(step.key());
    if (next == null) {
      List<String> keys = new ArrayList<>();
      parent.fieldNames().forEachRemaining(keys::add);
      String suggestion = DidYouMean.closest(step.key(), keys);
      String where = walked.isEmpty() ? "the scenario" : Paths.display(walked);
      throw error(file, path, where + " has no '" + step.key() + "'",
          suggestion != null ? "did you mean '" + suggestion + "'?"
              : keys.isEmpty() ? "it is empty" : "it has " + String.join(", ", keys));
    }
    return next;
  }

  /** {@code parent} must be a list with an item at {@code index}. */
  private void requireItem(JsonNode parent, int index, String walked, String file)
      throws ScenarioException {
    if (!parent.isArray()) {
      throw notA(walked, "a list", parent, file);
    }
    if (index >= parent.size()) {
      throw error(file, path, Paths.display(walked) + " has " + parent.size()
          + " items, so there is no [" + index + "]", "indexes start at 0");
    }
  }

  private ScenarioException notA(String walked, String expected, JsonNode found, String file) {
    return error(file, path, Paths.display(walked) + " is " + Quote.value(found) + ", not "
        + expected, "check the path against the scenario file");
  }

  private ScenarioException error(String file, String at, String message, String hint) {
    return new ScenarioException(List.of(new ScenarioError(file, 0, 0,
        at + " (in --set " + argument + ")", message, hint)));
  }

  private static ScenarioException argError(String argument, String at, String message,
      String hint) {
    return new ScenarioException(List.of(new ScenarioError("--set " + argument, 0, 0,
        Paths.display(at), message, hint)));
  }
}
