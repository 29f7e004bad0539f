package dev.dsim.check.linearizability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Gibbons and Korach's zones decide exactly what the search decides, on registers with unique
 * written values: a differential test over thousands of random small histories, most of them not
 * linearizable, some of them linearizable by construction.
 */
final class ZonesTest {
  private static final Budget BIG = new Budget(50_000_000L, 5_000_000L, 1_000_000L);

  @Test
  void zonesAndSearch_agreeOnEveryRandomHistory() {
    SplittableRandom random = new SplittableRandom(7L);
    int violations = 0;
    for (int trial = 0; trial < 4000; trial++) {
      List<Operation<Registers.Op, Object>> ops = randomHistory(random, 1 + random.nextInt(9),
          trial % 3 == 0);
      Verdict search = LinearizabilityChecker.check(Registers.startingAt(0), ops,
          Registers::key, BIG);
      Verdict zones = LinearizabilityChecker.checkRegisters(ops, 0, BIG);
      assertThat(zones.word()).as("trial %d: %s", trial, ops).isEqualTo(search.word());
      if (zones instanceof Verdict.Violation v) {
        violations++;
        assertThat(v.core()).as("trial %d", trial).isNotEmpty();
      }
    }
    // Both kinds were tried in numbers.
    assertThat(violations).isBetween(500, 3500);
  }

  @Test
  void aLongHotKeyUnderFaults_isDecidedAtOnce() {
    // Two thousand writes and reads, fifty in flight at a time, one stale read at the end:
    // beyond any search budget, a few milliseconds for the zones.
    List<Operation<Registers.Op, Object>> ops = new ArrayList<>();
    long t = 0;
    for (int i = 1; i <= 2000; i++) {
      t += 10;
      ops.add(new Operation<>(i, new Registers.Write("k", i), "ok", t, t + 500));
      ops.add(new Operation<>(10_000 + i, new Registers.Read("k"), (long) i, t + 400, t + 900));
    }
    ops.add(new Operation<>(99_999, new Registers.Read("k"), 5L, t + 2000, t + 2100));
    Verdict v = LinearizabilityChecker.checkRegisters(ops, 0, Budget.DEFAULT);
    assertThat(v).isInstanceOf(Verdict.Violation.class);
    Verdict.Violation bad = (Verdict.Violation) v;
    assertThat(bad.core()).anyMatch(line -> line.startsWith("#99999 read → 5"));
    assertThat(bad.core().size()).isLessThan(10);
  }

  /**
   * Writes of distinct values with random intervals; reads that return either a random value
   * written (or the initial 0), or, when {@code honest}, the value a sequential run at random
   * instants inside the intervals gives.
   */
  private static List<Operation<Registers.Op, Object>> randomHistory(SplittableRandom random,
      int n, boolean honest) {
    long[] call = new long[n];
    long[] ret = new long[n];
    long[] at = new long[n];
    boolean[] write = new boolean[n];
    for (int i = 0; i < n; i++) {
      call[i] = random.nextInt(40);
      ret[i] = call[i] + random.nextInt(15);
      at[i] = call[i] + (ret[i] == call[i] ? 0 : random.nextLong(ret[i] - call[i] + 1));
      write[i] = random.nextBoolean();
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> a2(at, a, b));
    long[] result = new long[n];
    long value = 0;
    for (int i : order) {
      if (write[i]) {
        value = i + 1;
      } else {
        result[i] = value;
      }
    }
    List<Operation<Registers.Op, Object>> ops = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (write[i]) {
        boolean pending = random.nextInt(6) == 0;
        ops.add(new Operation<>(i, new Registers.Write("k", i + 1), pending ? null : "ok",
            call[i], pending ? Operation.PENDING : ret[i]));
      } else {
        long v = honest ? result[i] : random.nextInt(n + 1);
        ops.add(new Operation<>(i, new Registers.Read("k"), v, call[i], ret[i]));
      }
    }
    return ops;
  }

  private static int a2(long[] at, int a, int b) {
    int c = Long.compare(at[a], at[b]);
    return c != 0 ? c : Integer.compare(a, b);
  }
}
