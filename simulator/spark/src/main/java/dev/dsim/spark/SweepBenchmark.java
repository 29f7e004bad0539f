package dev.dsim.spark;

import dev.dsim.run.CompletedRun;
import dev.dsim.run.JobRunner;
import dev.dsim.run.ParallelRunner;
import dev.dsim.run.RunEngine;
import dev.dsim.run.RunOptions;
import dev.dsim.scenario.Scenario;
import dev.dsim.scenario.ScenarioException;
import dev.dsim.scenario.ScenarioLoader;
import dev.dsim.scenario.ScenarioOverride;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Seeds per second of the local runner and of Spark on the same work: {@code N} seeds of one
 * scenario (and variant), in rounds that alternate which engine goes first (A B, B A, ...), on
 * one JVM: the local runner on {@code --jobs} threads, Spark on {@code --master} (local[2] by
 * default, embedded). Prints each round, the medians, and the ratio; the Spark context's start
 * is timed apart (a sweep pays it once). The runs' trace hashes must agree between the engines
 * or it stops. Wall time and the whole process's CPU time (Spark's threads included) are both
 * given: these machines are shared, and CPU time varies less. {@code --stream} times the
 * engines as {@code sweep --dataset} uses them: each run digested where it ran and streamed to
 * the driver in job order, none kept (the case of a million small runs).
 *
 * <pre>java -jar simulator/spark/target/dsim-spark.jar benchmark scenarios/x.json
 *     [--variant V] [--seeds 32] [--rounds 3] [--jobs 2] [--master local[2]] [--set K=V]...
 *     [--stream]</pre>
 */
final class SweepBenchmark {
  private SweepBenchmark() {}

  static int run(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: benchmark SCENARIO.json [--variant V] [--seeds N] "
          + "[--rounds R] [--jobs J] [--master URL] [--set PATH=VALUE]... [--stream]");
      return 2;
    }
    Path file = Path.of(args[0]);
    String variant = null;
    int seeds = 32;
    int rounds = 3;
    int jobs = 2;
    String master = "local[2]";
    boolean stream = false;
    List<String> setArgs = new ArrayList<>();
    for (int i = 1; i < args.length; i += 2) {
      if (args[i].equals("--stream")) {
        stream = true;
        i--;
        continue;
      }
      if (i + 1 == args.length) {
        System.err.println(args[i] + " needs a value");
        return 2;
      }
      switch (args[i]) {
        case "--set" -> setArgs.add(args[i + 1]);
        case "--variant" -> variant = args[i + 1];
        case "--seeds" -> seeds = Integer.parseInt(args[i + 1]);
        case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
        case "--jobs" -> jobs = Integer.parseInt(args[i + 1]);
        case "--master" -> master = args[i + 1];
        default -> {
          System.err.println("unknown option " + args[i]);
          return 2;
        }
      }
    }
    Scenario s;
    List<ScenarioOverride> sets = new ArrayList<>();
    try {
      for (String a : setArgs) {
        sets.add(ScenarioOverride.parse(a));
      }
      s = ScenarioLoader.parse(file.toString(), java.nio.file.Files.readString(file), sets)
          .resolve(variant);
    } catch (ScenarioException e) {
      System.err.println(e.getMessage());
      return 2;
    }
    List<ParallelRunner.Job> work = new ArrayList<>();
    for (int i = 0; i < seeds; i++) {
      work.add(new ParallelRunner.Job(s, s.seed() + i));
    }
    RunOptions options = RunOptions.defaults();
    System.out.printf(Locale.ROOT, "%s%s%s: %d seeds, %d rounds%s; local on %d threads, Spark "
        + "on %s%n", file.getFileName(), variant == null ? "" : " / " + variant,
        setArgs.isEmpty() ? "" : " --set " + String.join(" --set ", setArgs), seeds, rounds, stream ? ", streamed" : "", jobs,
        master);
    long startWall = System.nanoTime();
    long startCpu = processCpuNanos();
    try (JobRunner spark = open(master, options)) {
      System.out.printf(Locale.ROOT, "Spark context start: %.2f s wall, %.2f s CPU%n",
          (System.nanoTime() - startWall) / 1e9, (processCpuNanos() - startCpu) / 1e9);
      // Warm-up: both engines run a few seeds first (JIT, Spark's first job).
      List<ParallelRunner.Job> few = work.subList(0, Math.min(4, work.size()));
      new ParallelRunner(jobs, options).run(few, r -> false, 0, null);
      spark.run(few, r -> false, 0, null);
      double[][] wall = new double[2][rounds];
      double[][] cpu = new double[2][rounds];
      String[] names = {"local", "spark"};
      List<String> reference = null;
      for (int round = 0; round < rounds; round++) {
        for (int k = 0; k < 2; k++) {
          int engine = (round + k) % 2;
          JobRunner runner = engine == 0 ? new ParallelRunner(jobs, options) : spark;
          long w0 = System.nanoTime();
          long c0 = processCpuNanos();
          List<String> hashes = stream ? streamed(runner, work)
              : hashes(runner.run(work, r -> false, 0, null));
          wall[engine][round] = (System.nanoTime() - w0) / 1e9;
          cpu[engine][round] = (processCpuNanos() - c0) / 1e9;
          if (reference == null) {
            reference = hashes;
          } else if (!reference.equals(hashes)) {
            System.err.println("the engines' runs differ: " + names[engine] + " gave other "
                + "trace hashes");
            return 3;
          }
          System.out.printf(Locale.ROOT, "round %d %-5s %7.2f s wall %7.2f s CPU  %6.2f seeds/s%n",
              round + 1, names[engine], wall[engine][round], cpu[engine][round],
              seeds / wall[engine][round]);
        }
      }
      double localWall = median(wall[0]);
      double sparkWall = median(wall[1]);
      System.out.printf(Locale.ROOT, "median local: %.2f seeds/s (%.3f CPU ms per seed)%n",
          seeds / localWall, 1e3 * median(cpu[0]) / seeds);
      System.out.printf(Locale.ROOT, "median spark: %.2f seeds/s (%.3f CPU ms per seed)%n",
          seeds / sparkWall, 1e3 * median(cpu[1]) / seeds);
      System.out.printf(Locale.ROOT, "spark / local seeds per second: %.2fx%n",
          localWall / sparkWall);
    }
    return 0;
  }

  private static JobRunner open(String master, RunOptions options) throws RunEngine.Unavailable {
    return new SparkEngine().open(master, options);
  }

  /** The trace hashes of a streamed sweep, in the order the sink heard of them. */
  private static List<String> streamed(JobRunner runner, List<ParallelRunner.Job> work)
      throws InterruptedException {
    List<String> out = new ArrayList<>(work.size());
    runner.stream(work, 0, 0, r -> out.add(r.digest() == null ? r.error()
        : r.digest().traceHash()), null);
    return out;
  }

  private static List<String> hashes(List<ParallelRunner.Outcome> outcomes) {
    List<String> out = new ArrayList<>();
    for (ParallelRunner.Outcome o : outcomes) {
      CompletedRun r = o.run();
      out.add(r == null ? o.error() : r.result().traceHash());
    }
    return out;
  }

  private static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  /** CPU time of the whole process (every thread), through JMX: HotSpot's attribute. */
  private static long processCpuNanos() {
    try {
      Object v = ManagementFactory.getPlatformMBeanServer().getAttribute(
          new ObjectName(ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME), "ProcessCpuTime");
      return v instanceof Long nanos ? nanos : -1;
    } catch (JMException e) {
      return -1;
    }
  }
}
