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

  @Test
  void aRunThatPasses_hasNothingToShrink() throws Exception {
    Scenario ok = ScenarioLoader.load(Path.of("..", "scenarios", "fsync-durability.json"))
        .resolve("always");
    assertThatThrownBy(() -> Shrinker.shrink(ok, 1, RunOptions.defaults(), line -> { }, 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no failure");
  }
}
