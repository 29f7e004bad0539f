package dev.dsim.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsim.report.ResultsJson;
import dev.dsim.scenario.Scenario;
import dev.dsim.scenario.ScenarioFile;
import dev.dsim.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped scenario, every variant: the same seed gives the same trace hash and a
 * byte-identical results.json; another seed gives another hash.
 */
final class DeterminismTest {

  static Stream<Path> shippedScenarios() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("..", "scenarios"))) {
      List<Path> list = new ArrayList<>(files.filter(p -> p.toString().endsWith(".json")
          && !p.getFileName().toString().endsWith(".schema.json"))
          .sorted().toList());
      assertThat(list).isNotEmpty();
      return list.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("shippedScenarios")
  void sameSeed_sameHashAndIdenticalResults(Path file) throws Exception {
    ScenarioFile sf = ScenarioLoader.load(file);
    List<String> variants = sf.variantNames().isEmpty()
        ? java.util.Collections.singletonList(null) : sf.variantNames();
    for (String v : variants) {
      Scenario s = sf.resolve(v);
      RunResult first = Runner.run(s, s.seed(), RunOptions.defaults()).result();
      RunResult second = Runner.run(s, s.seed(), RunOptions.defaults()).result();
      assertThat(second.traceHash()).as("%s/%s", file, v).isEqualTo(first.traceHash());
      assertThat(ResultsJson.toJson(second)).isEqualTo(ResultsJson.toJson(first));
      assertThat(first.simulated().events()).isPositive();
    }
  }

  @Test
  void differentSeeds_differentHashes() throws Exception {
    Scenario s = small();
    RunResult a = Runner.run(s, 1, RunOptions.defaults()).result();
    RunResult b = Runner.run(s, 2, RunOptions.defaults()).result();
    assertThat(a.traceHash()).isNotEqualTo(b.traceHash());
    assertThat(a.seed()).isEqualTo(1);
    assertThat(b.seed()).isEqualTo(2);
  }

  @Test
  void traceListener_doesNotChangeTheRun() throws Exception {
    Scenario s = small();
    RunResult plain = Runner.run(s, 5, RunOptions.defaults()).result();
    long[] seen = new long[1];
    RunResult traced = Runner.run(s, 5,
        RunOptions.defaults().withTrace(world -> (t, e) -> seen[0]++)).result();
    assertThat(traced).isEqualTo(plain);
    assertThat(seen[0]).isEqualTo(plain.simulated().events());
  }

  static Scenario small() throws Exception {
    return ScenarioLoader.parse("small.json", """
        {"name": "small", "duration": "20s", "warmup": "1s",
         "network": {"latency": {"dist": "lognormal", "median": "0.5ms", "p99": "4ms"}},
         "clients": {"rate": 500, "timeout": "100ms"},
         "loadBalancer": {"policy": "least-outstanding"},
         "tiers": {"web": {"kind": "stateless", "nodes": 3, "cores": 2,
                           "work": {"dist": "exponential", "mean": "8ms"}}}}
        """).resolve(null);
  }
}
