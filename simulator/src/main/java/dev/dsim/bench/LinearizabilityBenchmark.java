package dev.dsim.bench;

import dev.dsim.check.linearizability.Budget;
import dev.dsim.check.linearizability.LinearizabilityChecker;
import dev.dsim.check.linearizability.Operation;
import dev.dsim.check.linearizability.Registers;
import dev.dsim.check.linearizability.Verdict;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Times the linearizability checker on a key-value history of {@code --ops} operations
 * (default 100,000) over {@code --keys} keys (default 1,000, Zipf-skewed as the kv workload's
 * are) from {@code --clients} clients (default 64) issuing one operation after another, each
 * lasting 0.1 to 5 ms: a heavily concurrent history, linearizable by construction (each
 * operation takes effect at an instant drawn inside its interval, and the reads return what
 * those instants give), which is the checker's worst case, since it must find an order for
 * every key rather than stop at the first violation. Then a deliberately hard single-key history
 * (thirty concurrent writes and two reads no order allows) that must end {@code unknown} within
 * the default budget.
 *
 * <p>Prints thread CPU time and wall time per repetition and their medians.
 * {@code java -cp simulator/target/dsim.jar dev.dsim.bench.LinearizabilityBenchmark}
 */
public final class LinearizabilityBenchmark {
  private LinearizabilityBenchmark() {}

  public static void main(String[] args) {
    int ops = 100_000;
    int keys = 1_000;
    int clients = 64;
    int reps = 5;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--ops" -> ops = Integer.parseInt(args[i + 1]);
        case "--keys" -> keys = Integer.parseInt(args[i + 1]);
        case "--clients" -> clients = Integer.parseInt(args[i + 1]);
        case "--reps" -> reps = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    List<Operation<Registers.Op, Object>> history = history(ops, keys, clients, 20261202L);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    System.out.printf(Locale.ROOT, "linearizability checker: JDK %s, %d operations, %d keys, "
        + "%d clients, %d repetitions after one warm-up%n", System.getProperty("java.version"),
        ops, keys, clients, reps);
    double[] cpu = new double[reps];
    double[] wall = new double[reps];
    Verdict verdict = null;
    for (int r = -1; r < reps; r++) {
      long c0 = threads.getCurrentThreadCpuTime();
      long w0 = System.nanoTime();
      verdict = LinearizabilityChecker.check(Registers.startingAt(0), history, Registers::key,
          Budget.DEFAULT);
      long c1 = threads.getCurrentThreadCpuTime();
      long w1 = System.nanoTime();
      if (r >= 0) {
        cpu[r] = (c1 - c0) / 1e9;
        wall[r] = (w1 - w0) / 1e9;
        System.out.printf(Locale.ROOT, "  repetition %d: %.3f s CPU, %.3f s wall%n", r + 1,
            cpu[r], wall[r]);
      }
    }
    System.out.printf(Locale.ROOT, "verdict %s (%s); median %.3f s CPU, %.3f s wall: %.0f "
        + "operations/s (CPU)%n", verdict.word(), verdict, median(cpu), median(wall),
        ops / median(cpu));

    List<Operation<Registers.Op, Object>> hard = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      hard.add(new Operation<>(i, new Registers.Write("k", i), "ok", 0, 100));
    }
    hard.add(new Operation<>(31, new Registers.Read("k"), 1L, 200, 210));
    hard.add(new Operation<>(32, new Registers.Read("k"), 2L, 220, 230));
    long c0 = threads.getCurrentThreadCpuTime();
    long w0 = System.nanoTime();
    Verdict h = LinearizabilityChecker.check(Registers.startingAt(0), hard, Registers::key,
        Budget.DEFAULT);
    System.out.printf(Locale.ROOT, "hard single-key history (30 concurrent writes): verdict %s "
        + "(%s) after %.3f s CPU, %.3f s wall%n", h.word(), h,
        (threads.getCurrentThreadCpuTime() - c0) / 1e9, (System.nanoTime() - w0) / 1e9);
  }

  /**
   * A linearizable history: {@code clients} clients each issuing operations back to back; each
   * operation's instant of effect is drawn inside its interval, and reads return the value the
   * register holds at their instant in the order of those instants.
   */
  static List<Operation<Registers.Op, Object>> history(int ops, int keys, int clients,
      long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long[] clientTime = new long[clients];
    long[][] plan = new long[ops][]; // {call, return, instant, key, isWrite, value}
    double[] zipf = zipfCumulative(keys, 0.99);
    for (int i = 0; i < ops; i++) {
      int c = random.nextInt(clients);
      long call = clientTime[c] + random.nextInt(200_000);
      long ret = call + 100_000 + random.nextInt(4_900_000);
      clientTime[c] = ret;
      long instant = call + random.nextLong(ret - call + 1);
      int key = Arrays.binarySearch(zipf, random.nextDouble());
      key = key >= 0 ? key : -key - 1;
      boolean write = random.nextInt(10) == 0;
      plan[i] = new long[] {call, ret, instant, Math.min(key, keys - 1), write ? 1 : 0, i + 1};
    }
    Integer[] byInstant = new Integer[ops];
    for (int i = 0; i < ops; i++) {
      byInstant[i] = i;
    }
    Arrays.sort(byInstant, (a, b) -> Long.compare(plan[a][2], plan[b][2]));
    long[] value = new long[keys];
    long[] read = new long[ops];
    for (int i : byInstant) {
      int key = (int) plan[i][3];
      if (plan[i][4] == 1) {
        value[key] = plan[i][5];
      } else {
        read[i] = value[key];
      }
    }
    List<Operation<Registers.Op, Object>> history = new ArrayList<>(ops);
    for (int i = 0; i < ops; i++) {
      Integer key = (int) plan[i][3];
      history.add(plan[i][4] == 1
          ? new Operation<>(i, new Registers.Write(key, plan[i][5]), "ok", plan[i][0],
              plan[i][1])
          : new Operation<>(i, new Registers.Read(key), read[i], plan[i][0], plan[i][1]));
    }
    return history;
  }

  private static double[] zipfCumulative(int n, double s) {
    double[] c = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += 1 / Math.pow(i + 1, s);
      c[i] = sum;
    }
    for (int i = 0; i < n; i++) {
      c[i] /= sum;
    }
    return c;
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }
}
