package dev.dsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of user error gives one clear message with file:line:column and JSON path, exit code
 * 2, no stack trace, and nothing written.
 */
final class BadInputTest {
  @TempDir
  Path dir;

  private CliRunner.Result runWith(String json) throws Exception {
    Path f = dir.resolve("bad.json");
    Files.writeString(f, json);
    return CliRunner.run("run", f.toString(), "--out", dir.resolve("out").toString());
  }

  private void assertBadInput(CliRunner.Result r, String location, String... words) {
    assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains("bad.json:" + location).contains(words);
    assertThat(r.err()).doesNotContain("Exception", "\tat ");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void malformedJson() throws Exception {
    CliRunner.Result r = runWith("""
        {"name": "x", "duration": "1s",
         "clients": {"rate": 10,},
         "tiers": {"web": {"kind": "stateless", "work": "1ms"}}}
        """);
    assertBadInput(r, "2:", "invalid JSON", "clients");
  }

  @Test
  void wrongType() throws Exception {
    CliRunner.Result r = runWith("""
        {"name": "x", "duration": "1s",
         "clients": {"rate": 10},
         "tiers": {"web": {"kind": "stateless", "cores": "four", "work": "1ms"}}}
        """);
    assertBadInput(r, "3:", "tiers.web.cores");
  }

  @Test
  void unknownKey_suggestsTheClosestOne() throws Exception {
    CliRunner.Result r = runWith("""
        {"name": "x", "duration": "1s",
         "clients": {"rate": 10},
         "tiers": {"web": {"kind": "stateless", "coers": 4, "work": "1ms"}}}
        """);
    assertBadInput(r, "3:", "tiers.web", "coers", "cores");
  }

  @Test
  void negativeDuration() throws Exception {
    CliRunner.Result r = runWith("""
        {"name": "x", "duration": "-5s",
         "clients": {"rate": 10},
         "tiers": {"web": {"kind": "stateless", "work": "1ms"}}}
        """);
    assertBadInput(r, "1:", "duration");
  }

  @Test
  void zeroRate() throws Exception {
    CliRunner.Result r = runWith("""
        {"name": "x", "duration": "1s",
         "clients": {"rate": 0},
         "tiers": {"web": {"kind": "stateless", "work": "1ms"}}}
        """);
    assertBadInput(r, "2:", "clients.rate");
  }

  @Test
  void missingRequiredKey() throws Exception {
    CliRunner.Result r = runWith("""
        {"name": "x", "duration": "1s",
         "clients": {"rate": 10},
         "tiers": {"web": {"kind": "stateless"}}}
        """);
    assertBadInput(r, "3:", "tiers.web", "work");
  }
}
