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
  /** Errors found beyond those kept: a hostile file must not make the list itself huge. */
  private int dropped;

  Problems(String file, LocatedJson doc) {
    this.file = file;
    this.doc = doc;
  }

  /**
   * An error about the value at {@code path}; when that value is not in the file (a key the
   * binder expected), it is located at the nearest enclosing value that is.
   */
  void atValue(String path, String message, String hint) {
    SourceLocation at = doc.valueAt(path);
    for (String p = path; at.line() == 0 && at.fromOverride() == null && !p.isEmpty(); ) {
      p = parent(p);
      at = doc.valueAt(p);
    }
    add(path, at, message, hint);
  }

  /** {@code tiers.web} for {@code tiers.web.cores} and {@code faults} for {@code faults[2]}. */
  private static String parent(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut < 0 ? "" : path.substring(0, cut);
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
    String shownHint = hint == null || hint.isEmpty() ? KeyReference.hint(path) : hint;
    if (errors.size() >= KEPT) {
      dropped++;
      return;
    }
    errors.add(new ScenarioError(file, at.line(), at.column(), shown, message, shownHint));
  }

  /** Errors kept for sorting; the first {@link Limits#ERRORS_SHOWN} of them in file order. */
  private static final int KEPT = 10 * Limits.ERRORS_SHOWN;

  /** How many errors were reported so far, kept or not. */
  int count() {
    return errors.size() + dropped;
  }

  boolean isEmpty() {
    return errors.isEmpty();
  }

  /** The errors kept so far, in the order they were reported. */
  List<ScenarioError> errors() {
    return List.copyOf(errors);
  }

  /**
   * At most {@link Limits#ERRORS_SHOWN} errors, then one that counts the rest: nobody reads the
   * ten-thousandth error, and fixing the first ones often fixes the rest.
   */
  static List<ScenarioError> capped(List<ScenarioError> all) {
    // Lists merged from several bindings (the base and each variant) carry their own counts of
    // the errors they left out: keep the largest, as variants repeat the base's errors.
    List<ScenarioError> errors = new ArrayList<>();
    int dropped = 0;
    for (ScenarioError e : all) {
      if (e.line() == 0 && e.hint().equals(MORE_HINT)) {
        dropped = Math.max(dropped, Integer.parseInt(e.message().replaceAll("[^0-9]", "")));
      } else {
        errors.add(e);
      }
    }
    return capped(errors, dropped);
  }

  private static final String MORE_HINT = "fix the ones above first: one mistake repeated (a "
      + "misspelt tier name) often explains the rest";

  private static List<ScenarioError> capped(List<ScenarioError> all, int alsoDropped) {
    int more = Math.max(0, all.size() - Limits.ERRORS_SHOWN) + alsoDropped;
    if (more == 0) {
      return all;
    }
    List<ScenarioError> shown = new ArrayList<>(all.subList(0,
        Math.min(all.size(), Limits.ERRORS_SHOWN)));
    ScenarioError last = shown.get(shown.size() - 1);
    shown.add(new ScenarioError(last.file(), 0, 0, "$", "and " + Limits.count(more)
        + " more error" + (more == 1 ? "" : "s") + " not shown", MORE_HINT));
    return shown;
  }

  /** Throws all errors, in file order, if there are any. */
  void throwIfAny() throws ScenarioException {
    if (!errors.isEmpty()) {
      List<ScenarioError> sorted = new ArrayList<>(errors);
      sorted.sort(Comparator.comparingInt(ScenarioError::line)
          .thenComparingInt(ScenarioError::column));
      throw new ScenarioException(capped(sorted, dropped));
    }
  }
}
