package dev.dsim.run;

import java.util.ServiceLoader;

/**
 * A way to run jobs other than this JVM's threads, found on the class path with
 * {@link ServiceLoader} ({@code META-INF/services/dev.dsim.run.RunEngine}): the optional
 * dsim-spark module provides {@code spark}. The main jar provides none, so it stays free of
 * their dependencies.
 */
public interface RunEngine {
  /** The name {@code --engine} selects it by. */
  String name();

  /**
   * Opens a runner on {@code master} (the engine's own address, such as Spark's
   * {@code local[2]} or {@code spark://host:7077}; null: the engine's own default, such as
   * the master spark-submit was given).
   *
   * @throws Unavailable when {@code master} is not an address the engine takes, or cannot be
   *     reached
   */
  JobRunner open(String master, RunOptions options) throws Unavailable;

  /** The engine cannot start: bad input or environment (exit 2), with a hint. */
  final class Unavailable extends Exception {
    private static final long serialVersionUID = 1L;
    private final String hint;

    public Unavailable(String message, String hint) {
      super(message);
      this.hint = hint;
    }

    public String hint() {
      return hint;
    }
  }

  /** The engine of that name on the class path, or null when there is none. */
  static RunEngine find(String name) {
    for (RunEngine e : ServiceLoader.load(RunEngine.class)) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    return null;
  }
}
