package dev.dsim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dsim.run.RunOptions;
import dev.dsim.run.RunResult;
import dev.dsim.run.Runner;
import dev.dsim.scenario.ScenarioFile;
import dev.dsim.scenario.ScenarioLoader;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Charts hold the numbers of the results they draw (asserted on their datasets), and their files
 * are valid PNG and SVG of the fixed size.
 */
final class ChartsTest {
  private static final String SCENARIO = """
      {"name": "charted", "seed": 5, "duration": "40s", "warmup": "2s",
       "clients": {"rate": 300, "timeout": "500ms"},
       "loadBalancer": {"policy": "round-robin"},
       "tiers": {"web": {"kind": "stateless", "nodes": 3, "cores": 2, "work": "4ms"}},
       "faults": {"schedule": [{"at": "10s", "crash": "web-2", "restartAfter": "10s"},
                               {"at": "25s", "slow": "web-3", "factor": 5, "for": "5s"}]},
       "variants": {"a": {}, "b": {"tiers": {"web": {"nodes": 6}}}}}
      """;
  static RunResult a;
  static List<RunResult> aSeeds = new ArrayList<>();
  static List<RunResult> bSeeds = new ArrayList<>();

  @TempDir
  Path dir;

  @BeforeAll
  static void run() throws Exception {
    ScenarioFile f = ScenarioLoader.parse("charted.json", SCENARIO);
    for (long seed = 1; seed <= 3; seed++) {
      aSeeds.add(Runner.run(f.resolve("a"), seed, RunOptions.defaults()).result());
      bSeeds.add(Runner.run(f.resolve("b"), seed, RunOptions.defaults()).result());
    }
    a = aSeeds.get(0);
  }

  @Test
  void timeline_holdsEveryBucket_andShadesEveryFault() {
    JFreeChart chart = RunCharts.timeline(a);
    CombinedDomainXYPlot plot = (CombinedDomainXYPlot) chart.getPlot();
    XYPlot top = (XYPlot) plot.getSubplots().get(0);
    XYPlot bottom = (XYPlot) plot.getSubplots().get(1);
    XYDataset tput = top.getDataset();
    RunResult.Timeline t = a.timeline();
    assertThat(tput.getItemCount(0)).isEqualTo(t.total().length);
    for (int i = 0; i < t.total().length; i++) {
      assertThat(tput.getYValue(0, i)).isCloseTo(t.ok()[i] / t.bucketSeconds(), within(1e-9));
      double avail = t.total()[i] == 0 ? 100 : 100.0 * t.ok()[i] / t.total()[i];
      assertThat(bottom.getDataset().getYValue(0, i)).isCloseTo(avail, within(1e-9));
    }
    assertThat(top.getDomainMarkers(Layer.BACKGROUND)).hasSize(a.faults().size());
    assertThat(a.faults()).hasSize(2);
    assertThat(chart.getTitle().getText()).contains("charted", "a", "seed 1");
    // The crash shows: availability dips in the bucket after it.
    double min = 100;
    for (int i = 0; i < bottom.getDataset().getItemCount(0); i++) {
      min = Math.min(min, bottom.getDataset().getYValue(0, i));
    }
    assertThat(min).isLessThan(90);
  }

  @Test
  void latencyCharts_holdTheRunsPercentiles() {
    XYPlot overTime = (XYPlot) RunCharts.latencyOverTime(a).getPlot();
    assertThat(overTime.getDataset().getSeriesCount()).isEqualTo(2);
    assertThat(overTime.getDataset().getSeriesKey(1)).isEqualTo("p99");
    XYPlot dist = (XYPlot) RunCharts.latencyDistribution(List.of("a"), List.of(a)).getPlot();
    XYDataset d = dist.getDataset();
    // Every percentile but 100 (which sits at infinity on the 1/(1-p) axis).
    assertThat(d.getItemCount(0)).isEqualTo(a.latencyMs().distribution().size() - 1);
    for (int i = 0; i < d.getItemCount(0); i++) {
      RunResult.Percentile p = a.latencyMs().distribution().get(i);
      assertThat(d.getXValue(0, i)).isCloseTo(1 / (1 - p.percentile() / 100), within(1e-9));
      assertThat(d.getYValue(0, i)).isEqualTo(p.ms());
    }
    assertThat(new RunCharts.PercentileFormat().format(1000.0)).isEqualTo("99.9%");
    assertThat(new RunCharts.PercentileFormat().parse("99%", new java.text.ParsePosition(0))
        .doubleValue()).isCloseTo(100, within(1e-9));
  }

  @Test
  void nodeStrips_markTheCrashDownAndTheSlowSpellImpaired() {
    XYPlot plot = (XYPlot) RunCharts.nodes(a).getPlot();
    var data = (org.jfree.data.xy.XYIntervalSeriesCollection) plot.getDataset();
    assertThat(data.getSeries(0).getItemCount()).isEqualTo(a.nodes().size()); // up
    assertThat(data.getSeries(1).getItemCount()).isEqualTo(1); // slow web-3
    assertThat(data.getSeries(2).getItemCount()).isEqualTo(1); // crashed web-2
    assertThat(data.getSeries(2).getXLowValue(0)).isEqualTo(10.0);
    assertThat(data.getSeries(2).getXHighValue(0)).isEqualTo(20.0);
  }

  @Test
  void comparisonBars_holdTheComparisonsMeansAndIntervals() {
    Comparison c = Comparison.of(List.of(new Comparison.Group("a", aSeeds),
        new Comparison.Group("b", bSeeds)));
    JFreeChart chart = ComparisonCharts.bars(c, "latencyMs.p99");
    var data = chart.getCategoryPlot().getDataset();
    var bars = (IntervalBarRenderer) chart.getCategoryPlot().getRenderer();
    Comparison.Row row = c.rows().stream()
        .filter(r -> r.metric().name().equals("latencyMs.p99")).findFirst().orElseThrow();
    for (int i = 0; i < 2; i++) {
      assertThat(data.getValue(i, 0).doubleValue()).isEqualTo(row.stats().get(i).mean());
      assertThat(bars.low(i)).isCloseTo(row.stats().get(i).ciLow(), within(1e-12));
      assertThat(bars.high(i)).isCloseTo(row.stats().get(i).ciHigh(), within(1e-12));
    }
    JFreeChart avail = ComparisonCharts.bars(c, "availability");
    var ad = avail.getCategoryPlot().getDataset();
    assertThat(ad.getValue(0, 0).doubleValue())
        .isCloseTo(100 * c.rows().get(0).stats().get(0).mean(), within(1e-9));
    // A share's interval stays inside [0, 100%], however few the seeds.
    var availBars = (IntervalBarRenderer) avail.getCategoryPlot().getRenderer();
    for (int i = 0; i < 2; i++) {
      assertThat(availBars.high(i)).isLessThanOrEqualTo(100);
      assertThat(availBars.low(i)).isGreaterThanOrEqualTo(0);
    }
    XYPlot scatter = (XYPlot) ComparisonCharts.tradeOff(c, "cost.total", "availability")
        .getPlot();
    assertThat(scatter.getDataset().getSeriesCount()).isEqualTo(2);
    // Error bars on both axes: the comparison's own intervals.
    var points = (org.jfree.data.xy.XYIntervalSeriesCollection) scatter.getDataset();
    Comparison.Stat availOfA = c.rows().stream()
        .filter(r -> r.metric().name().equals("availability")).findFirst().orElseThrow()
        .stats().get(0);
    if (availOfA.stdDev() > 0) {
      assertThat(points.getEndYValue(0, 0)).isCloseTo(100 * availOfA.ciHigh(), within(1e-9));
    }
    assertThat(points.getEndYValue(0, 0)).isLessThanOrEqualTo(100);
    assertThat(scatter.getDataset().getSeriesKey(1)).isEqualTo("b");
    // A variant has the same colour in every chart.
    assertThat(chart.getCategoryPlot().getRenderer().getSeriesPaint(1))
        .isEqualTo(scatter.getRenderer().getSeriesPaint(1));
  }

  @Test
  void files_areValidPngAndSvgOfTheFixedSize() throws Exception {
    ChartFiles.write(dir, "timeline", RunCharts.timeline(a));
    BufferedImage png = ImageIO.read(dir.resolve("timeline.png").toFile());
    assertThat(png.getWidth()).isEqualTo(ChartFiles.WIDTH);
    assertThat(png.getHeight()).isEqualTo(ChartFiles.HEIGHT);
    String svg = Files.readString(dir.resolve("timeline.svg"));
    assertThat(svg).startsWith("<?xml").contains("<svg", "width='900.0'", "height='450.0'",
        "throughput", "crash web-2");
    assertThat(svg.strip()).endsWith("</svg>");
    // Well-formed XML (without fetching the DTD the header names: no network in tests).
    var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    assertThat(factory.newDocumentBuilder().parse(dir.resolve("timeline.svg").toFile())
        .getDocumentElement().getTagName()).isEqualTo("svg");
    try (var s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void svg_ofTheSameRun_isByteIdentical() throws Exception {
    Path one = Files.createDirectories(dir.resolve("one"));
    Path two = Files.createDirectories(dir.resolve("two"));
    ChartFiles.write(one, "timeline", RunCharts.timeline(a));
    Thread.sleep(5); // JFreeSVG's default ids come from the clock: let it move on.
    ChartFiles.write(two, "timeline", RunCharts.timeline(a));
    String svg = Files.readString(one.resolve("timeline.svg"));
    assertThat(svg).contains("clip-path"); // the ids that used to differ are there
    assertThat(Files.readAllBytes(two.resolve("timeline.svg")))
        .isEqualTo(Files.readAllBytes(one.resolve("timeline.svg")));
  }

  @Test
  void comparisonChartNumbers_matchComparisonJson() throws Exception {
    Comparison c = Comparison.of(List.of(new Comparison.Group("a", aSeeds),
        new Comparison.Group("b", bSeeds)));
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
        ComparisonReport.json(c, List.of("charted.json"), List.of(1L, 2L, 3L), List.of()));
    for (String metric : ComparisonCharts.BAR_METRICS) {
      var plot = ComparisonCharts.bars(c, metric).getCategoryPlot();
      var data = plot.getDataset();
      var bars = (IntervalBarRenderer) plot.getRenderer();
      com.fasterxml.jackson.databind.JsonNode m = null;
      for (var node : json.get("metrics")) {
        if (node.get("metric").asText().equals(metric)) {
          m = node;
        }
      }
      assertThat(m).as(metric).isNotNull();
      double k = metric.equals("availability") ? 100 : 1;
      for (int i = 0; i < 2; i++) {
        var v = m.get("variants").get(c.variants().get(i));
        double mean = v.get("mean").asDouble();
        double lo = v.get("ci95").get(0).asDouble();
        double hi = v.get("ci95").get(1).asDouble();
        double tol = Math.abs(hi - lo) * 1e-4 + Math.abs(mean) * 1e-5 + 1e-12;
        assertThat(data.getValue(i, 0).doubleValue() / k).as(metric)
            .isCloseTo(mean, within(Math.abs(mean) * 1e-5 + 1e-12));
        assertThat(bars.low(i) / k).as(metric).isCloseTo(lo, within(tol));
        assertThat(bars.high(i) / k).as(metric).isCloseTo(hi, within(tol));
      }
    }
  }

  @Test
  void loadCharts_putLatencyOnALogAxis_andLabelTicksPlainly() {
    List<SweepReport.Row> rows = new java.util.ArrayList<>();
    for (RunResult r : aSeeds) {
      rows.add(new SweepReport.Row(new SweepReport.Point("a", 10.0, r.seed(), null), r,
          List.of(), null, null));
      rows.add(new SweepReport.Row(new SweepReport.Point("b", 10.0, r.seed(), null), r,
          List.of(), null, null));
    }
    SweepReport sweep = new SweepReport("f.json", rows, rows.size(), false, null);
    XYPlot latency = ComparisonCharts.againstLoad(sweep, "latencyMs.p99").getXYPlot();
    assertThat(latency.getRangeAxis()).isInstanceOf(org.jfree.chart.axis.LogAxis.class);
    XYPlot avail = ComparisonCharts.againstLoad(sweep, "availability").getXYPlot();
    var axis = (org.jfree.chart.axis.NumberAxis) avail.getRangeAxis();
    assertThat(axis.getNumberFormatOverride().format(100)).isEqualTo("100");
    assertThat(axis.getNumberFormatOverride().format(0.25)).isEqualTo("0.25");
    // Equal variants (b repeats a) draw distinguishable lines: not the same stroke or marker.
    var renderer = avail.getRenderer();
    assertThat(renderer.getSeriesStroke(0)).isNotEqualTo(renderer.getSeriesStroke(1));
    assertThat(renderer.getSeriesShape(0)).isNotEqualTo(renderer.getSeriesShape(1));
  }

  @Test
  void seedSweeps_getChartsByRun_andAFirstSentence() {
    List<SweepReport.Row> rows = new java.util.ArrayList<>();
    for (RunResult r : aSeeds) {
      rows.add(new SweepReport.Row(new SweepReport.Point("a", null, r.seed(), null), r,
          List.of(), null, null));
      rows.add(new SweepReport.Row(new SweepReport.Point("b", null, r.seed(), null), r,
          List.of("availability >= 1"), null, null));
    }
    SweepReport sweep = new SweepReport("f.json", rows, rows.size(), false, null);
    XYPlot plot = ComparisonCharts.overSeeds(sweep, "availability").getXYPlot();
    assertThat(plot.getDataset().getSeriesCount()).isEqualTo(2);
    assertThat(plot.getDataset().getItemCount(0)).isEqualTo(aSeeds.size());
    assertThat(plot.getDataset().getXValue(0, 0)).isEqualTo((double) aSeeds.get(0).seed());
    assertThat(sweep.verdict()).isEqualTo(aSeeds.size() + " of " + rows.size()
        + " runs failed an expectation: b in " + aSeeds.size() + " of " + aSeeds.size() + ".");
  }

  @Test
  void availabilityOverTime_poolsEachVariantsSeeds_oneLineEach() {
    List<Comparison.Group> groups = List.of(new Comparison.Group("a", aSeeds),
        new Comparison.Group("b", bSeeds));
    XYPlot plot = ComparisonCharts.availabilityOverTime(groups).getXYPlot();
    assertThat(plot.getDataset().getSeriesCount()).isEqualTo(2);
    // A bucket's value is the share of all the variant's requests issued then that succeeded.
    RunResult.Timeline t0 = aSeeds.get(0).timeline();
    int bucket = 0;
    while (t0.total()[bucket] == 0) {
      bucket++;
    }
    long total = 0;
    long ok = 0;
    for (RunResult r : aSeeds) {
      total += r.timeline().total()[bucket];
      ok += r.timeline().ok()[bucket];
    }
    assertThat(plot.getDataset().getYValue(0, 0)).isCloseTo(100.0 * ok / total, within(1e-9));
    // Two variants at 100% would draw one line: each has its own dash.
    assertThat(plot.getRenderer().getSeriesStroke(0))
        .isNotEqualTo(plot.getRenderer().getSeriesStroke(1));
  }

  @Test
  void theRepresentativeRun_isTheSeedNearestTheMedianAvailability() {
    RunResult rep = ComparisonCharts.representative(new Comparison.Group("a", aSeeds));
    double[] sorted = aSeeds.stream().mapToDouble(RunResult::availability).sorted().toArray();
    double median = sorted[sorted.length / 2];
    for (RunResult r : aSeeds) {
      assertThat(Math.abs(rep.availability() - median))
          .isLessThanOrEqualTo(Math.abs(r.availability() - median));
    }
    assertThat(ComparisonCharts.representative(new Comparison.Group("none", List.of())))
        .isNull();
  }
}
