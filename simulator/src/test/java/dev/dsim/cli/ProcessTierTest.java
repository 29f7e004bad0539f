package dev.dsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A protocol written in Java and compiled outside dsim runs under the CLI: a scenario names its
 * class ({@code "kind": "process"}), {@code --classpath} finds it, it gets the same reports; a
 * missing class is a located error; a broken invariant fails the run with how to replay it.
 */
final class ProcessTierTest {
  @TempDir
  static Path dir;
  static Path classes;

  private static final String ECHO = """
      package com.example;

      import dev.dsim.service.Request;
      import dev.dsim.service.Response;
      import dev.dsim.world.Context;
      import dev.dsim.world.Message;
      import dev.dsim.world.Process;
      import java.util.Map;

      /** Answers every client request after some work; counts what it served. */
      public final class Echo implements Process {
        private final long workNanos;
        private final long limit;
        private long served;

        public Echo(Map<String, Object> settings) {
          this.workNanos = ((Number) settings.getOrDefault("workNanos", 1_000_000)).longValue();
          this.limit = ((Number) settings.getOrDefault("limit", Long.MAX_VALUE)).longValue();
        }

        @Override
        public void onStart(Context ctx) {
          ctx.invariant("served at most limit", () -> served <= limit ? null
              : "served " + served + " > " + limit);
        }

        @Override
        public void onMessage(Context ctx, Message m) {
          if (m.payload() instanceof Request r) {
            ctx.compute(workNanos, () -> {
              served++;
              ctx.send(m.from(), new Response(r.id(), true));
            });
          }
        }
      }
      """;

  /** A protocol that drives itself: each node pings the others every 10 ms. */
  private static final String GOSSIP = """
      package com.example;

      import dev.dsim.world.Context;
      import dev.dsim.world.Message;
      import dev.dsim.world.Process;

      /** Pings the other node every 10 ms; counts what it hears. */
      public final class Gossip implements Process {
        private long heard;

        @Override
        public void onStart(Context ctx) {
          ctx.setTimer(10_000_000, "tick");
        }

        @Override
        public void onTimer(Context ctx, Object tag) {
          String other = ctx.self().name().endsWith("-1") ? "g-2" : "g-1";
          ctx.send(ctx.nodeId(other), "ping");
          ctx.setTimer(10_000_000, "tick");
        }

        @Override
        public void onMessage(Context ctx, Message m) {
          heard++;
          ctx.log("heard " + heard);
        }
      }
      """;

  @BeforeAll
  static void compile() throws Exception {
    Path src = dir.resolve("src/com/example/Echo.java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, ECHO);
    Path gossip = dir.resolve("src/com/example/Gossip.java");
    Files.writeString(gossip, GOSSIP);
    classes = dir.resolve("classes");
    Files.createDirectories(classes);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int rc = javac.run(null, null, null, "-cp", System.getProperty("java.class.path"), "-d",
        classes.toString(), src.toString(), gossip.toString());
    assertThat(rc).isZero();
  }

  private static Path scenario(String settings) throws Exception {
    Path f = dir.resolve("echo-" + Math.abs(settings.hashCode()) + ".json");
    Files.writeString(f, """
        {"name": "echo", "seed": 3, "duration": "10s",
         "clients": {"rate": 100, "timeout": "1s"},
         "tiers": {"echo": {"kind": "process", "nodes": 2, "class": "com.example.Echo",
                            "settings": %s}}}
        """.formatted(settings));
    return f;
  }

  @Test
  void userProcess_runsUnderTheCli_andGetsTheSameReports() throws Exception {
    Path out = dir.resolve("out");
    CliRunner.Result r = CliRunner.run("run", scenario("{\"workNanos\": 2000000}").toString(),
        "--classpath", classes.toString(), "--out", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("100%");
    String json = Files.readString(out.resolve("base/seed-3/results.json"));
    assertThat(json).contains("\"availability\" : 1", "\"name\" : \"echo-2\"");
    assertThat(out.resolve("index.html")).exists();
  }

  @Test
  void withoutTheClasspath_theClassIsALocatedError() throws Exception {
    CliRunner.Result r = CliRunner.run("validate", scenario("{}").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains(":3:", "at tiers.echo.class", "no class com.example.Echo",
        "--classpath");
    CliRunner.Result ok = CliRunner.run("validate", scenario("{}").toString(), "--classpath",
        classes.toString());
    assertThat(ok.exitCode()).as(ok.err()).isZero();
    CliRunner.Result missing = CliRunner.run("validate", scenario("{}").toString(),
        "--classpath", dir.resolve("nope").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("no such directory or jar");
  }

  @Test
  void aClassThatIsNotAProcess_isRejected() throws Exception {
    Path f = dir.resolve("notaprocess.json");
    Files.writeString(f, """
        {"name": "x", "duration": "1s", "clients": {"rate": 1},
         "tiers": {"t": {"kind": "process", "class": "java.lang.String"}}}
        """);
    CliRunner.Result r = CliRunner.run("validate", f.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("is not a dev.dsim.world.Process");
  }

  @Test
  void aDatasetSweep_writesTheRunsThatBrokeAnInvariant_asLinesWithTheirReplay() throws Exception {
    // About 500 requests reach each node in 10 s: some seeds serve more than 505, some not.
    Path s = scenario("{\"limit\": 505}");
    Path out = dir.resolve("dataset");
    CliRunner.Result r = CliRunner.run("sweep", s.toString(), "--seeds", "1..12", "--dataset",
        "--classpath", classes.toString(), "--out", out.toString());
    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    List<String> lines = Files.readAllLines(out.resolve("runs.jsonl"));
    assertThat(lines).hasSize(12);
    List<String> broken = lines.stream().filter(l -> l.contains("\"error\"")).toList();
    assertThat(broken).isNotEmpty().hasSizeLessThan(12);
    for (String l : broken) {
      assertThat(l).contains("served at most limit", "\"replay\"", "--classpath");
    }
    assertThat(r.err().lines().filter(l -> l.startsWith("error: ")).count())
        .isEqualTo(Math.min(10, broken.size()));
    assertThat(Files.readString(out.resolve("sweep.json")))
        .contains("\"errors\" : " + broken.size());
  }

  @Test
  void aDatasetSweepWhoseEveryRunBreaksAnInvariant_writesNothing_andListsTenErrors()
      throws Exception {
    Path s = scenario("{\"limit\": 50}");
    CliRunner.Result r = CliRunner.run("sweep", s.toString(), "--seeds", "1..12", "--dataset",
        "--classpath", classes.toString(), "--out", dir.resolve("none").toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("no run finished; nothing was written",
        "… and 2 more runs stopped with an error").doesNotContain("\tat ", "runs.jsonl");
    assertThat(r.err().lines().filter(l -> l.startsWith("error: ")).count()).isEqualTo(11);
    assertThat(dir.resolve("none")).doesNotExist();
  }

  @Test
  void aBrokenInvariant_failsTheRunWithWhereAndHowToReplay() throws Exception {
    Path s = scenario("{\"limit\": 50}");
    CliRunner.Result r = CliRunner.run("run", s.toString(), "--classpath", classes.toString(),
        "--out", dir.resolve("inv").toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("invariant violated", "served at most limit", "served 51 > 50",
        "seed 3", "traceHash", "replay it:", "replay " + s, "--seed 3", "--classpath");
    assertThat(dir.resolve("inv")).doesNotExist();
    Path trace = dir.resolve("inv.jsonl");
    CliRunner.Result replay = CliRunner.run("replay", s.toString(), "--seed", "3",
        "--classpath", classes.toString(), "--trace", trace.toString());
    assertThat(replay.exitCode()).isEqualTo(1);
    assertThat(replay.err()).contains("served 51 > 50");
    assertThat(Files.readAllLines(trace)).isNotEmpty();

    // The window up to the violation is drawn too: what led to it is what the user came for.
    CliRunner.Result window = CliRunner.run("replay", s.toString(), "--seed", "3",
        "--classpath", classes.toString(), "--trace", dir.resolve("inv-w.jsonl").toString(),
        "--from", "0s");
    assertThat(window.exitCode()).isEqualTo(1);
    assertThat(window.out()).contains("wrote space-time diagram");
    assertThat(Files.readString(dir.resolve("inv-w.html"))).contains("<svg",
        "<line class=\"msg delivered\"");
  }

  @Test
  void aSystemWithoutClients_drivesItself() throws Exception {
    Path f = dir.resolve("gossip.json");
    Files.writeString(f, """
        {"name": "gossip", "seed": 1, "duration": "2s",
         "tiers": {"g": {"kind": "process", "nodes": 2, "class": "com.example.Gossip"}}}
        """);
    Path out = dir.resolve("gossip-out");
    CliRunner.Result r = CliRunner.run("run", f.toString(), "--classpath", classes.toString(),
        "--out", out.toString(), "--json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out())
        .get("runs").get(0);
    assertThat(json.get("requests").get("total").asLong()).isZero();
    // Two nodes, each ticking 200 times and sending: a few hundred events, all of their own.
    assertThat(json.get("simulated").get("events").asLong()).isGreaterThan(700);
  }
}
