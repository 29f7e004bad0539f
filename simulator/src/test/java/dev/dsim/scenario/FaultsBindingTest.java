package dev.dsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dsim.fault.Fault;
import dev.dsim.fault.FaultPlan;
import dev.dsim.fault.Lasting;
import dev.dsim.fault.Target;
import java.util.List;
import org.junit.jupiter.api.Test;

final class FaultsBindingTest {
  private static final String HEAD = """
      {"name": "f", "duration": "10m", "clients": {"rate": 10},
       "tiers": {"web": {"kind": "stateless", "nodes": 3, "work": "1ms"},
                 "db": {"kind": "stateless", "nodes": 2, "work": "1ms"}},
       "faults": %s}
      """;

  private static FaultPlan bind(String faults) throws Exception {
    return ScenarioLoader.parse("f.json", HEAD.formatted(faults)).resolve(null).faults();
  }

  private static FaultPlan.Scheduled at(long nanos, Fault f) {
    return new FaultPlan.Scheduled(nanos, f);
  }

  private static Target all(String... names) {
    return new Target.All(List.of(names));
  }

  private static Lasting lasting(long nanos) {
    return Lasting.forNanos(nanos);
  }

  private static List<ScenarioError> errors(String faults) {
    return catchThrowableOfType(ScenarioException.class,
        () -> ScenarioLoader.parse("f.json", HEAD.formatted(faults))).errors();
  }

  @Test
  void everyScheduledKind_binds() throws Exception {
    FaultPlan f = bind("""
        {"schedule": [
          {"at": "1m", "crash": "web-2", "restartAfter": "30s"},
          {"at": "2m", "partition": [["db-1"], ["db-2", "web"]], "for": "1m"},
          {"at": "3m", "partition": [["lb"], ["web"]], "oneWay": true},
          {"at": "4m", "isolate": "random:db", "for": "10s"},
          {"at": "5m", "slow": ["web-1", "web-3"], "factor": 10, "for": "2m"},
          {"at": "6m", "crash": "db"},
          {"at": "7m", "clockJump": "db-1", "by": "-2s"},
          {"at": "8m", "clockDrift": "client-1", "ppm": 500, "for": "1m"},
          {"at": "9m", "degrade": "web", "latency": "20ms", "loss": 0.1},
          {"at": "10m", "crash": "db-1", "restartAfter": "1m", "wipe": true},
          {"at": "11m", "corrupt": "db", "blocks": 3, "sectors": 1},
          {"at": "12m", "corrupt": "db-2", "messages": 0.01, "for": "1m"},
          {"at": "13m", "slow": "db-1", "factor": 4, "resource": "disk"}
        ]}""");
    long s = 1_000_000_000L;
    assertThat(f.schedule()).containsExactly(
        at(60 * s, new Fault.Crash(all("web-2"), lasting(30 * s), false)),
        at(120 * s, new Fault.Partition(List.of(all("db-1"), all("db-2", "web")), false,
            lasting(60 * s))),
        at(180 * s, new Fault.Partition(List.of(all("lb"), all("web")), true,
            Lasting.forever())),
        at(240 * s, new Fault.Isolate(new Target.OneOf(List.of("db")), lasting(10 * s))),
        at(300 * s, new Fault.Slow(all("web-1", "web-3"), 10, lasting(120 * s), true, true)),
        at(360 * s, new Fault.Crash(all("db"), Lasting.forever(), false)),
        at(420 * s, new Fault.ClockJump(all("db-1"), -2 * s)),
        at(480 * s, new Fault.ClockDrift(all("client-1"), 500, lasting(60 * s))),
        at(540 * s, new Fault.Degrade(all("web"), 20_000_000, 0.1, Lasting.forever())),
        at(600 * s, new Fault.Crash(all("db-1"), lasting(60 * s), true)),
        at(660 * s, new Fault.Corrupt(all("db"), 3, 1, 0, Lasting.forever())),
        at(720 * s, new Fault.Corrupt(all("db-2"), 0, 0, 0.01, lasting(60 * s))),
        at(780 * s, new Fault.Slow(all("db-1"), 4, Lasting.forever(), false, true)));
    assertThat(f.randomCrash()).isNull();
    assertThat(f.random()).isEmpty();
  }

  @Test
  void randomCrash_bindsWithDefaults() throws Exception {
    FaultPlan f = bind("{\"random\": {\"crash\": {\"mttf\": \"6h\", \"mttr\": \"10m\"}}}");
    assertThat(f.randomCrash().candidates()).isEqualTo(all("web", "db"));
    assertThat(f.randomCrash().maxDown()).isEqualTo(1);
    assertThat(f.randomCrash().mttfNanos()).isEqualTo(6 * 3600 * 1_000_000_000L);
  }

  @Test
  void unknownTarget_suggestsTheClosestNode() {
    List<ScenarioError> e = errors("{\"schedule\": [{\"at\": \"1m\", \"crash\": \"web-7\"}]}");
    assertThat(e).singleElement().satisfies(err -> {
      assertThat(err.jsonPath()).isEqualTo("faults.schedule[0].crash");
      assertThat(err.message()).isEqualTo("no node or tier named 'web-7'");
      assertThat(err.hint()).isEqualTo("tier web has 3 nodes, web-1 to web-3");
      assertThat(err.line()).isEqualTo(4);
    });
  }

  @Test
  void entryWithoutAKind_orWithTwo_isAnError() {
    assertThat(errors("{\"schedule\": [{\"at\": \"1m\"}]}")).singleElement()
        .extracting(ScenarioError::message).asString().startsWith("expected a fault");
    assertThat(errors("{\"schedule\": [{\"at\": \"1m\", \"crash\": \"web-1\", "
        + "\"slow\": \"web-2\"}]}")).singleElement()
        .extracting(ScenarioError::message).asString().contains("one fault per entry");
  }

  @Test
  void randomPartitionSlowAndCorrupt_bindWithTheirIntervals() throws Exception {
    FaultPlan f = bind("""
        {"random": {
          "partition": {"mtbf": "2h", "for": "1m"},
          "slow": {"rate": "3/h", "for": "5m", "factor": 20, "targets": "web"},
          "corrupt": {"rate": 0.5, "blocks": 2, "targets": ["db-1", "db-2"]}}}""");
    long s = 1_000_000_000L;
    assertThat(f.random()).containsExactly(
        new FaultPlan.RandomFault(7200 * s, new Fault.Split(all("web", "db"), lasting(60 * s))),
        new FaultPlan.RandomFault(1200 * s, new Fault.Slow(all("web"), 20, lasting(300 * s),
            true, true)),
        new FaultPlan.RandomFault(2 * s, new Fault.Corrupt(all("db-1", "db-2"), 2, 0, 0,
            Lasting.forever())));
  }

  @Test
  void swarm_isOffByDefault_andOnlyChoosesAmongTheRandomKinds() throws Exception {
    String crash = "\"crash\": {\"mttf\": \"6h\", \"mttr\": \"10m\"}";
    assertThat(bind("{\"random\": {" + crash + "}}").swarm()).isFalse();
    FaultPlan on = bind("{\"random\": {" + crash + "}, \"swarm\": true}");
    assertThat(on.swarm()).isTrue();
    assertThat(on.withSwarm(false)).isEqualTo(bind("{\"random\": {" + crash + "}}"));
    assertThat(bind("{\"random\": {" + crash + "}, \"swarm\": false}").swarm()).isFalse();
    assertThat(bind("{\"swarm\": false}").hasRandom()).isFalse();
  }

  @Test
  void swarmsKinds_areTheRandomKindsOfTheFormat_inItsOrder() {
    assertThat(dev.dsim.fault.Swarm.KINDS)
        .isEqualTo(ModelKeys.of(dev.dsim.scenario.format.RandomFaults.class));
  }

  @Test
  void swarm_withoutRandomKinds_isALocatedError() {
    for (String faults : List.of("{\"schedule\": [{\"at\": \"1m\", \"crash\": \"web-1\"}],\n"
        + " \"swarm\": true}", "{\"random\": {}, \"swarm\": true}", "{\"swarm\": true}")) {
      assertThat(errors(faults)).as(faults).singleElement().satisfies(e -> {
        assertThat(e.jsonPath()).isEqualTo("faults.swarm");
        assertThat(e.line()).isPositive();
        assertThat(e.column()).isPositive();
        assertThat(e.message()).contains("swarm testing", "\"faults.random\"", "none");
        assertThat(e.hint()).contains("\"random\": {", "drop \"swarm\"");
      });
    }
    // A kind with a mistake of its own is still a kind: only its own error is reported.
    assertThat(errors("{\"random\": {\"corrupt\": {\"blocks\": 1}}, \"swarm\": true}"))
        .singleElement().extracting(ScenarioError::jsonPath).isEqualTo("faults.random.corrupt");
    assertThat(errors("{\"random\": {\"crash\": {\"mttf\": \"6h\", \"mttr\": \"1m\"}}, "
        + "\"swarm\": \"yes\"}")).singleElement().satisfies(e ->
            assertThat(e.message()).contains("expected true or false"));
  }

  @Test
  void randomRate_countsPerADurationWithOrWithoutANumber() throws Exception {
    long s = 1_000_000_000L;
    assertThat(bind("""
        {"random": {"slow": {"rate": "2/10m", "for": "1m", "factor": 2}}}""").random().get(0)
        .meanIntervalNanos()).isEqualTo(300 * s);
    assertThat(bind("""
        {"random": {"slow": {"rate": "6/h", "for": "1m", "factor": 2}}}""").random().get(0)
        .meanIntervalNanos()).isEqualTo(600 * s);
  }

  @Test
  void everyScheduledKind_canBeRandom() throws Exception {
    FaultPlan f = bind("""
        {"random": {
          "isolate": {"mtbf": "1h", "for": "1m", "targets": "db"},
          "degrade": {"mtbf": "1h", "for": "1m", "latency": "5ms", "loss": 0.1},
          "clockJump": {"mtbf": "1h", "by": "-1s"},
          "clockDrift": {"mtbf": "1h", "for": "1m", "ppm": 100}}}""");
    long s = 1_000_000_000L;
    assertThat(f.random()).extracting(FaultPlan.RandomFault::fault).containsExactly(
        new Fault.Isolate(all("db"), lasting(60 * s)),
        new Fault.Degrade(all("web", "db"), 5_000_000, 0.1, lasting(60 * s)),
        new Fault.ClockJump(all("web", "db"), -s),
        new Fault.ClockDrift(all("web", "db"), 100, lasting(60 * s)));
  }

  @Test
  void randomFaults_needExactlyOneOfMtbfAndRate_andAPartitionNeedsTwoNodes() {
    assertThat(errors("{\"random\": {\"corrupt\": {\"blocks\": 1}}}")).singleElement()
        .extracting(ScenarioError::message).asString().contains("exactly one of \"mtbf\"");
    assertThat(errors("{\"random\": {\"corrupt\": {\"rate\": \"often\"}}}")).singleElement()
        .extracting(ScenarioError::jsonPath).isEqualTo("faults.random.corrupt.rate");
    assertThat(errors("{\"random\": {\"partition\": {\"mtbf\": \"1h\", \"for\": \"1m\", "
        + "\"targets\": \"db-1\"}}}")).singleElement()
        .extracting(ScenarioError::message).asString().contains("at least two nodes");
  }

  @Test
  void corruptThatDamagesNothing_orHealsDisk_isAnError() {
    assertThat(errors("{\"schedule\": [{\"at\": \"1m\", \"corrupt\": \"db-1\"}]}"))
        .singleElement().extracting(ScenarioError::message).asString()
        .contains("damages nothing");
    assertThat(errors("{\"schedule\": [{\"at\": \"1m\", \"corrupt\": \"db-1\", "
        + "\"blocks\": 1, \"for\": \"1m\"}]}")).singleElement()
        .extracting(ScenarioError::jsonPath).isEqualTo("faults.schedule[0].for");
  }

  @Test
  void kindSpecificKeys_areCheckedPerKind() {
    List<ScenarioError> e = errors("""
        {"schedule": [{"at": "1m", "crash": "web-1", "for": "1m"},
                      {"at": "1m", "slow": "web-1"},
                      {"at": "1m", "partition": [["web-1"], ["web-1", "db-1"]]}]}""");
    assertThat(e).extracting(ScenarioError::message).containsExactly(
        "unknown key 'for'",
        "missing required key 'factor' (how many times slower, a number >= 1)",
        "'web-1' is in two groups");
  }

  @Test
  void randomTargetInAList_isAnError() {
    assertThat(errors("{\"schedule\": [{\"at\": \"1m\", \"crash\": [\"random:web\", \"db-1\"]}]}"))
        .singleElement().extracting(ScenarioError::message).asString()
        .contains("must stand alone");
  }
}
