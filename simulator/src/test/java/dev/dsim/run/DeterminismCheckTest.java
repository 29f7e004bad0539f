package dev.dsim.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsim.scenario.Scenario;
import dev.dsim.scenario.ScenarioLoader;
import dev.dsim.world.Context;
import dev.dsim.world.Message;
import dev.dsim.world.Process;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The determinism self-check: a shipped scenario's two runs agree event by event; a process that
 * leaks static state from one run into the next is caught at the first event where the runs
 * part, with both sides described.
 */
final class DeterminismCheckTest {
  /** Ticks every 10 ms, and once, on its 5th tick, waits longer if an earlier run did too. */
  public static final class Leaky implements Process {
    /** Shared by every run in the JVM: the bug. */
    static int ticksEver;
    private int ticks;

    @Override
    public void onStart(Context ctx) {
      ctx.setTimer(10_000_000, "tick");
    }

    @Override
    public void onMessage(Context ctx, Message message) {}

    @Override
    public void onTimer(Context ctx, Object tag) {
      ticks++;
      ticksEver++;
      boolean slower = ticks == 5 && ticksEver > 5;
      ctx.setTimer(slower ? 15_000_000 : 10_000_000, "tick");
    }
  }

  @Test
  void aShippedScenario_isDeterministic() throws Exception {
    Scenario s = ScenarioLoader.load(Path.of("..", "scenarios", "crash-restart.json"))
        .resolve(null);
    DeterminismCheck.Result r = DeterminismCheck.check(s, 5, RunOptions.defaults());
    assertThat(r.deterministic()).as(r.describe()).isTrue();
    assertThat(r.events()).isPositive();
    assertThat(r.describe()).contains("deterministic: two runs fired the same");
  }

  @Test
  void staticStateLeakingBetweenRuns_isNamedAtTheFirstEventWhereTheyPart() throws Exception {
    Leaky.ticksEver = 0;
    Scenario s = ScenarioLoader.parse("leaky", """
        {"name": "leaky", "duration": "1s",
         "tiers": {"p": {"kind": "process", "class": "%s"}}}
        """.formatted(Leaky.class.getName())).resolve(null);
    DeterminismCheck.Result r = DeterminismCheck.check(s, 1, RunOptions.defaults());
    assertThat(r.deterministic()).isFalse();
    // Start, four ticks at 10 ms intervals, the fifth tick at 50 ms sets a different timer, so
    // the sixth tick is the first event that differs: at 60 ms in the first run, 65 ms after.
    assertThat(r.first().number()).isEqualTo(r.second().number());
    assertThat(r.first().timeNanos()).isEqualTo(60_000_000);
    assertThat(r.second().timeNanos()).isEqualTo(65_000_000);
    assertThat(r.first().node()).isEqualTo("p-1");
    assertThat(r.describe()).contains("NOT deterministic", "first run:", "second run:",
        "at 60ms", "at 65ms", "summary");
  }
}
