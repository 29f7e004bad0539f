package dev.dsim.cli;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code --classpath}: makes the user's compiled processes ({@code "kind": "process"}) visible
 * to the scenario binder, which looks classes up through the thread's context class loader (run
 * threads inherit it).
 */
final class Classpath {
  /** The option's description, shared by the commands that take it. */
  static final String DESCRIPTION = "Directories and jars with the classes of \"process\" tiers "
      + "(your own dev.dsim.world.Process implementations), separated by the platform's path "
      + "separator (':' or ';').";

  private Classpath() {}

  /**
   * Extends the context class loader with {@code entries}; returns a problem to report (a
   * missing entry), or null.
   */
  static String install(List<Path> entries) {
    if (entries.isEmpty()) {
      return null;
    }
    URL[] urls = new URL[entries.size()];
    for (int i = 0; i < urls.length; i++) {
      Path p = entries.get(i);
      if (!Files.exists(p)) {
        return "--classpath " + p + ": no such directory or jar";
      }
      try {
        urls[i] = p.toAbsolutePath().toUri().toURL();
      } catch (MalformedURLException e) {
        return "--classpath " + p + ": " + e.getMessage();
      }
    }
    ClassLoader parent = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(new URLClassLoader(urls,
        parent != null ? parent : Classpath.class.getClassLoader()));
    return null;
  }
}
