package dev.dsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a newcomer trips on, each found by one: globs, compound durations, misspelt tiers. */
final class NewcomerTest {
  private static final Path SCENARIOS = Path.of("..", "scenarios");

  @TempDir
  Path dir;

  @Test
  void validateOverTheScenariosGlob_skipsTheSchema_andPasses() throws IOException {
    List<String> args = new ArrayList<>(List.of("validate"));
    try (Stream<Path> files = Files.list(SCENARIOS)) {
      files.filter(p -> p.toString().endsWith(".json")).sorted()
          .forEach(p -> args.add(p.toString()));
    }
    CliRunner.Result r = CliRunner.run(args.toArray(new String[0]));
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("skipped " + SCENARIOS.resolve("scenario.schema.json")
        + ": the scenario format's JSON Schema, not a scenario");
    // Run as a scenario, it is still an error.
    CliRunner.Result run = CliRunner.run("run", SCENARIOS.resolve("scenario.schema.json")
        .toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("this is a JSON Schema");
  }

  @Test
  void compoundDurations_areAcceptedWhereTheHelpSuggestsThem() {
    CliRunner.Result r = CliRunner.run("run", SCENARIOS.resolve("mmk-pooled-vs-split.json")
        .toString(), "--variant", "pooled", "--set", "duration=1m30s", "--set", "warmup=10s",
        "--json", "--out", dir.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"seconds\" : 90");
  }

  @Test
  void aVariantPatchingAMisspeltTier_getsDidYouMean() throws IOException {
    Path f = dir.resolve("misspelt.json");
    Files.writeString(f, """
        {"name": "m", "duration": "10s",
         "clients": {"rate": 10},
         "tiers": {"app": {"kind": "stateless", "work": "1ms"}},
         "variants": {"big": {"tiers": {"apq": {"cores": 4}}}}}""");
    CliRunner.Result r = CliRunner.run("validate", f.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("misspelt.json:4:40: at tiers.apq (from variant 'big'): "
        + "variant 'big' patches tier 'apq', which the scenario does not have (its tiers: app)")
        .contains("hint: did you mean 'app'?").doesNotContain("missing required key 'kind'");
  }
}
