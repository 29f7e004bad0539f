package dev.dsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dsim.engine.Distribution;
import dev.dsim.service.ArrivalProcess;
import dev.dsim.service.Load;
import dev.dsim.service.OperationMix;
import dev.dsim.service.RateSchedule;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ScenarioLoaderTest {
  private static final String FULL = """
      {
        "$schema": "whatever",
        "name": "web-kv",
        "description": "demo",
        "seed": 42,
        "duration": "30m",
        "warmup": "1m",
        "network": {"latency": {"dist": "lognormal", "median": "0.5ms", "p99": "4ms"}},
        "clients": {"arrival": "constant", "rate": 2000, "timeout": "2s"},
        "loadBalancer": {"policy": "least-outstanding"},
        "tiers": {
          "web": {"kind": "stateless", "nodes": 8, "cores": 4, "speed": 1.5,
                  "work": {"dist": "exponential", "mean": "8ms"}},
          "api": {"kind": "stateless", "work": "250us"}
        },
        "variants": {
          "scale-out": {},
          "scale-up": {"tiers": {"web": {"nodes": 1, "cores": 32}}},
          "no-api": {"tiers": {"api": null}, "description": null}
        }
      }
      """;

  private static ScenarioFile parse(String json) throws ScenarioException {
    return ScenarioLoader.parse("t.json", json);
  }

  private static List<ScenarioError> errors(String json) {
    return catchThrowableOfType(ScenarioException.class, () -> parse(json)).errors();
  }

  @Test
  void aScalarWhereAnObjectBelongs_isReportedAtItsIndex_notAStackOverflow() {
    // Found by ScenarioFuzzTest (a type swap in stateless-scaling.json): the record reader and
    // Jackson's tree reader called each other until the stack overflowed.
    for (String rate : new String[] {"[\"web-1\", 3]", "[{\"at\": \"0s\", \"rate\": 5}, 7]"}) {
      List<ScenarioError> errors = errors("{\"name\": \"x\", \"duration\": \"1m\", "
          + "\"clients\": {\"rate\": " + rate + "}, \"tiers\": {\"w\": {\"kind\": "
          + "\"stateless\", \"work\": \"1ms\"}}}");
      assertThat(errors).as(rate).isNotEmpty().allSatisfy(e -> {
        assertThat(e.jsonPath()).matches("clients\\.rate\\[\\d]");
        assertThat(e.message()).startsWith("expected a rate step");
        assertThat(e.line()).isPositive();
      });
    }
  }

  @Test
  void fullScenario_bindsEveryField() throws Exception {
    Scenario s = parse(FULL).resolve(null);
    assertThat(s.name()).isEqualTo("web-kv");
    assertThat(s.description()).isEqualTo("demo");
    assertThat(s.seed()).isEqualTo(42);
    assertThat(s.durationNanos()).isEqualTo(30L * 60 * 1_000_000_000L);
    assertThat(s.warmupNanos()).isEqualTo(60L * 1_000_000_000L);
    assertThat(s.network().latencyNanos()).isEqualTo(new Distribution.LogNormal(500_000, 4e6));
    assertThat(s.clients().load()).isEqualTo(new Load.Open(ArrivalProcess.CONSTANT,
        RateSchedule.constant(2000)));
    assertThat(s.clients().timeoutNanos()).isEqualTo(2_000_000_000L);
    assertThat(s.loadBalancer().policy()).isEqualTo(LbPolicy.LEAST_OUTSTANDING);
    assertThat(s.tiers()).containsOnlyKeys("web", "api");
    assertThat(List.copyOf(s.tiers().keySet())).containsExactly("web", "api");
    assertThat(s.tiers().get("web")).isEqualTo(new Tier.Stateless("web", 8, Hardware.of(4, 1.5),
        new Distribution.Exponential(8e6), null));
    assertThat(((Tier.Stateless) s.tiers().get("api")).workNanos())
        .isEqualTo(new Distribution.Constant(250_000));
    assertThat(s.variant()).isNull();
  }

  @Test
  void defaults_applyWhenKeysAreAbsent() throws Exception {
    Scenario s = parse("""
        {"name": "d", "duration": "1s", "clients": {"rate": 1},
         "tiers": {"t": {"kind": "stateless", "work": "1ms"}}}
        """).resolve(null);
    assertThat(s.seed()).isEqualTo(1);
    assertThat(s.warmupNanos()).isZero();
    assertThat(s.description()).isEmpty();
    assertThat(s.network().latencyNanos()).isEqualTo(new Distribution.Constant(0));
    assertThat(s.clients().load()).isEqualTo(new Load.Open(ArrivalProcess.POISSON,
        RateSchedule.constant(1)));
    assertThat(s.clients().timeoutNanos()).isZero();
    assertThat(s.clients().retry().retries()).isZero();
    assertThat(s.clients().mix()).isEqualTo(new OperationMix(0.5, 1000, 0, 1024));
    assertThat(s.loadBalancer().healthCheck()).isNull();
    assertThat(s.loadBalancer().nodes()).isEqualTo(1);
    assertThat(s.loadBalancer().policy()).isEqualTo(LbPolicy.ROUND_ROBIN);
    Tier t = s.tiers().get("t");
    assertThat(t.nodes()).isEqualTo(1);
    assertThat(t.hardware().cores()).isEqualTo(1);
    assertThat(t.hardware().speed()).isEqualTo(1.0);
  }

  @Test
  void everyDistributionKind_binds() throws Exception {
    String[][] cases = {
      {"\"3ms\"", "Constant[value=3000000.0]"},
      {"{\"dist\": \"constant\", \"value\": \"2s\"}", "Constant[value=2.0E9]"},
      {"{\"dist\": \"exponential\", \"mean\": \"8ms\"}", "Exponential[mean=8000000.0]"},
      {"{\"dist\": \"uniform\", \"min\": \"1ms\", \"max\": \"3ms\"}",
          "Uniform[min=1000000.0, max=3000000.0]"},
      {"{\"dist\": \"normal\", \"mean\": \"5ms\", \"stddev\": \"1ms\"}",
          "Normal[mean=5000000.0, stddev=1000000.0]"},
      {"{\"dist\": \"lognormal\", \"median\": \"1ms\", \"p99\": \"9ms\"}",
          "LogNormal[median=1000000.0, p99=9000000.0]"},
      {"{\"dist\": \"pareto\", \"scale\": \"1ms\", \"shape\": 1.5}",
          "Pareto[scale=1000000.0, shape=1.5]"},
    };
    for (String[] c : cases) {
      Scenario s = parse("{\"name\": \"d\", \"duration\": \"1s\", \"clients\": {\"rate\": 1},"
          + "\"tiers\": {\"t\": {\"kind\": \"stateless\", \"work\": " + c[0] + "}}}")
          .resolve(null);
      assertThat(((Tier.Stateless) s.tiers().get("t")).workNanos().toString()).as(c[0]).isEqualTo(c[1]);
    }
  }

  @Test
  void variants_areMergePatchesInFileOrder() throws Exception {
    ScenarioFile f = parse(FULL);
    assertThat(f.variantNames()).containsExactly("scale-out", "scale-up", "no-api");
    assertThat(f.name()).isEqualTo("web-kv");
    Scenario up = f.resolve("scale-up");
    assertThat(up.variant()).isEqualTo("scale-up");
    assertThat(up.tiers().get("web").nodes()).isEqualTo(1);
    assertThat(up.tiers().get("web").hardware().cores()).isEqualTo(32);
    assertThat(up.tiers().get("web").hardware().speed()).isEqualTo(1.5); // untouched keys survive
    assertThat(up.tiers().get("api")).isEqualTo(f.resolve(null).tiers().get("api"));
    Scenario noApi = f.resolve("no-api");
    assertThat(noApi.tiers()).containsOnlyKeys("web"); // null deletes
    assertThat(noApi.description()).isEmpty();
    Scenario out = f.resolve("scale-out");
    assertThat(out.tiers()).isEqualTo(f.resolve(null).tiers());
  }

  @Test
  void unknownVariant_suggestsTheClosest() throws Exception {
    ScenarioFile f = parse(FULL);
    assertThatThrownBy(() -> f.resolve("scale-upp"))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("no variant named 'scale-upp'")
        .hasMessageContaining("did you mean 'scale-up'?");
  }

  @Test
  void malformedJson_isLocated() {
    List<ScenarioError> e = errors("{\"name\": \"x\",\n  \"duration\": \"1s\",,\n}");
    assertThat(e).hasSize(1);
    assertThat(e.get(0).line()).isEqualTo(2);
    assertThat(e.get(0).column()).isEqualTo(20);
    assertThat(e.get(0).message()).startsWith("invalid JSON");
  }

  @Test
  void unterminatedString_isLocated() {
    List<ScenarioError> e = errors("{\"name\": \"x\n}");
    assertThat(e).hasSize(1);
    assertThat(e.get(0).line()).isGreaterThanOrEqualTo(1);
    assertThat(e.get(0).message()).contains("invalid JSON");
  }

  @Test
  void duplicateKey_isAnError() {
    List<ScenarioError> e = errors("{\"name\": \"x\", \"name\": \"y\"}");
    assertThat(e.get(0).message()).contains("Duplicate field 'name'");
    assertThat(e.get(0).column()).isEqualTo(21);
  }

  @Test
  void severalErrors_areReportedTogetherInFileOrder() {
    List<ScenarioError> e = errors("""
        {"name": "x", "duration": "-1s",
         "clients": {"rate": 0},
         "tiers": {"web": {"kind": "stateless", "nodes": 2.5, "coers": 4, "work": "1ms"}}}
        """);
    assertThat(e).extracting(ScenarioError::jsonPath)
        .containsExactly("duration", "clients.rate", "tiers.web.nodes", "tiers.web.coers");
    assertThat(e).extracting(ScenarioError::line).containsExactly(1, 2, 3, 3);
    assertThat(e.get(0).column()).isEqualTo(27);
    assertThat(e.get(3).hint()).isEqualTo("did you mean 'cores'?");
  }

  @Test
  void missingRequiredKeys_pointAtTheEnclosingObject() {
    List<ScenarioError> e = errors("{\"tiers\": {\"web\": {\"nodes\": 2}}}");
    assertThat(e).extracting(ScenarioError::message).anyMatch(m -> m.contains("'name'"))
        .anyMatch(m -> m.contains("'duration'")).noneMatch(m -> m.contains("'clients'"))
        .anyMatch(m -> m.contains("'kind'")).anyMatch(m -> m.contains("'work'"));
    ScenarioError work = e.stream().filter(x -> x.message().contains("'work'")).findFirst()
        .orElseThrow();
    assertThat(work.jsonPath()).isEqualTo("tiers.web");
    assertThat(work.column()).isEqualTo(19);
  }

  @Test
  void warmupNotShorterThanDuration_isAnError() {
    List<ScenarioError> e = errors("""
        {"name": "x", "duration": "1m", "warmup": "1m", "clients": {"rate": 1},
         "tiers": {"t": {"kind": "stateless", "work": "1ms"}}}""");
    assertThat(e).singleElement().extracting(ScenarioError::jsonPath).isEqualTo("warmup");
  }

  @Test
  void swim_withHeartbeats_orAProbeTimeoutFillingThePeriod_isAnError() {
    List<ScenarioError> both = errors("""
        {"name": "x", "duration": "1m",
         "tiers": {"db": {"kind": "kv", "nodes": 5,
                          "heartbeat": {"interval": "1s", "timeout": "3s"},
                          "swim": {"period": "1s"}}}}""");
    assertThat(both).singleElement().satisfies(e -> {
      assertThat(e.jsonPath()).isEqualTo("tiers.db.swim");
      assertThat(e.message()).contains("one failure detector");
      assertThat(e.line()).isEqualTo(4);
    });
    List<ScenarioError> slow = errors("""
        {"name": "x", "duration": "1m",
         "tiers": {"db": {"kind": "kv", "nodes": 5,
                          "swim": {"period": "1s", "probeTimeout": "1s", "indirectProbes": 99}}}}""");
    assertThat(slow).extracting(ScenarioError::jsonPath).containsExactly(
        "tiers.db.swim.probeTimeout", "tiers.db.swim.indirectProbes");
    assertThat(slow.get(0).hint()).contains("a fifth");
  }

  @Test
  void wrongTypes_sayWhatWasExpectedAndFound() {
    List<ScenarioError> e = errors("""
        {"name": 7, "duration": 30, "clients": {"rate": "fast"},
         "tiers": {"t": {"kind": "stateless", "work": 5, "speed": true}}}""");
    assertThat(e).extracting(ScenarioError::message).containsExactly(
        "expected a string, got 7 (a number)",
        "expected a duration string, got 30 (a number)",
        "expected a rate > 0 or a list of rate steps, got \"fast\" (a string)",
        "expected a duration like \"8ms\" or a distribution like {\"dist\": \"exponential\", "
            + "\"mean\": \"8ms\"}, got 5 (a number)",
        "expected a number > 0, got true (a boolean)");
    assertThat(e.get(1).hint()).contains("\"30s\"");
  }

  @Test
  void errorInAVariant_pointsIntoTheVariantsSection() {
    List<ScenarioError> e = errors("""
        {"name": "x", "duration": "1m", "clients": {"rate": 1},
         "tiers": {"t": {"kind": "stateless", "work": "1ms"}},
         "variants": {
           "big": {"tiers": {"t": {"cores": -4}}}
         }}""");
    assertThat(e).singleElement().satisfies(err -> {
      assertThat(err.jsonPath()).isEqualTo("tiers.t.cores (from variant 'big')");
      assertThat(err.line()).isEqualTo(4);
      assertThat(err.column()).isEqualTo(37);
    });
  }

  @Test
  void reservedOrMalformedVariantNames_areErrors() {
    List<ScenarioError> e = errors("""
        {"name": "x", "duration": "1m", "clients": {"rate": 1},
         "tiers": {"t": {"kind": "stateless", "work": "1ms"}},
         "variants": {"base": {}, "two": 2}}""");
    assertThat(e).extracting(ScenarioError::jsonPath)
        .containsExactly("variants.base", "variants.two");
  }

  @Test
  void format_namesFileLineColumnPathAndHint() {
    ScenarioError err = new ScenarioError("s.json", 3, 7, "tiers.web.cores", "bad", "fix it");
    assertThat(err.format()).isEqualTo("s.json:3:7: at tiers.web.cores: bad\n  hint: fix it");
    assertThat(new ScenarioError("s.json", 0, 0, "$", "gone", "").format())
        .isEqualTo("s.json: at $: gone");
  }
}
