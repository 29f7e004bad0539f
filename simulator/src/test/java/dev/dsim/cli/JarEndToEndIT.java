package dev.dsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar, in separate JVM processes: the same scenario and seed give the same trace hash
 * and a byte-identical results.json across processes; bad input exits 2 without a stack trace.
 */
final class JarEndToEndIT {
  @TempDir
  Path dir;

  @Test
  void sameSeed_inTwoJvms_sameHashAndIdenticalResults() throws Exception {
    Path scenario = JarProcess.repo().resolve("scenarios/mmk-pooled-vs-split.json");
    JarProcess.Result a = JarProcess.run(dir, "run", scenario.toString(),
        "--variant", "random-split", "--seed", "77", "--out", "a");
    JarProcess.Result b = JarProcess.run(dir, "run", scenario.toString(),
        "--variant", "random-split", "--seed", "77", "--out", "b");
    assertThat(a.exitCode()).as(a.err()).isZero();
    assertThat(b.exitCode()).as(b.err()).isZero();
    assertThat(RunCommandTest.hash(a.out())).isEqualTo(RunCommandTest.hash(b.out()));
    byte[] first = Files.readAllBytes(dir.resolve("a/random-split/seed-77/results.json"));
    byte[] second = Files.readAllBytes(dir.resolve("b/random-split/seed-77/results.json"));
    assertThat(first).isEqualTo(second);
    assertThat(new String(first, java.nio.charset.StandardCharsets.UTF_8))
        .contains("\"traceHash\" : \"" + RunCommandTest.hash(a.out()) + "\"");
  }

  @Test
  void defaultOutput_goesUnderReportsScenarioVariantSeed() throws Exception {
    Path scenario = JarProcess.repo().resolve("scenarios/mmk-pooled-vs-split.json");
    JarProcess.Result r = JarProcess.run(dir, "run", scenario.toString(),
        "--variant", "pooled");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(dir.resolve("reports/mmk-pooled-vs-split/pooled/seed-42/results.json")).exists();
  }

  @Test
  void badInput_exits2_withLocationAndNoStackTrace() throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"name\": \"x\", \"duration\": 5}\n");
    JarProcess.Result r = JarProcess.run(dir, "run", bad.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("bad.json:1:", "duration").doesNotContain("\tat ");
  }

  @Test
  void version_printsTheProjectVersion() throws Exception {
    JarProcess.Result r = JarProcess.run(dir, "--version");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("dsim ").doesNotContain("unknown").doesNotContain("${");
  }
}
