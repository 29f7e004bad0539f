package dev.dsim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dsim.scenario.Scenario;
import dev.dsim.scenario.ScenarioLoader;
import dev.dsim.scenario.ScenarioOverride;
import dev.dsim.scenario.ScenarioWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shrinker turns a random-crash kv failure (fsync never, five crashes of the store in two
 * minutes) into a scenario of a handful of explicit faults that fails the same way, proven by
 * running it again, here from its written JSON.
 */
final class ShrinkerTest {
  private static Scenario failing() throws Exception {
    return ScenarioLoader.load(Path.of("..", "scenarios", "fsync-durability.json"),
        ScenarioOverride.parseAll(List.of("duration=2m",
            "faults={\"random\":{\"crash\":{\"mttf\":\"30s\",\"mttr\":\"3s\","
                + "\"targets\":[\"db\"],\"maxDown\":2}}}"))).resolve("never");
  }

  @Test
  void aRandomCrashFailure_shrinksToAFewExplicitCrashes_thatStillFail() throws Exception {
    Scenario s = failing();
    List<String> progress = new ArrayList<>();
    Shrinker.Outcome o = Shrinker.shrink(s, 1, RunOptions.defaults(), progress::add, 100);
    assertThat(o.failing()).containsExactly("consistency.lostWrites");
    assertThat(o.faultsBefore()).isGreaterThan(o.faultsAfter());
    assertThat(o.faultsAfter()).isBetween(1, 3);
    assertThat(o.minimal().faults().randomCrash()).as("the nemesis became a schedule").isNull();
    assertThat(o.minimal().faults().schedule()).hasSize(o.faultsAfter());
    assertThat(o.minimal().clients()).isNotEqualTo(s.clients()); // load lowered too
    assertThat(progress.get(0)).contains("fails consistency.lostWrites");
    assertThat(progress).anyMatch(line -> line.endsWith("still fails"))
        .anyMatch(line -> line.endsWith("passes"));

    // Written and read back, the shrunk scenario fails the same way on its own.
    Scenario reread = ScenarioLoader.parse("shrunk",
        ScenarioWriter.write(o.minimal(), ScenarioWriter.Style.CONCISE)).resolve(null);
    RunResult again = Runner.run(reread, 1, RunOptions.defaults()).result();
    assertThat(again.expectations()).anyMatch(e -> e.metric().equals("consistency.lostWrites")
        && !e.ok());
    assertThat(again.traceHash()).isEqualTo(o.result().traceHash());
  }

  /**
   * Five nemeses at once (crashes, splits, slow spells, clock jumps, degraded links) on a
   * six-node store that never fsyncs: thirty drawn faults. Every nemesis becomes a schedule,
   * ddmin keeps the one crash that loses writes, and the store goes down to the nodes that
   * crash still names.
   */
  @Test
  void everyNemesis_becomesASchedule_andTheNodeCountIsLowered() throws Exception {
    Scenario s = ScenarioLoader.parse("nemesis-kv", """
        {"name": "nemesis-kv", "duration": "2m", "warmup": "1s",
         "clients": {"rate": 100, "reads": 0.5, "keys": 1000, "timeout": "1s"},
         "tiers": {"db": {"kind": "kv", "nodes": 6, "replication": 1, "fsync": "never"}},
         "faults": {"random": {
           "crash": {"mttf": "2m", "mttr": "3s", "maxDown": 2},
           "partition": {"mtbf": "20s", "for": "5s"},
           "slow": {"mtbf": "20s", "for": "5s", "factor": 10},
           "clockJump": {"mtbf": "30s", "by": "1s"},
           "degrade": {"mtbf": "20s", "for": "5s", "latency": "5ms", "loss": 0.01}}},
         "expect": {"lostWrites": "== 0"}}
        """).resolve(null);
    List<String> progress = new ArrayList<>();
    Shrinker.Outcome o = Shrinker.shrink(s, 1, RunOptions.defaults(), progress::add, 100);
    RunResult before = Runner.run(s, 1, RunOptions.defaults()).result();
    assertThat(before.faults()).extracting(RunResult.FaultRecord::kind)
        .contains("crash", "partition", "slow", "clock-jump", "degrade");
    assertThat(progress.get(1)).contains("drawn fault(s) as a schedule").endsWith("still fails");
    assertThat(o.faultsBefore()).isEqualTo(before.faults().size()).isGreaterThan(10);
    assertThat(o.faultsAfter()).isBetween(1, 3);
    assertThat(o.minimal().faults().random()).as("no nemesis is left").isEmpty();
    assertThat(o.minimal().faults().randomCrash()).isNull();
    assertThat(o.minimal().faults().schedule()).extracting(f -> f.fault().kind())
        .contains("crash");
    assertThat(o.nodesBefore()).isEqualTo(6);
    assertThat(o.nodesAfter()).isLessThan(6)
        .isEqualTo(o.minimal().tiers().get("db").nodes());

    // The text is what the command writes; read on its own, it fails with the same hash.
    RunResult again = Runner.run(ScenarioLoader.parse("shrunk", o.text()).resolve(null), 1,
        RunOptions.defaults()).result();
    assertThat(again.expectations()).anyMatch(e -> e.metric().equals("consistency.lostWrites")
        && !e.ok());
    assertThat(again.traceHash()).isEqualTo(o.result().traceHash());
  }

  @Test
  void aRunThatPasses_hasNothingToShrink() throws Exception {
    Scenario ok = ScenarioLoader.load(Path.of("..", "scenarios", "fsync-durability.json"))
        .resolve("always");
    assertThatThrownBy(() -> Shrinker.shrink(ok, 1, RunOptions.defaults(), line -> { }, 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no failure");
  }
}
