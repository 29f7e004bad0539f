package dev.dsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dsim.run.ParallelRunner;
import dev.dsim.run.RunOptions;
import dev.dsim.run.Runner;
import dev.dsim.scenario.ProcessConstructionException;
import dev.dsim.scenario.Scenario;
import dev.dsim.scenario.ScenarioLoader;
import dev.dsim.world.Context;
import dev.dsim.world.Message;
import dev.dsim.world.Process;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A user's process whose constructor throws during a run (a node's restart builds it again) is
 * the user's error: it names their class and tier, stops a parallel run at once, and the CLI
 * says so with exit 2 rather than calling it a dsim bug.
 */
final class ConstructorFailureTest {
  /** Throws once armed: binding builds it fine, the run's first node start does not. */
  public static final class Fragile implements Process {
    static volatile boolean armed;

    public Fragile(Map<String, Object> settings) {
      if (armed) {
        throw new IllegalArgumentException("timeout must be positive");
      }
    }

    @Override
    public void onMessage(Context ctx, Message message) {}
  }

  @AfterEach
  void disarm() {
    Fragile.armed = false;
  }

  private static Scenario scenario() throws Exception {
    return ScenarioLoader.parse("fragile.json", """
        {"name": "fragile", "duration": "2s",
         "tiers": {"p": {"kind": "process", "nodes": 2,
                         "class": "dev.dsim.cli.ConstructorFailureTest$Fragile"}}}
        """).resolve(null);
  }

  @Test
  void aRunNamesTheClassAndTheTier() throws Exception {
    Scenario s = scenario();
    Fragile.armed = true;
    assertThatThrownBy(() -> Runner.run(s, 1, RunOptions.defaults()))
        .isInstanceOf(ProcessConstructionException.class)
        .hasMessageContaining("ConstructorFailureTest$Fragile's constructor threw "
            + "IllegalArgumentException: timeout must be positive")
        .satisfies(e -> assertThat(((ProcessConstructionException) e).tier()).isEqualTo("p"));
  }

  @Test
  void aParallelRunStopsAtOnce_andPassesItOn() throws Exception {
    Scenario s = scenario();
    Fragile.armed = true;
    List<ParallelRunner.Job> jobs = new ArrayList<>();
    for (long seed = 1; seed <= 200; seed++) {
      jobs.add(new ParallelRunner.Job(s, seed));
    }
    ParallelRunner runner = new ParallelRunner(2, RunOptions.defaults());
    assertThatThrownBy(() -> runner.run(jobs, r -> false, 0, null))
        .isInstanceOf(ProcessConstructionException.class);
    assertThat(runner.aborted()).isTrue();
  }

  @Test
  void theCliSaysWhoseErrorItIs() throws Exception {
    StringWriter text = new StringWriter();
    ProcessConstructionException e = new ProcessConstructionException("p", "com.example.Leader",
        new IllegalArgumentException("timeout must be positive"));
    int code = Main.userConstructorFailed(new PrintWriter(text), java.nio.file.Path.of("x.json"),
        e);
    assertThat(code).isEqualTo(2);
    assertThat(text.toString()).startsWith("error: x.json: com.example.Leader's constructor "
        + "threw IllegalArgumentException: timeout must be positive (tier p)")
        .contains("hint: fix com.example.Leader's constructor").doesNotContain("internal error");
  }
}
