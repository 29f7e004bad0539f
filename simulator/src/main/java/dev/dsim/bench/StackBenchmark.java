package dev.dsim.bench;

import dev.dsim.run.CompletedRun;
import dev.dsim.run.RunOptions;
import dev.dsim.run.Runner;
import dev.dsim.scenario.Scenario;
import dev.dsim.scenario.ScenarioFile;
import dev.dsim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Whole-stack speed: runs a scenario's variants (engine, network, CPUs, load balancer, clients,
 * metrics together) with warm-up rounds, then repeated measurements, and prints the median
 * events and client requests simulated per second of wall-clock time, one thread per run.
 *
 * <pre>
 * mvn -q -DskipTests package
 * java -cp simulator/target/dsim.jar dev.dsim.bench.StackBenchmark scenarios/mmk-pooled-vs-split.json
 * </pre>
 *
 * <p>Arguments: {@code FILE [--warmup N] [--reps N]} (defaults 3 and 5). The trace hash of every
 * repetition is checked to be the same, so the benchmark also proves it measured the same run.
 */
public final class StackBenchmark {
  private StackBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: StackBenchmark FILE [--warmup N] [--reps N]");
      System.exit(2);
    }
    Path file = Path.of(args[0]);
    int warmup = 3;
    int reps = 5;
    for (int i = 1; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
        case "--reps" -> reps = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    ScenarioFile sf = ScenarioLoader.load(file);
    List<String> variants = sf.variantNames().isEmpty()
        ? java.util.Collections.singletonList(null) : sf.variantNames();
    System.out.printf(Locale.ROOT, "dsim stack benchmark: %s, JDK %s, %d processors, "
        + "warm-up %d, %d repetitions (median, min..max)%n", file,
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), warmup,
        reps);
    System.out.printf(Locale.ROOT, "%-18s %12s %12s %22s %24s%n", "variant", "events",
        "requests", "M events/s", "k requests/s");
    for (String v : variants) {
      Scenario s = sf.resolve(v);
      for (int i = 0; i < warmup; i++) {
        Runner.run(s, s.seed(), RunOptions.defaults());
      }
      double[] eventsPerSec = new double[reps];
      double[] requestsPerSec = new double[reps];
      List<String> hashes = new ArrayList<>();
      CompletedRun last = null;
      for (int i = 0; i < reps; i++) {
        last = Runner.run(s, s.seed(), RunOptions.defaults());
        eventsPerSec[i] = last.eventsPerWallSecond();
        requestsPerSec[i] = last.result().requests().total() / (last.wallNanos() / 1e9);
        hashes.add(last.result().traceHash());
      }
      if (hashes.stream().distinct().count() != 1) {
        throw new IllegalStateException("nondeterminism: hashes differ across repetitions "
            + hashes);
      }
      System.out.printf(Locale.ROOT, "%-18s %12d %12d %22s %24s%n", v == null ? "base" : v,
          last.result().simulated().events(), last.result().requests().total(),
          spread(eventsPerSec, 1e6), spread(requestsPerSec, 1e3));
    }
  }

  private static String spread(double[] values, double unit) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return String.format(Locale.ROOT, "%.2f (%.2f..%.2f)", sorted[sorted.length / 2] / unit,
        sorted[0] / unit, sorted[sorted.length - 1] / unit);
  }
}
