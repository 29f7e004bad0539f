package dev.dsim.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The exact command lines that reproduce a run, printed for a failing seed and written into
 * every report's manifest: {@code java -jar simulator/target/dsim.jar replay scenarios/x.json
 * --seed 17 --variant r1 --expect-hash 9f…}, with arguments quoted for a POSIX shell.
 */
final class Reproduce {
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=,@%+-]+");

  private Reproduce() {}

  /** How this dsim was launched: {@code java -jar <jar>} (relative when under the cwd), or {@code dsim}. */
  static String launcher() {
    try {
      // The jar java -jar started: dsim.jar, or dsim-spark.jar whose manifest brings dsim's
      // classes from lib/ (where they are not a jar to run).
      String launched = System.getProperty("java.class.path", "");
      Path jar = launched.endsWith(".jar") && !launched.contains(java.io.File.pathSeparator)
          ? Path.of(launched).toAbsolutePath()
          : Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isRegularFile(jar) && jar.toString().endsWith(".jar")) {
        Path cwd = Path.of("").toAbsolutePath();
        Path shown = jar.startsWith(cwd) ? cwd.relativize(jar) : jar;
        return "java -jar " + quote(shown.toString());
      }
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      // Fall through: not from a jar (tests, an IDE).
    }
    return "dsim";
  }

  /** The replay command for one run; {@code options} are repeated as given (--set, --classpath). */
  static String replay(Path file, long seed, String variant, List<String> options, String hash) {
    List<String> args = new ArrayList<>(List.of("replay", file.toString(), "--seed",
        Long.toString(seed)));
    if (variant != null) {
      args.add("--variant");
      args.add(variant);
    }
    args.addAll(options);
    if (hash != null) {
      args.add("--expect-hash");
      args.add(hash);
    }
    return command(args);
  }

  /** Appends {@code option value} once per value ({@code --set a=1 --set b=2}). */
  static void addRepeated(List<String> args, String option, List<String> values) {
    for (String v : values) {
      args.add(option);
      args.add(v);
    }
  }

  /** {@code launcher} followed by the arguments, each quoted if the shell would mangle it. */
  static String command(List<String> args) {
    StringBuilder sb = new StringBuilder(launcher());
    for (String a : args) {
      sb.append(' ').append(quote(a));
    }
    return sb.toString();
  }

  static String quote(String s) {
    if (!s.isEmpty() && SAFE.matcher(s).matches()) {
      return s;
    }
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
