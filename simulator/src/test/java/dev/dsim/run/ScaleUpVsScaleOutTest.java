package dev.dsim.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsim.scenario.ScenarioFile;
import dev.dsim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What scale-up-vs-scale-out.json is meant to show, over four seeds: one big box is the fastest
 * per request, contention slows it, it is down whenever it crashes; scaled out, health checks and
 * then replication buy availability, and replication costs more nodes.
 */
final class ScaleUpVsScaleOutTest {
  private static final int SEEDS = 4;
  private static final Map<String, double[]> MEANS = new HashMap<>();

  /** availability, p50, mean latency, cost: means over the seeds. */
  @BeforeAll
  static void run() throws Exception {
    ScenarioFile f = ScenarioLoader.load(Path.of("..", "scenarios",
        "scale-up-vs-scale-out.json"));
    for (String v : f.variantNames()) {
      double[] m = new double[4];
      var s = f.resolve(v);
      for (int i = 0; i < SEEDS; i++) {
        RunResult r = Runner.run(s, s.seed() + i, RunOptions.defaults()).result();
        m[0] += r.availability() / SEEDS;
        m[1] += r.latencyMs().p50() / SEEDS;
        m[2] += r.latencyMs().mean() / SEEDS;
        m[3] += r.cost().total() / SEEDS;
      }
      MEANS.put(v, m);
    }
  }

  private static double availability(String v) {
    return MEANS.get(v)[0];
  }

  @Test
  void scaleUp_isFastestPerRequest_andContentionSlowsIt() {
    assertThat(MEANS.get("scale-up")[1]).isLessThan(MEANS.get("scale-out")[1]);
    assertThat(MEANS.get("scale-up-contention")[2]).isGreaterThan(1.2 * MEANS.get("scale-up")[2]);
  }

  @Test
  void scaleOut_buysAvailabilityWithHealthChecks_andMoreWithReplication() {
    assertThat(availability("scale-out")).isGreaterThan(availability("scale-out-no-health-checks"));
    assertThat(availability("scale-out-replicated")).isGreaterThan(availability("scale-out"));
    assertThat(availability("scale-out-replicated")).isGreaterThan(availability("scale-up"));
    assertThat(availability("scale-up")).isLessThan(0.95);
  }

  @Test
  void replication_costsMoreNodes() {
    assertThat(MEANS.get("scale-out-replicated")[3]).isGreaterThan(1.15 * MEANS.get("scale-out")[3]);
  }
}
