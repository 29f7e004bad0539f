package dev.dsim.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Launches the real shaded jar in a separate JVM (for end-to-end tests run by failsafe). */
final class JarProcess {
  record Result(int exitCode, String out, String err) {}

  private JarProcess() {}

  static Path jar() {
    Path jar = Path.of(System.getProperty("dsim.jar", "target/dsim.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no jar at " + jar + "; run 'mvn verify' (it packages first)");
    }
    return jar;
  }

  static Path repo() {
    return Path.of(System.getProperty("dsim.repo", "..")).toAbsolutePath().normalize();
  }

  static Result run(Path workDir, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-jar");
    cmd.add(jar().toAbsolutePath().toString());
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile("dsim-out", ".txt");
    Path err = Files.createTempFile("dsim-err", ".txt");
    try {
      Process p = new ProcessBuilder(cmd).directory(workDir.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IllegalStateException("dsim did not finish: " + cmd);
      }
      return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
