package dev.dsim.scenario;

import java.util.List;
import java.util.stream.Collectors;

/** A scenario could not be loaded: every problem found, each located. */
public final class ScenarioException extends Exception {
  private final List<ScenarioError> errors;

  public ScenarioException(List<ScenarioError> errors) {
    super(errors.stream().map(ScenarioError::format).collect(Collectors.joining("\n")));
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a ScenarioException needs at least one error");
    }
    this.errors = List.copyOf(errors);
  }

  /** The problems, in the order they appear in the file (at least one). */
  public List<ScenarioError> errors() {
    return errors;
  }
}
