package dev.dsim.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import umontreal.ssj.simevents.eventlist.Henriksen;
import umontreal.ssj.simevents.eventlist.SplayTree;

/**
 * dsim's engine against peer simulators and plain heaps on the classic hold model: N events
 * pending, each fired event schedules one more at now + Exp(1 s). Contenders: dsim, SSJ with
 * Henriksen's event list and with its default splay tree, MASON's schedule,
 * {@code java.util.PriorityQueue} and a primitive binary heap (an upper bound with no event
 * objects). Only the firings are timed, after the N events are in place.
 *
 * <p>Honest on a shared machine: each round runs every contender once, starting with a different
 * one each round (A B C, B C A, ...), after a collection; rates are per second of the thread's
 * CPU time (wall time is printed beside it); the table gives medians with min..max and the
 * ratios of the medians. Every contender's checksum must agree, or the run stops: they did the
 * same work.
 */
public final class HoldPeersBenchmark {
  /** The targets of issue 19 / DESIGN.md: dsim over the best peer simulator, over the heap. */
  static final double TARGET_OVER_BEST_PEER = 2.0;
  static final double TARGET_OVER_HEAP = 0.8;

  private HoldPeersBenchmark() {}

  /** Every contender, dsim first; the peer simulators are those whose names start "SSJ"/"MASON". */
  static List<HoldContender> contenders() {
    return List.of(new DsimHold(), new SsjHold("ssj-henriksen", "SSJ 3.3 Henriksen",
        Henriksen::new), new SsjHold("ssj-splay", "SSJ 3.3 splay tree", SplayTree::new), new MasonHold(),
        new PriorityQueueHold(), new PrimitiveHeapHold());
  }

  static boolean isPeerSimulator(HoldContender c) {
    return c.name().startsWith("SSJ") || c.name().startsWith("MASON");
  }

  /** Options of the command line ({@code --only}: contender ids; empty: all). */
  record Options(int[] sizes, long events, int warmup, int rounds, List<String> only) {
    static Options parse(String[] args) {
      int[] sizes = {1_000, 100_000, 1_000_000};
      long events = 3_000_000;
      int warmup = 1;
      int rounds = 5;
      List<String> only = List.of();
      for (int i = 0; i < args.length; i += 2) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("option " + args[i] + " needs a value");
        }
        String v = args[i + 1];
        switch (args[i]) {
          case "--sizes" -> sizes = Arrays.stream(v.split(",")).map(String::trim)
              .mapToInt(s -> Integer.parseInt(s.replace("_", ""))).toArray();
          case "--events" -> events = Long.parseLong(v.replace("_", ""));
          case "--warmup" -> warmup = Integer.parseInt(v);
          case "--rounds" -> rounds = Integer.parseInt(v);
          case "--only" -> only = List.of(v.split(","));
          default -> throw new IllegalArgumentException("unknown option " + args[i]
              + " (options: --sizes N,N,... --events N --warmup N --rounds N --only ID,ID,...)");
        }
      }
      if (events < 1 || rounds < 1 || warmup < 0) {
        throw new IllegalArgumentException("--events and --rounds at least 1, --warmup >= 0");
      }
      List<String> ids = contenders().stream().map(HoldContender::id).toList();
      for (String id : only) {
        if (!ids.contains(id)) {
          throw new IllegalArgumentException("--only: no contender " + id + " (ids: "
              + String.join(", ", ids) + ")");
        }
      }
      return new Options(sizes, events, warmup, rounds, only);
    }
  }

  /** One contender's measurements at one N. */
  record Series(String name, boolean peer, double[] cpuRates, double[] wallRates) {
    double medianCpuRate() {
      return median(cpuRates);
    }

    double medianWallRate() {
      return median(wallRates);
    }
  }

  public static void main(String[] args) {
    Options o = Options.parse(args);
    long[] inc = HoldIncrements.exponential(1 << 20, 42);
    System.out.printf(Locale.ROOT, "hold model: JDK %s (%s), %d processors; %,d events timed per "
        + "run, %d warm-up and %d measured rounds, contenders interleaved%n",
        System.getProperty("java.version"), System.getProperty("java.vm.name"),
        Runtime.getRuntime().availableProcessors(), o.events(), o.warmup(), o.rounds());
    for (int n : o.sizes()) {
      List<HoldContender> cs = contenders().stream()
          .filter(c -> o.only().isEmpty() || o.only().contains(c.id())).toList();
      List<Series> series = measure(cs, n, o.events(), o.warmup(), o.rounds(), inc);
      System.out.print(table(n, series));
    }
  }

  /** Runs the rounds at one N and returns each contender's rates. */
  static List<Series> measure(List<HoldContender> cs, int pending, long events, int warmup,
      int rounds, long[] inc) {
    for (int w = 0; w < warmup; w++) {
      for (HoldContender c : cs) {
        c.setUp(pending, inc);
        c.fire(Math.max(1, events / 2));
        c.tearDown();
      }
    }
    double[][] cpu = new double[cs.size()][rounds];
    double[][] wall = new double[cs.size()][rounds];
    Long expected = null;
    for (int r = 0; r < rounds; r++) {
      for (int k = 0; k < cs.size(); k++) {
        int i = (r + k) % cs.size();
        HoldContender c = cs.get(i);
        c.setUp(pending, inc);
        System.gc();
        Measurement m = Measurement.of(() -> c.fire(events));
        c.tearDown();
        if (expected == null) {
          expected = m.result();
        } else if (m.result() != expected) {
          throw new IllegalStateException(c.name() + " fired other events (checksum "
              + m.result() + ", expected " + expected + "): the contenders disagree");
        }
        cpu[i][r] = events / (Math.max(1, m.cpuNanos()) / 1e9);
        wall[i][r] = events / (Math.max(1, m.wallNanos()) / 1e9);
      }
    }
    List<Series> out = new ArrayList<>();
    for (int i = 0; i < cs.size(); i++) {
      out.add(new Series(cs.get(i).name(), isPeerSimulator(cs.get(i)), cpu[i], wall[i]));
    }
    return out;
  }

  /** The table for one N: dsim's series first; ratios are dsim's median over each one's. */
  static String table(int pending, List<Series> series) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%nN = %,d pending%n", pending));
    sb.append(String.format(Locale.ROOT, "%-24s %30s %16s %10s%n", "contender",
        "M events per CPU s", "M events/wall s", "dsim / it"));
    Series dsim = series.get(0); // the ratios are over the first contender: dsim unless --only
    double best = 0;
    String bestName = "";
    double heap = Double.NaN;
    for (Series s : series) {
      double[] r = s.cpuRates().clone();
      Arrays.sort(r);
      sb.append(String.format(Locale.ROOT, "%-24s %30s %16.2f %10s%n", s.name(),
          String.format(Locale.ROOT, "%.2f (%.2f..%.2f)", s.medianCpuRate() / 1e6, r[0] / 1e6,
              r[r.length - 1] / 1e6), s.medianWallRate() / 1e6, s == dsim ? ""
              : String.format(Locale.ROOT, "%.2fx", dsim.medianCpuRate() / s.medianCpuRate())));
      if (s.peer() && s.medianCpuRate() > best) {
        best = s.medianCpuRate();
        bestName = s.name();
      }
      if (s.name().startsWith("primitive")) {
        heap = s.medianCpuRate();
      }
    }
    if (best > 0) {
      double overPeer = dsim.medianCpuRate() / best;
      sb.append(String.format(Locale.ROOT, "dsim / best peer simulator (%s): %.2fx, target >= "
          + "%.1fx: %s%n", bestName, overPeer, TARGET_OVER_BEST_PEER,
          overPeer >= TARGET_OVER_BEST_PEER ? "met" : "not met"));
    }
    if (!Double.isNaN(heap)) {
      double overHeap = dsim.medianCpuRate() / heap;
      sb.append(String.format(Locale.ROOT, "dsim / primitive binary heap: %.2fx, target >= "
          + "%.1fx: %s%n", overHeap, TARGET_OVER_HEAP,
          overHeap >= TARGET_OVER_HEAP ? "met" : "not met"));
    }
    return sb.toString();
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
