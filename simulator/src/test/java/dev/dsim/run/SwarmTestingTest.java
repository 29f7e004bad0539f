package dev.dsim.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsim.fault.FaultPlan;
import dev.dsim.fault.Swarm;
import dev.dsim.report.ResultsJson;
import dev.dsim.scenario.Scenario;
import dev.dsim.scenario.ScenarioLoader;
import dev.dsim.scenario.ScenarioWriter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Swarm testing finds a bug that one kind of fault hides. {@link LeakySessionServer} leaks a
 * session slot per successful request and rejects everything once its slots are gone, about 28
 * s into an uninterrupted uptime; the crash nemesis restarts every server every 2 s or so, which
 * empties the table. With every random kind on, no seed fails; with swarm testing, half the
 * seeds run without crashes and fail.
 */
final class SwarmTestingTest {
  static final Path LEAKY = Path.of("src/test/resources/swarm/leaky-sessions.json");
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Seeds tried with every kind on. */
  private static final int ALL_ON_SEEDS = 200;
  /** Seeds swarm testing gets to find the bug. */
  private static final int SWARM_SEEDS = 20;

  static Scenario allOn;
  static Scenario swarm;

  @BeforeAll
  static void load() throws Exception {
    allOn = ScenarioLoader.load(LEAKY).resolve(null);
    swarm = allOn.withFaults(allOn.faults().withSwarm(true));
  }

  private static boolean failed(RunResult r) {
    return r.expectations().stream().anyMatch(e -> !e.ok());
  }

  private static List<CompletedRun> runs(Scenario s, int seeds) throws InterruptedException {
    List<ParallelRunner.Job> jobs = new ArrayList<>();
    for (long seed = 1; seed <= seeds; seed++) {
      jobs.add(new ParallelRunner.Job(s, seed));
    }
    List<CompletedRun> done = new ArrayList<>();
    for (ParallelRunner.Outcome o : new ParallelRunner(2, RunOptions.defaults())
        .run(jobs, run -> failed(run.result()), 0, (i, o, n, total) -> { })) {
      assertThat(o.error()).as("seed %d", o.job().seed()).isNull();
      done.add(o.run());
    }
    return done;
  }

  @Test
  void everyKindOn_neverFails_swarmFindsTheBugInAFewSeeds_withTheMaskingKindOff()
      throws InterruptedException {
    assertThat(Swarm.kinds(allOn.faults()))
        .containsExactly("crash", "partition", "slow", "degrade", "clockJump");
    List<CompletedRun> everyKind = runs(allOn, ALL_ON_SEEDS);
    long allOnFailures = everyKind.stream().filter(r -> failed(r.result())).count();
    assertThat(allOnFailures).as("failures in %d seeds with every kind on", ALL_ON_SEEDS)
        .isZero();
    assertThat(everyKind.get(0).result().swarm()).isNull();

    List<CompletedRun> swarmed = runs(swarm, SWARM_SEEDS);
    long firstFailing = -1;
    int failures = 0;
    for (CompletedRun run : swarmed) {
      RunResult r = run.result();
      assertThat(r.swarm()).isNotNull();
      assertThat(r.swarm().enabled()).isNotEmpty();
      if (failed(r)) {
        failures++;
        firstFailing = firstFailing < 0 ? r.seed() : firstFailing;
        // The masking kind is off in every failing run ...
        assertThat(r.swarm().disabled()).as("seed %d", r.seed()).contains("crash");
        assertThat(r.faults()).noneMatch(f -> f.kind().equals("crash"));
      } else {
        // ... and on in every passing one: nothing else finds or hides this bug.
        assertThat(r.swarm().enabled()).as("seed %d", r.seed()).contains("crash");
      }
    }
    assertThat(firstFailing).as("the first failing seed with swarm testing")
        .isBetween(1L, 5L);
    assertThat(failures).isGreaterThanOrEqualTo(SWARM_SEEDS / 4);
  }

  @Test
  void aSwarmRun_isTheRunOfItsDrawnKindsAlone_andDeterministic() {
    for (long seed = 1; seed <= 6; seed++) {
      RunResult r = Runner.run(swarm, seed, RunOptions.defaults()).result();
      assertThat(Runner.run(swarm, seed, RunOptions.defaults()).result()).isEqualTo(r);
      // The swarm's stream feeds nothing else, and each nemesis draws from a stream named by
      // its kind: the plan of the enabled kinds alone, without swarm, is the same run.
      FaultPlan p = swarm.faults();
      List<FaultPlan.RandomFault> on = new ArrayList<>();
      for (FaultPlan.RandomFault f : p.random()) {
        if (r.swarm().enabled().contains(Swarm.kindOf(f.fault()))) {
          on.add(f);
        }
      }
      Scenario plain = swarm.withFaults(new FaultPlan(p.schedule(),
          r.swarm().enabled().contains("crash") ? p.randomCrash() : null, on));
      RunResult same = Runner.run(plain, seed, RunOptions.defaults()).result();
      assertThat(same.traceHash()).as("seed %d", seed).isEqualTo(r.traceHash());
      assertThat(same.swarm()).isNull();
    }
  }

  @Test
  void resultsJson_listsTheKindsEnabledAndDisabled_onlyUnderSwarm() throws Exception {
    RunResult r = Runner.run(swarm, 1, RunOptions.defaults()).result();
    JsonNode tree = JSON.readTree(ResultsJson.toJson(r));
    JsonNode s = tree.get("swarm");
    assertThat(s).isNotNull();
    List<String> enabled = new ArrayList<>();
    s.get("enabled").forEach(n -> enabled.add(n.asText()));
    List<String> disabled = new ArrayList<>();
    s.get("disabled").forEach(n -> disabled.add(n.asText()));
    assertThat(enabled).isEqualTo(r.swarm().enabled()).isNotEmpty();
    assertThat(disabled).isEqualTo(r.swarm().disabled());
    List<String> all = new ArrayList<>(enabled);
    all.addAll(disabled);
    assertThat(all).containsExactlyInAnyOrderElementsOf(Swarm.kinds(swarm.faults()));
    JsonNode plain = JSON.readTree(ResultsJson.toJson(
        Runner.run(allOn, 1, RunOptions.defaults()).result()));
    assertThat(plain.has("swarm")).isFalse();
  }

  @Test
  void aResolvedSwarmScenario_runsTheSameRun() throws Exception {
    long seed = 2;
    RunResult r = Runner.run(swarm, seed, RunOptions.defaults()).result();
    String text = ScenarioWriter.write(swarm.withSeed(seed), ScenarioWriter.Style.EXPLICIT);
    assertThat(JSON.readTree(text).get("faults").get("swarm").asBoolean()).isTrue();
    Scenario back = ScenarioLoader.parse("resolved", text).resolve(null);
    assertThat(back.faults().swarm()).isTrue();
    assertThat(Runner.run(back, seed, RunOptions.defaults()).result().traceHash())
        .isEqualTo(r.traceHash());
  }

  @Test
  void shrinkingASwarmFailure_keepsOnlyTheDrawnKinds() {
    long seed = -1;
    for (long s = 1; seed < 0; s++) {
      if (failed(Runner.run(swarm, s, RunOptions.defaults()).result())) {
        seed = s;
      }
    }
    RunResult failing = Runner.run(swarm, seed, RunOptions.defaults()).result();
    List<String> progress = new ArrayList<>();
    Shrinker.Outcome o = Shrinker.shrink(swarm, seed, RunOptions.defaults(), progress::add, 40);
    assertThat(progress).anyMatch(l -> l.contains("swarm testing's draw") && l.contains(
        "still fails"));
    FaultPlan shrunk = o.minimal().faults();
    assertThat(shrunk.swarm()).isFalse();
    // The enabled kinds' draws became a schedule, which ddmin empties: the leak needs no fault
    // at all, only the absence of the crashes that would have cleared it.
    assertThat(shrunk.randomCrash()).isNull();
    assertThat(shrunk.random()).isEmpty();
    assertThat(shrunk.schedule()).isEmpty();
    assertThat(failing.swarm().disabled()).contains("crash");
    assertThat(failed(o.result())).isTrue();
  }
}
