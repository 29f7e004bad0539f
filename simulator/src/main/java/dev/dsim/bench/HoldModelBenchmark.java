package dev.dsim.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * The engine alone, on the classic hold model (N pending events; each fired event schedules one
 * more at now + Exp(1)), against two baselines measured in the same run: a naive
 * {@code java.util.PriorityQueue<Event>} loop and a hand-written binary heap on primitive arrays.
 * Prints the median events per second of several repetitions after warm-up, with min..max.
 *
 * <pre>
 * mvn -q -DskipTests package
 * java -cp simulator/target/dsim.jar dev.dsim.bench.HoldModelBenchmark
 * java -cp simulator/target/dsim.jar dev.dsim.bench.HoldModelBenchmark --sizes 1000,100000 \
 *     --events 20000000 --warmup 3 --reps 5
 * </pre>
 *
 * <p>Ratios against the baselines printed in the same run matter more than absolute figures on a
 * noisy machine (DESIGN.md, "Performance targets").
 */
public final class HoldModelBenchmark {
  private interface Contender {
    long run(int pending, long firings, long[] increments);
  }

  private HoldModelBenchmark() {}

  public static void main(String[] args) {
    int[] sizes = {1_000, 100_000};
    long events = 10_000_000;
    int warmup = 3;
    int reps = 5;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--sizes" -> sizes = Arrays.stream(args[i + 1].split(","))
            .mapToInt(Integer::parseInt).toArray();
        case "--events" -> events = Long.parseLong(args[i + 1]);
        case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
        case "--reps" -> reps = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + " (options: --sizes N,N --events N --warmup N --reps N)");
      }
    }
    long[] increments = HoldModel.increments(1 << 20, 42);
    System.out.printf(Locale.ROOT, "hold model: JDK %s (%s), %d processors, %d events per "
        + "repetition, %d warm-up, %d measured (median, min..max)%n",
        System.getProperty("java.version"), System.getProperty("java.vm.name"),
        Runtime.getRuntime().availableProcessors(), events, warmup, reps);
    System.out.printf(Locale.ROOT, "%-28s %9s %26s %10s%n", "contender", "N", "M events/s",
        "vs dsim");
    String[] names = {"dsim engine (4-ary heap)", "java.util.PriorityQueue",
        "primitive binary heap"};
    Contender[] contenders = {
      HoldModel::engine, HoldModel::priorityQueue, HoldModel::primitiveBinaryHeap
    };
    for (int n : sizes) {
      double[][] rates = measure(n, events, warmup, reps, increments, contenders);
      double dsim = median(rates[0]);
      for (int c = 0; c < contenders.length; c++) {
        double[] r = rates[c].clone();
        Arrays.sort(r);
        String ratio = c == 0 ? "" : String.format(Locale.ROOT, "%.2fx", dsim / median(r));
        System.out.printf(Locale.ROOT, "%-28s %9d %26s %10s%n", names[c], n,
            String.format(Locale.ROOT, "%.2f (%.2f..%.2f)", median(r) / 1e6, r[0] / 1e6,
                r[r.length - 1] / 1e6), ratio);
      }
    }
    System.out.println("(vs dsim = dsim's median / the contender's median; > 1 means dsim is "
        + "faster)");
  }

  /**
   * Rates per contender and repetition. Contenders take turns within each repetition, after a
   * collection, so that drift on a noisy machine hits them alike.
   */
  private static double[][] measure(int pending, long events, int warmup, int reps,
      long[] increments, Contender[] contenders) {
    long sink = 0;
    for (int i = 0; i < warmup; i++) {
      for (Contender c : contenders) {
        sink += c.run(pending, events / 4, increments);
      }
    }
    double[][] rates = new double[contenders.length][reps];
    for (int i = 0; i < reps; i++) {
      for (int c = 0; c < contenders.length; c++) {
        System.gc();
        long start = System.nanoTime();
        sink += contenders[c].run(pending, events, increments);
        rates[c][i] = events / ((System.nanoTime() - start) / 1e9);
      }
    }
    if (sink == 42) {
      System.out.println("(checksum coincidence)"); // keeps the JIT from discarding the work
    }
    return rates;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
