package dev.dsim.run;

import dev.dsim.scenario.Scenario;
import dev.dsim.scenario.ScenarioFile;
import dev.dsim.scenario.ScenarioLoader;
import java.nio.file.Path;

/** Runs the scenarios shipped in {@code scenarios/} for tests that check what they promise. */
final class ShippedScenarios {
  private ShippedScenarios() {}

  /** One run of {@code file}'s {@code variant} (null: the base) with the scenario's seed. */
  static RunResult run(String file, String variant) throws Exception {
    ScenarioFile f = ScenarioLoader.load(Path.of("..", "scenarios", file));
    Scenario s = f.resolve(variant);
    return Runner.run(s, s.seed(), RunOptions.defaults()).result();
  }

  /** The node named {@code name} in a run's results. */
  static RunResult.NodeResult node(RunResult r, String name) {
    return r.nodes().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
  }
}
