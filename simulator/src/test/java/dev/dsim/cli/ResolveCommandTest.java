package dev.dsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dsim resolve}: the printed file runs the very scenario of the variant it came from (the
 * same trace hash), with overrides applied; bad input is exit 2.
 */
final class ResolveCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void resolvedVariant_runsWithTheVariantsTraceHash() throws Exception {
    Path scenario = Path.of("..", "scenarios", "scale-up-vs-scale-out.json");
    CliRunner.Result resolved = CliRunner.run("resolve", scenario.toString(), "--variant",
        "scale-out-replicated", "--set", "duration=20s", "--set", "warmup=2s");
    assertThat(resolved.exitCode()).as(resolved.err()).isZero();
    JsonNode doc = JSON.readTree(resolved.out());
    assertThat(doc.has("variants")).isFalse();
    assertThat(doc.path("tiers").path("db").path("nodes").asInt()).isEqualTo(6);
    assertThat(doc.path("duration").asText()).isEqualTo("20s");
    Path file = dir.resolve("resolved.json");
    Files.writeString(file, resolved.out());

    CliRunner.Result original = CliRunner.run("run", scenario.toString(), "--variant",
        "scale-out-replicated", "--set", "duration=20s", "--set", "warmup=2s", "--json",
        "--out", dir.resolve("a").toString());
    CliRunner.Result again = CliRunner.run("run", file.toString(), "--json", "--out",
        dir.resolve("b").toString());
    assertThat(original.exitCode()).as(original.err()).isIn(0, 1);
    assertThat(again.exitCode()).as(again.err()).isEqualTo(original.exitCode());
    assertThat(JSON.readTree(again.out()).path("runs").get(0).path("traceHash"))
        .isEqualTo(JSON.readTree(original.out()).path("runs").get(0).path("traceHash"));
  }

  @Test
  void explicit_writesTheDefaults() throws Exception {
    CliRunner.Result r = CliRunner.run("resolve", CliCommandsTest.PLANTED.toString(),
        "--explicit");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode doc = JSON.readTree(r.out());
    assertThat(doc.has("seed")).isTrue();
    assertThat(doc.path("loadBalancer").path("policy").isTextual()).isTrue();
  }

  @Test
  void unknownVariant_andBadFile_areBadInput() throws Exception {
    CliRunner.Result r = CliRunner.run("resolve", CliCommandsTest.PLANTED.toString(),
        "--variant", "nope");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("no variant 'nope'");
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"name\": \"x\"}");
    CliRunner.Result invalid = CliRunner.run("resolve", bad.toString());
    assertThat(invalid.exitCode()).isEqualTo(2);
    assertThat(invalid.err()).contains("duration").doesNotContain("Exception");
  }
}
