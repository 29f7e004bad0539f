package dev.dsim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dsim.scenario.Scenario;
import dev.dsim.scenario.ScenarioFile;
import dev.dsim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A stateless tier with exponential work on k cores, Poisson arrivals, zero network latency and
 * no timeout is exactly an M/M/k queue: its mean response time must match Erlang C.
 */
final class QueueingFidelityTest {
  private static final double SERVICE_MS = 10.0;

  private static RunResult run(Scenario s) {
    return Runner.run(s, s.seed(), RunOptions.defaults()).result();
  }

  private static Scenario mmk(int cores, double utilisation) throws Exception {
    double rate = utilisation * cores * 1000.0 / SERVICE_MS;
    String json = String.format(Locale.ROOT, """
        {
          "name": "mm%d", "seed": 11, "duration": "2h", "warmup": "5m",
          "clients": {"rate": %.6f},
          "tiers": {"app": {"kind": "stateless", "cores": %d,
                            "work": {"dist": "exponential", "mean": "10ms"}}}
        }""", cores, rate, cores);
    ScenarioFile file = ScenarioLoader.parse("mm" + cores + ".json", json);
    return file.resolve(null);
  }

  @Test
  void oneCore_matchesErlangC_within3Percent() throws Exception {
    RunResult r = run(mmk(1, 0.8));
    double expected = ErlangC.meanResponseTime(1, 80, 100) * 1000; // 50 ms
    assertThat(expected).isCloseTo(50.0, within(1e-9));
    assertThat(r.latencyMs().mean()).isCloseTo(expected, within(expected * 0.03));
    assertThat(r.availability()).isEqualTo(1.0);
  }

  @Test
  void fourCores_matchesErlangC_within3Percent() throws Exception {
    RunResult r = run(mmk(4, 0.8));
    double expected = ErlangC.meanResponseTime(4, 320, 100) * 1000;
    assertThat(r.latencyMs().mean()).isCloseTo(expected, within(expected * 0.03));
    // Little's law cross-check: utilisation of the 4-core node is close to 0.8.
    RunResult.NodeResult app = r.nodes().stream()
        .filter(n -> n.name().equals("app-1")).findFirst().orElseThrow();
    assertThat(app.utilisation()).isCloseTo(0.8, within(0.01));
  }

  @Test
  void threeLayouts_comeOutInTheOrderTheoryPredicts() throws Exception {
    ScenarioFile file = ScenarioLoader.load(Path.of("..", "scenarios", "mmk-pooled-vs-split.json"));
    double pooled = run(file.resolve("pooled")).latencyMs().mean();
    double split = run(file.resolve("random-split")).latencyMs().mean();
    double fast = run(file.resolve("one-fast-server")).latencyMs().mean();

    double pooledTheory = ErlangC.meanResponseTime(4, 320, 100) * 1000; // ~17.5 ms
    double splitTheory = ErlangC.meanResponseTime(1, 80, 100) * 1000; // 50 ms
    double fastTheory = ErlangC.meanResponseTime(1, 320, 400) * 1000; // 12.5 ms
    assertThat(pooled).isCloseTo(pooledTheory, within(pooledTheory * 0.05));
    assertThat(split).isCloseTo(splitTheory, within(splitTheory * 0.05));
    assertThat(fast).isCloseTo(fastTheory, within(fastTheory * 0.05));
    assertThat(fast).isLessThan(pooled);
    assertThat(pooled).isLessThan(split);
  }

  @Test
  void erlangC_knownValues() {
    // M/M/1: P(wait) = rho. M/M/2 with a = 1: C = 1/3.
    assertThat(ErlangC.waitProbability(1, 0.8)).isCloseTo(0.8, within(1e-12));
    assertThat(ErlangC.waitProbability(2, 1.0)).isCloseTo(1.0 / 3, within(1e-12));
  }
}
