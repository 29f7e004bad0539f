package dev.dsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code --engine}: the main jar has only the local engine, and says where the Spark one is
 * (bad input, exit 2, before any run); {@code --master} without an engine to take it is a
 * usage error too. (The Spark engine's own test is in simulator/spark.)
 */
final class EngineOptionTest {
  private static final String SCENARIO = "../scenarios/health-checks.json";

  @Test
  void sparkAskedOfTheMainJar_pointsAtDsimSparkJar() {
    for (String command : new String[] {"sweep", "compare"}) {
      CliRunner.Result r = CliRunner.run(command, SCENARIO, "--seeds", "1", "--engine", "spark");
      assertThat(r.exitCode()).as(command).isEqualTo(2);
      assertThat(r.err()).contains("no engine 'spark'").contains("dsim-spark.jar")
          .contains("mvn -Pspark").doesNotContain("Exception");
    }
  }

  @Test
  void anUnknownEngine_orAMasterWithoutOne_isAUsageError() {
    CliRunner.Result unknown = CliRunner.run("sweep", SCENARIO, "--seeds", "1", "--engine",
        "flink");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("no engine 'flink'").contains("--engine local");
    CliRunner.Result master = CliRunner.run("sweep", SCENARIO, "--seeds", "1", "--master",
        "local[2]");
    assertThat(master.exitCode()).isEqualTo(2);
    assertThat(master.err()).contains("--master is for --engine spark");
    CliRunner.Result jobs = CliRunner.run("sweep", SCENARIO, "--seeds", "1", "--engine", "spark",
        "--jobs", "3");
    assertThat(jobs.exitCode()).isEqualTo(2);
    assertThat(jobs.err()).contains("--jobs is for --engine local").contains("local[3]");
  }
}
