package dev.dsim.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects every error found while binding a scenario, each located through the document's
 * positions, so that one pass reports all of them rather than only the first.
 */
final class Problems {
  private final String file;
  private final LocatedJson doc;
  private final List<ScenarioError> errors = new ArrayList<>();

  Problems(String file, LocatedJson doc) {
    this.file = file;
    this.doc = doc;
  }

  /** An error about the value at {@code path}. */
  void atValue(String path, String message, String hint) {
    add(path, doc.valueAt(path), message, hint);
  }

  /** An error about the key naming {@code path} (an unknown key). */
  void atKey(String path, String message, String hint) {
    add(path, doc.keyAt(path), message, hint);
  }

  private void add(String path, SourceLocation at, String message, String hint) {
    String shown = Paths.display(path);
    if (at.fromOverride() != null) {
      shown += " (set by --set " + at.fromOverride() + ")";
    } else if (at.fromVariant() != null) {
      shown += " (from variant '" + at.fromVariant() + "')";
    }
    // Every error gets a hint; where no specific one applies, point at the format's reference.
    String shownHint = hint == null || hint.isEmpty()
        ? "'dsim schema' and scenarios/README.md describe what each key accepts" : hint;
    errors.add(new ScenarioError(file, at.line(), at.column(), shown, message, shownHint));
  }

  boolean isEmpty() {
    return errors.isEmpty();
  }

  /** Throws all errors, in file order, if there are any. */
  void throwIfAny() throws ScenarioException {
    if (!errors.isEmpty()) {
      List<ScenarioError> sorted = new ArrayList<>(errors);
      sorted.sort(Comparator.comparingInt(ScenarioError::line)
          .thenComparingInt(ScenarioError::column));
      throw new ScenarioException(sorted);
    }
  }
}
