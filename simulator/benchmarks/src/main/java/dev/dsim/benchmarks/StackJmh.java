package dev.dsim.benchmarks;

import dev.dsim.run.CompletedRun;
import dev.dsim.run.RunOptions;
import dev.dsim.run.Runner;
import dev.dsim.scenario.Scenario;
import dev.dsim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: whole runs of shipped scenarios (clients, balancer, network, CPUs, disks, metrics), one
 * operation per run; with {@code -prof gc} JMH reports the bytes allocated per run. For events
 * and requests per CPU second and bytes per event, {@code dsim.bench.StackBenchmark} prints them
 * directly. Scenario files are found relative to the working directory (run from the checkout).
 *
 * <pre>java -jar simulator/benchmarks/target/dsim-benchmarks.jar jmh StackJmh -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@org.openjdk.jmh.annotations.Measurement(iterations = 5, time = 5)
@Fork(1)
public class StackJmh {
  @Param({"scenarios/mmk-pooled-vs-split.json#pooled", "scenarios/web-kv.json"})
  public String scenario;

  private Scenario resolved;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    int hash = scenario.indexOf('#');
    Path file = Path.of(hash < 0 ? scenario : scenario.substring(0, hash));
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(file.toAbsolutePath() + " not found: run from the "
          + "checkout's top directory");
    }
    resolved = ScenarioLoader.load(file).resolve(hash < 0 ? null : scenario.substring(hash + 1));
  }

  @Benchmark
  public long run() {
    CompletedRun r = Runner.run(resolved, resolved.seed(), RunOptions.defaults());
    return r.result().simulated().events();
  }
}
