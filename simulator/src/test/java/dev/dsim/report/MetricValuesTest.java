package dev.dsim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsim.run.Expectations;
import dev.dsim.run.RunOptions;
import dev.dsim.run.RunResult;
import dev.dsim.run.Runner;
import dev.dsim.scenario.Metric;
import dev.dsim.scenario.Scenario;
import dev.dsim.scenario.ScenarioLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each {@link Metric} an expectation names is the number results.json holds at the metric's
 * dotted name: the enum is the one list of metrics, and this holds its names, the run's values
 * and the written file together. web-kv measures every metric (a kv tier, health checks and
 * replica heartbeats, a crash to detect).
 */
class MetricValuesTest {
  private static RunResult result;
  private static JsonNode results;

  @BeforeAll
  static void runWebKv() throws Exception {
    Scenario s = ScenarioLoader.load(Path.of("..", "scenarios", "web-kv.json")).resolve(null);
    result = Runner.run(s.withDuration(30_000_000_000L), s.seed(), RunOptions.defaults())
        .result();
    results = new ObjectMapper().readTree(ResultsJson.toJson(result));
  }

  @ParameterizedTest
  @EnumSource(Metric.class)
  void aMetricsValue_isResultsJsonsAtItsDottedName(Metric m) {
    JsonNode written = results;
    for (String part : m.jsonName().split("\\.")) {
      written = written.path(part);
    }
    assertThat(written.isMissingNode()).as("results.json has %s", m.jsonName()).isFalse();
    Double value = Expectations.value(m, result);
    assertThat(value).as("web-kv measures %s", m.jsonName()).isNotNull();
    // results.json rounds to six decimals; the expectation judges the unrounded value.
    double expected = written.isBoolean() ? (written.booleanValue() ? 1 : 0)
        : written.isTextual() ? Double.NaN : written.doubleValue();
    if (Double.isNaN(expected)) {
      assertThat(value).isNaN();
    } else {
      assertThat(value).isCloseTo(expected, within(1e-6 * Math.max(1, Math.abs(expected))));
    }
    assertThat(Expectations.value(m.jsonName(), result)).isEqualTo(value);
    if (m.shorthand() != null) {
      assertThat(Metric.named(m.shorthand())).isSameAs(m);
    }
  }

  @Test
  void aNameNoMetricHas_isNone() {
    assertThat(Metric.named("latencyMs.p42")).isNull();
    assertThat(Metric.named("consistency")).isNull();
  }
}
