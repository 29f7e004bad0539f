package dev.dsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML reports of run, compare and sweep: every file a page references exists, the page says
 * what a reader needs (summary, expectations, faults, how to reproduce), and a real headless
 * browser (Debian's chromium; installed by .ci/run on CI) loads each page without errors and
 * shows all its charts.
 */
final class ReportPagesTest {
  private static final String SCENARIO = """
      {"name": "paged", "seed": 4, "duration": "20s", "warmup": "2s",
       "description": "A <small> system & its crash.",
       "clients": {"rate": 200, "timeout": "500ms"},
       "loadBalancer": {"policy": "round-robin"},
       "tiers": {"web": {"kind": "stateless", "nodes": 3, "cores": 1, "work": "5ms"}},
       "faults": {"schedule": [{"at": "8s", "crash": "web-2", "restartAfter": "5s"}]},
       "expect": {"availability": ">= 0.95"},
       "variants": {"three": {}, "six": {"tiers": {"web": {"nodes": 6}}}}}
      """;

  @TempDir
  static Path dir;
  static Path runDir;
  static Path compareDir;
  static Path sweepDir;

  @BeforeAll
  static void writeReports() throws Exception {
    Path f = dir.resolve("paged.json");
    Files.writeString(f, SCENARIO);
    runDir = dir.resolve("run");
    compareDir = dir.resolve("compare");
    sweepDir = dir.resolve("sweep");
    assertThat(CliRunner.run("run", f.toString(), "--out", runDir.toString()).exitCode())
        .isIn(0, 1);
    assertThat(CliRunner.run("compare", f.toString(), "--seeds", "3", "--out",
        compareDir.toString()).exitCode()).isIn(0, 1);
    assertThat(CliRunner.run("sweep", f.toString(), "--seeds", "2", "--loads", "100,200,300",
        "--out", sweepDir.toString()).exitCode()).isIn(0, 1);
    diagram = dir.resolve("replay").resolve("crash.html");
    assertThat(CliRunner.run("replay", f.toString(), "--variant", "three", "--seed", "4",
        "--from", "7.98s", "--to", "8.05s", "--trace",
        dir.resolve("replay").resolve("crash.jsonl").toString()).exitCode()).isIn(0, 1);
  }

  static Path diagram;

  @Test
  void diagramPage_drawsTheCrashAndTheMessages() throws Exception {
    String html = Files.readString(diagram);
    assertThat(html).contains("<title>paged seed 4: space-time diagram</title>",
        "<rect class=\"down\" data-nodes=\"web-2\"", "<line class=\"msg delivered\"",
        "<line class=\"lifeline\"");
    assertThat(references(diagram)).isEmpty();
  }

  @Test
  void headlessBrowser_loadsTheDiagramPage_runsItsFilterScript_withoutErrors() throws Exception {
    Path browser = chromium();
    Process p = new ProcessBuilder(browser.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--virtual-time-budget=10000", "--dump-dom",
        diagram.toAbsolutePath().toUri().toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String dom = new String(p.getInputStream().readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    Matcher m = Pattern.compile("data-arrows=\"(\\d+)\"").matcher(dom);
    assertThat(m.find()).as(diagram + ": the page's load handler did not run").isTrue();
    assertThat(Integer.parseInt(m.group(1))).isPositive();
    assertThat(dom).contains("data-errors=\"0\"");
  }

  /** The local files a page links to or shows. */
  static List<String> references(Path page) throws Exception {
    Matcher m = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(Files.readString(page));
    List<String> refs = new ArrayList<>();
    while (m.find()) {
      String ref = m.group(1).replace("&amp;", "&");
      if (!ref.startsWith("http") && !ref.startsWith("#")) {
        refs.add(ref);
      }
    }
    return refs;
  }

  @Test
  void everyPage_referencesOnlyFilesThatExist() throws Exception {
    for (Path d : List.of(runDir, compareDir, sweepDir)) {
      Path page = d.resolve("index.html");
      List<String> refs = references(page);
      assertThat(refs).as(page.toString()).anyMatch(r -> r.endsWith(".png"));
      for (String ref : refs) {
        assertThat(d.resolve(ref)).as(page + " -> " + ref).exists();
      }
    }
  }

  @Test
  void runPage_hasTheSummaryExpectationsFaultsAndReproduceCommands() throws Exception {
    String html = Files.readString(runDir.resolve("index.html"));
    assertThat(html).contains("<title>paged: dsim report</title>",
        "A &lt;small&gt; system &amp; its crash.", "Summary", "Expectations",
        "Fault timeline", "crash", "web-2", "Reproduce", "replay", "--seed 4",
        "--expect-hash", "three/seed-4/timeline.png", "six/seed-4/nodes.png");
    assertThat(html).containsPattern("[0-9a-f]{16}");
  }

  @Test
  void comparisonPage_hasTheTableWinnersAndCharts() throws Exception {
    String html = Files.readString(compareDir.resolve("index.html"));
    assertThat(html).contains("95%", "three", "six", "winner", "bars-availability.png",
        "availability-vs-cost.png", "comparison.json", "compare");
    // Availability over time of every variant on one chart, and the way down to one run.
    assertThat(html).contains("availability-over-time.png", "A representative run per variant",
        "/timeline.png\">timeline</a>", "/nodes.png\">nodes</a>");
  }

  @Test
  void sweepPage_drawsTheLoadCurves() throws Exception {
    String html = Files.readString(sweepDir.resolve("index.html"));
    assertThat(html).contains("throughput-vs-load.png", "latencyMs-p99-vs-load.png",
        "Failing runs");
    assertThat(sweepDir.resolve("throughput-vs-load.svg")).exists();
  }

  /** Debian's chromium, if installed; on CI it must be (the CI script installs it). */
  static Path chromium() {
    for (String c : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome")) {
      if (Files.isExecutable(Path.of(c))) {
        return Path.of(c);
      }
    }
    boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
    assertThat(ci).as("CI=true but no chromium: .ci/run installs Debian's chromium").isFalse();
    Assumptions.assumeTrue(false, "no chromium on this machine; .ci/run installs it");
    return null;
  }

  @Test
  void headlessBrowser_loadsEveryPageWithAllItsChartsAndNoErrors() throws Exception {
    Path browser = chromium();
    for (Path d : List.of(runDir, compareDir, sweepDir)) {
      Path page = d.resolve("index.html").toAbsolutePath();
      Process p = new ProcessBuilder(browser.toString(), "--headless", "--no-sandbox",
          "--disable-gpu", "--virtual-time-budget=10000", "--dump-dom",
          page.toUri().toString())
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String dom = new String(p.getInputStream().readAllBytes(),
          java.nio.charset.StandardCharsets.UTF_8);
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      Matcher m = Pattern.compile("data-images-loaded=\"(\\d+)/(\\d+)\"").matcher(dom);
      assertThat(m.find()).as(page + ": the page's load handler did not run").isTrue();
      assertThat(Integer.parseInt(m.group(2))).as(page.toString()).isPositive();
      assertThat(m.group(1)).as(page + ": images loaded").isEqualTo(m.group(2));
      assertThat(dom).as(page.toString()).contains("data-errors=\"0\"");
    }
  }
}
