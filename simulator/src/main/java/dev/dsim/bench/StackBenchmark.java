package dev.dsim.bench;

import dev.dsim.run.CompletedRun;
import dev.dsim.run.RunOptions;
import dev.dsim.run.Runner;
import dev.dsim.scenario.Scenario;
import dev.dsim.scenario.ScenarioFile;
import dev.dsim.scenario.ScenarioLoader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Whole-stack speed: runs a scenario's variants (engine, network, CPUs, load balancer, clients,
 * metrics together) with warm-up rounds, then repeated measurements, one thread per run, and
 * prints per variant the median events and client requests simulated per second of the thread's
 * CPU time (steadier than wall time on a shared machine, printed beside it), and the bytes the
 * run allocated per event (the JVM's per-thread allocation counter: everything the run
 * allocated, set-up and results included, divided by the events fired).
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
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    boolean counting = ThreadAllocation.supported();
    ScenarioFile sf = ScenarioLoader.load(file);
    List<String> variants = sf.variantNames().isEmpty()
        ? java.util.Collections.singletonList(null) : sf.variantNames();
    System.out.printf(Locale.ROOT, "dsim stack benchmark: %s, JDK %s, %d processors, "
        + "warm-up %d, %d repetitions (median, min..max; rates per thread CPU second)%n", file,
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), warmup,
        reps);
    System.out.printf(Locale.ROOT, "%-18s %10s %10s %20s %22s %11s %12s%n", "variant",
        "events", "requests", "M events/CPU s", "k requests/CPU s", "wall M ev/s",
        "bytes/event");
    for (String v : variants) {
      Scenario s = sf.resolve(v);
      for (int i = 0; i < warmup; i++) {
        Runner.run(s, s.seed(), RunOptions.defaults());
      }
      double[] eventsPerCpu = new double[reps];
      double[] requestsPerCpu = new double[reps];
      double[] eventsPerWall = new double[reps];
      double[] bytesPerEvent = new double[reps];
      List<String> hashes = new ArrayList<>();
      CompletedRun last = null;
      for (int i = 0; i < reps; i++) {
        System.gc();
        long bytes0 = ThreadAllocation.currentThreadAllocatedBytes();
        long cpu0 = threads.getCurrentThreadCpuTime();
        last = Runner.run(s, s.seed(), RunOptions.defaults());
        double cpuSeconds = Math.max(1, threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        long bytes = counting ? ThreadAllocation.currentThreadAllocatedBytes() - bytes0 : -1;
        long events = last.result().simulated().events();
        eventsPerCpu[i] = events / cpuSeconds;
        requestsPerCpu[i] = last.result().requests().total() / cpuSeconds;
        eventsPerWall[i] = last.eventsPerWallSecond();
        bytesPerEvent[i] = bytes < 0 ? Double.NaN : (double) bytes / Math.max(1, events);
        hashes.add(last.result().traceHash());
      }
      if (hashes.stream().distinct().count() != 1) {
        throw new IllegalStateException("nondeterminism: hashes differ across repetitions "
            + hashes);
      }
      System.out.printf(Locale.ROOT, "%-18s %10d %10d %20s %22s %11.2f %12.0f%n",
          v == null ? "base" : v, last.result().simulated().events(),
          last.result().requests().total(), spread(eventsPerCpu, 1e6),
          spread(requestsPerCpu, 1e3), median(eventsPerWall) / 1e6, median(bytesPerEvent));
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static String spread(double[] values, double unit) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return String.format(Locale.ROOT, "%.2f (%.2f..%.2f)", sorted[sorted.length / 2] / unit,
        sorted[0] / unit, sorted[sorted.length - 1] / unit);
  }
}
