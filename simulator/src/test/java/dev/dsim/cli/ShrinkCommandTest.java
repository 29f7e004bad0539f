package dev.dsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dsim shrink}: writes a smaller scenario that fails like the seed did, prints the
 * replay command that proves it (same hash), never overwrites a file, and says when there is
 * nothing to shrink.
 */
final class ShrinkCommandTest {
  @TempDir
  Path dir;

  @Test
  void shrinksAFailingSeed_andTheReplayCommandReproducesIt() throws Exception {
    Path out = dir.resolve("shrunk.json");
    CliRunner.Result r = CliRunner.run("shrink", CliCommandsTest.PLANTED.toString(), "--seed",
        "4", "--out", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("candidate 1 (").contains("shrunk in ").contains("wrote ");
    assertThat(out).exists();
    Matcher m = Pattern.compile("--expect-hash (\\p{XDigit}{16})").matcher(r.out());
    assertThat(m.find()).as(r.out()).isTrue();
    CliRunner.Result replay = CliRunner.run("replay", out.toString(), "--seed", "4",
        "--expect-hash", m.group(1), "--trace", dir.resolve("t.jsonl").toString());
    assertThat(replay.exitCode()).as(replay.err()).isEqualTo(1); // same hash; still fails
    assertThat(replay.out() + replay.err()).contains("as expected");

    CliRunner.Result again = CliRunner.run("shrink", CliCommandsTest.PLANTED.toString(),
        "--seed", "4", "--out", out.toString());
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains("already exists");
  }

  @Test
  void aPassingSeed_hasNothingToShrink() throws Exception {
    Path f = dir.resolve("ok.json");
    Files.writeString(f, """
        {"name": "ok", "duration": "5s", "clients": {"rate": 10},
         "tiers": {"web": {"kind": "stateless", "work": "1ms"}},
         "expect": {"availability": ">= 0.5"}}
        """);
    CliRunner.Result r = CliRunner.run("shrink", f.toString(), "--seed", "1", "--out",
        dir.resolve("x.json").toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("no failure to shrink").doesNotContain("Exception");
    assertThat(dir.resolve("x.json")).doesNotExist();
  }
}
