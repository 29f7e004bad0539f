package dev.dsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sweep --param}: the grid of settings is run with its seeds, and the report names the
 * cheapest point meeting every expectation, never one that failed them however cheap, marks the
 * cost and availability front, and charts each metric against the setting.
 */
final class SweepGridTest {
  private static final String SIZING = Path.of("..", "scenarios", "sizing.json").toString();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private CliRunner.Result sweep(String... extra) {
    List<String> args = new ArrayList<>(List.of("sweep", SIZING, "--seeds", "2", "--set",
        "duration=2m", "--set", "warmup=10s", "--out", dir.resolve("out").toString()));
    args.addAll(List.of(extra));
    return CliRunner.run(args.toArray(new String[0]));
  }

  @Test
  void theGrid_namesTheCheapestPointMeetingTheExpectations_neverAFailingOne() throws Exception {
    CliRunner.Result r = sweep("--param", "tiers.web.nodes=2,5", "--param",
        "tiers.web.cores=2,8");
    assertThat(r.exitCode()).as(r.err()).isZero();
    Path out = dir.resolve("out");
    JsonNode grid = JSON.readTree(out.resolve("sweep.json").toFile()).get("grid");
    assertThat(grid.get("params")).extracting(JsonNode::asText)
        .containsExactly("tiers.web.nodes", "tiers.web.cores");
    assertThat(grid.get("currency").asText()).isEqualTo("USD");
    List<JsonNode> points = new ArrayList<>();
    grid.get("points").forEach(points::add);
    assertThat(points).hasSize(4);
    // 2 nodes of 2 cores is the cheapest point and far too small: it fails, and is not named.
    JsonNode smallest = points.get(0);
    assertThat(smallest.get("params").get("tiers.web.nodes").asText()).isEqualTo("2");
    assertThat(smallest.get("params").get("tiers.web.cores").asText()).isEqualTo("2");
    assertThat(smallest.get("eligible").asBoolean()).isFalse();
    for (JsonNode p : points) {
      assertThat(smallest.get("costPerHour").asDouble())
          .isLessThanOrEqualTo(p.get("costPerHour").asDouble());
    }
    JsonNode cheapest = grid.get("cheapest");
    JsonNode named = null;
    for (JsonNode p : points) {
      if (p.get("params").equals(cheapest.get("params"))) {
        named = p;
      }
    }
    assertThat(named).isNotNull();
    assertThat(named.get("met").asInt()).isEqualTo(named.get("seeds").asInt());
    for (JsonNode p : points) {
      if (p.get("eligible").asBoolean()) {
        assertThat(p.get("costPerHour").asDouble())
            .isGreaterThanOrEqualTo(named.get("costPerHour").asDouble());
      } else {
        assertThat(p.get("met").asInt()).isLessThan(p.get("seeds").asInt());
      }
    }
    // The front: no point on it is beaten on both cost and availability by another point.
    for (JsonNode p : points) {
      boolean beaten = false;
      for (JsonNode q : points) {
        double pc = p.get("costPerHour").asDouble();
        double qc = q.get("costPerHour").asDouble();
        double pa = p.get("availability").get("mean").asDouble();
        double qa = q.get("availability").get("mean").asDouble();
        beaten |= qc <= pc && qa >= pa && (qc < pc || qa > pa);
      }
      assertThat(p.get("pareto").asBoolean()).as(p.toString()).isEqualTo(!beaten);
    }
    assertThat(r.out()).contains("Cheapest point meeting every expectation in every seed: ")
        .contains("USD per hour");
    // The files, the page and its charts.
    List<String> csv = Files.readAllLines(out.resolve("grid.csv"));
    assertThat(csv).hasSize(5);
    assertThat(csv.get(0)).startsWith("variant,tiers.web.nodes,tiers.web.cores,seeds,met,");
    assertThat(Files.readAllLines(out.resolve("sweep.csv")).get(0))
        .startsWith("variant,tiers.web.nodes,tiers.web.cores,load,seed,");
    String page = Files.readString(out.resolve("index.html"));
    assertThat(page).contains("Parameter grid").contains("front.svg")
        .contains("availability-vs-param.svg").contains("grid.csv");
    assertThat(out.resolve("front.svg")).exists();
    // A failing run replays with the grid point's settings.
    JsonNode failing = JSON.readTree(out.resolve("sweep.json").toFile()).get("failing").get(0);
    assertThat(failing.get("replay").asText()).contains("--set tiers.web.nodes=2")
        .contains("--set tiers.web.cores=2");
    assertThat(out.resolve(failing.get("results").asText())).exists();
  }

  @Test
  void aGridWhereNoPointMeetsTheExpectations_exitsOne_andSaysWhichCameClosest() {
    CliRunner.Result r = sweep("--param", "tiers.web.nodes=1,2", "--no-charts");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    assertThat(r.out()).contains("No point met every expectation in every seed; the closest, ");
  }

  @Test
  void badGrids_areBadInput_withOneClearMessage() {
    CliRunner.Result both = sweep("--param", "tiers.web.nodes=2,3", "--loads", "100,200");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("--loads and --param cannot be combined")
        .contains("--param clients.rate=").doesNotContain("Exception");
    CliRunner.Result twice = sweep("--param", "tiers.web.nodes=2,3", "--param",
        "tiers.web.nodes=4");
    assertThat(twice.exitCode()).isEqualTo(2);
    assertThat(twice.err()).contains("given twice");
    CliRunner.Result set = sweep("--param", "tiers.web.nodes=2,3", "--set",
        "tiers.web.nodes=4");
    assertThat(set.exitCode()).isEqualTo(2);
    assertThat(set.err()).contains("both set it");
    CliRunner.Result range = sweep("--param", "tiers.web.nodes=9..3");
    assertThat(range.exitCode()).isEqualTo(2);
    assertThat(range.err()).contains("is empty").doesNotContain("Exception");
    // A misspelt setting fails every point alike, and is said once, with a suggestion.
    CliRunner.Result typo = sweep("--param", "tiers.web.nodez=2,3");
    assertThat(typo.exitCode()).isEqualTo(2);
    assertThat(typo.err()).contains("tiers.web.nodez").contains("nodes")
        .doesNotContain("Exception");
    assertThat(typo.err().lines().filter(l -> l.startsWith("error:"))).singleElement()
        .asString().contains("(set by --param tiers.web.nodez=2,3)");
    // A value the setting cannot take names its point.
    CliRunner.Result value = sweep("--param", "tiers.web.nodes=2,0");
    assertThat(value.exitCode()).isEqualTo(2);
    assertThat(value.err()).contains("tiers.web.nodes").doesNotContain("Exception");
  }
}
