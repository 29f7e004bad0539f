package dev.dsim.check.linearizability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Verdicts on hand-built register histories, each small enough to check by hand: the three
 * counterexamples ConsistencyChecker misses, linearizable histories that look suspicious but
 * are fine, non-linearizable ones with their cores, compare-and-set, and the budget.
 */
final class LinearizabilityCheckerTest {
  private static final Model<Long, Registers.Op, Object> REGISTER = Registers.startingAt(0);
  private static final long P = Operation.PENDING;

  private static Operation<Registers.Op, Object> w(int client, long v, long call, long ret) {
    return new Operation<>(client, new Registers.Write("k", v), ret == P ? null : "ok", call,
        ret);
  }

  private static Operation<Registers.Op, Object> r(int client, long v, long call, long ret) {
    return new Operation<>(client, new Registers.Read("k"), v, call, ret);
  }

  private static Operation<Registers.Op, Object> cas(int client, long expected, long v,
      Boolean swapped, long call, long ret) {
    return new Operation<>(client, new Registers.CompareAndSet("k", expected, v), swapped, call,
        ret);
  }

  @SafeVarargs
  private static Verdict check(Operation<Registers.Op, Object>... ops) {
    return LinearizabilityChecker.check(REGISTER, List.of(ops), Registers::key, Budget.DEFAULT);
  }

  @SafeVarargs
  private static Verdict.Violation violation(Operation<Registers.Op, Object>... ops) {
    Verdict v = check(ops);
    assertThat(v).isInstanceOf(Verdict.Violation.class);
    return (Verdict.Violation) v;
  }

  // --- the three counterexamples of the issue ---

  @Test
  void newOldInversion_whileTheNewWriteIsInFlight_isAViolation() {
    // A read sees 2, a later read sees 1 again, while the write of 2 has not returned.
    Verdict.Violation v = violation(w(1, 1, 0, 10), w(2, 2, 20, 200), r(3, 2, 30, 40),
        r(4, 1, 50, 60));
    assertThat(v.core()).hasSize(4);
    assertThat(v.coreMinimal()).isTrue();
    assertThat(v.explanation()).contains("key k is not linearizable", "read → 1", "read → 2",
        "write 2");
  }

  @Test
  void timedOutWrite_readThenForgotten_isAViolation() {
    Verdict.Violation v = violation(w(1, 1, 0, 10), w(2, 2, 20, P), r(3, 2, 30, 40),
        r(4, 1, 50, 60));
    assertThat(v.core()).hasSize(4);
    assertThat(v.core()).anyMatch(line -> line.contains("never returned"));
  }

  @Test
  void readOfAWriteThatBeganAfterTheReadEnded_isAViolation() {
    Verdict.Violation v = violation(r(1, 1, 0, 10), w(2, 1, 20, 30));
    assertThat(v.core()).hasSize(2);
    assertThat(v.longest()).isEmpty();
    assertThat(v.blocked()).contains("read → 1");
    assertThat(v.stateThen()).isEqualTo("holding 0");
  }

  // --- linearizable, though some look odd ---

  @Test
  void emptyAndSequentialHistories_areLinearizable() {
    assertThat(check()).isInstanceOf(Verdict.Linearizable.class);
    assertThat(check(w(1, 1, 0, 1), r(1, 1, 2, 3), w(2, 2, 4, 5), r(2, 2, 6, 7)))
        .isInstanceOf(Verdict.Linearizable.class);
  }

  @Test
  void aReadConcurrentWithAWrite_mayReturnEitherValue() {
    assertThat(check(w(1, 1, 0, 100), r(2, 0, 10, 20))).isInstanceOf(Verdict.Linearizable.class);
    assertThat(check(w(1, 1, 0, 100), r(2, 1, 10, 20))).isInstanceOf(Verdict.Linearizable.class);
    // Even old after new, across two concurrent writes, when each read overlaps a write.
    assertThat(check(w(1, 1, 0, 100), w(2, 2, 0, 100), r(3, 2, 10, 20), r(3, 1, 30, 40)))
        .isInstanceOf(Verdict.Linearizable.class);
  }

  @Test
  void aPendingWrite_mayTakeEffectLate_orNever() {
    assertThat(check(w(1, 1, 0, P), r(2, 0, 10, 20), r(2, 1, 30, 40), r(3, 1, 50, 60)))
        .isInstanceOf(Verdict.Linearizable.class);
    assertThat(check(w(1, 1, 0, P), r(2, 0, 10, 20), r(3, 0, 50, 60)))
        .isInstanceOf(Verdict.Linearizable.class);
  }

  @Test
  void touchingOperations_areConcurrent() {
    // The write returns at 10, the read is called at 10: either order is allowed.
    assertThat(check(w(1, 1, 0, 10), r(2, 0, 10, 20))).isInstanceOf(Verdict.Linearizable.class);
  }

  @Test
  void compareAndSet_thatSwapsOrFailsAsTheStateSays_isLinearizable() {
    assertThat(check(w(1, 1, 0, 1), cas(2, 1, 2, true, 2, 3), r(3, 2, 4, 5)))
        .isInstanceOf(Verdict.Linearizable.class);
    assertThat(check(w(1, 1, 0, 1), cas(2, 0, 2, false, 2, 3), r(3, 1, 4, 5)))
        .isInstanceOf(Verdict.Linearizable.class);
    // A pending compare-and-set may have swapped.
    assertThat(check(w(1, 1, 0, 1), cas(2, 1, 2, null, 2, P), r(3, 2, 10, 11)))
        .isInstanceOf(Verdict.Linearizable.class);
  }

  @Test
  void keysAreIndependent() {
    Operation<Registers.Op, Object> wa = new Operation<>(1, new Registers.Write("a", 1), "ok", 0,
        1);
    Operation<Registers.Op, Object> rb = new Operation<>(2, new Registers.Read("b"), 0L, 2, 3);
    Verdict v = LinearizabilityChecker.check(REGISTER, List.of(wa, rb), Registers::key,
        Budget.DEFAULT);
    assertThat(v).isEqualTo(new Verdict.Linearizable(2, 2, ((Verdict.Linearizable) v).steps()));
    // Unpartitioned, the same operations are one register: the read of 0 after the write of 1
    // is stale.
    assertThat(LinearizabilityChecker.check(REGISTER, List.of(wa, rb), Budget.DEFAULT))
        .isInstanceOf(Verdict.Violation.class);
  }

  // --- not linearizable ---

  @Test
  void staleRead_afterTwoSequentialWrites() {
    Verdict.Violation v = violation(w(1, 1, 0, 1), w(1, 2, 2, 3), r(2, 1, 4, 5));
    assertThat(v.core()).hasSize(3);
    assertThat(v.longest()).hasSize(2);
    assertThat(v.blocked()).contains("read → 1");
    assertThat(v.stateThen()).isEqualTo("holding 2");
  }

  @Test
  void aValueNothingWrote_isItsOwnCore() {
    Verdict.Violation v = violation(w(1, 1, 0, 1), r(2, 7, 2, 3), r(2, 1, 4, 5));
    assertThat(v.core()).singleElement().asString().contains("read → 7");
    assertThat(v.explanation()).contains("no order of the key's operations produces this answer");
  }

  @Test
  void readsThatDisagreeOnTheOrderOfTwoWrites() {
    Verdict.Violation v = violation(w(1, 1, 0, 10), w(2, 2, 0, 10), r(3, 1, 11, 12),
        r(3, 2, 13, 14), r(3, 1, 15, 16));
    assertThat(v.core()).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void twoClientsSeeingConcurrentWritesInOppositeOrders() {
    assertThat(check(w(1, 1, 0, 100), w(2, 2, 0, 100), r(3, 1, 10, 20), r(3, 2, 30, 40),
        r(4, 2, 10, 20), r(4, 1, 30, 40))).isInstanceOf(Verdict.Violation.class);
  }

  @Test
  void compareAndSet_thatSwapsFromTheWrongState() {
    Verdict.Violation v = violation(w(1, 1, 0, 1), cas(2, 0, 2, true, 2, 3));
    assertThat(v.core()).hasSize(2);
  }

  @Test
  void compareAndSet_thatFailsAlthoughTheStateMatched() {
    Verdict.Violation v = violation(w(1, 1, 0, 1), cas(2, 1, 2, false, 2, 3));
    assertThat(v.core()).hasSize(2);
  }

  @Test
  void aReadAfterASuccessfulCompareAndSet_thatMissesIt() {
    assertThat(check(w(1, 1, 0, 1), cas(2, 1, 2, true, 2, 3), r(3, 1, 4, 5)))
        .isInstanceOf(Verdict.Violation.class);
  }

  @Test
  void theCore_leavesOutWhatDoesNotMatter() {
    // Forty unrelated, linearizable operations around the inversion: the core keeps only the
    // four that show it.
    List<Operation<Registers.Op, Object>> ops = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      ops.add(r(9, 0, i * 10, i * 10 + 5));
    }
    ops.add(w(1, 1, 300, 310));
    ops.add(w(2, 2, 320, 900));
    ops.add(r(3, 2, 330, 340));
    ops.add(r(4, 1, 350, 360));
    for (int i = 0; i < 20; i++) {
      ops.add(r(9, 2, 1000 + i * 10, 1000 + i * 10 + 5));
    }
    Verdict v = LinearizabilityChecker.check(REGISTER, ops, Registers::key, Budget.DEFAULT);
    Verdict.Violation bad = (Verdict.Violation) v;
    assertThat(bad.core()).hasSize(4);
    assertThat(bad.coreMinimal()).isTrue();
    assertThat(bad.keyOperations()).isEqualTo(44);
    assertThat(bad.longest()).hasSizeGreaterThanOrEqualTo(22);
  }

  @Test
  void violatingKeys_areCounted_theFirstExplained() {
    List<Operation<Registers.Op, Object>> ops = new ArrayList<>();
    for (String key : List.of("x", "y", "z")) {
      ops.add(new Operation<>(1, new Registers.Write(key, 1), "ok", 0, 1));
      ops.add(new Operation<>(2, new Registers.Read(key), key.equals("x") ? 1L : 0L, 2, 3));
    }
    Verdict.Violation v = (Verdict.Violation) LinearizabilityChecker.check(REGISTER, ops,
        Registers::key, Budget.DEFAULT);
    assertThat(v.key()).isEqualTo("y");
    assertThat(v.violatingKeys()).isEqualTo(2);
  }

  // --- the budget ---

  @Test
  void aHardHistory_endsUnknownWithinItsBudget() {
    // Thirty concurrent writes, then reads that no order allows: proving it means trying every
    // subset of the writes (with each last value), about 30 · 2^29 pairs.
    List<Operation<Registers.Op, Object>> ops = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      ops.add(w(i, i, 0, 100));
    }
    ops.add(r(31, 1, 200, 210));
    ops.add(r(31, 2, 220, 230));
    Budget small = new Budget(200_000, 50_000, 100_000);
    Verdict v = LinearizabilityChecker.check(REGISTER, ops, Registers::key, small);
    assertThat(v).isInstanceOf(Verdict.Unknown.class);
    assertThat(((Verdict.Unknown) v).reason()).containsAnyOf("steps", "states");
    assertThat(v.word()).isEqualTo("unknown");
  }

  // --- a property: histories made linearizable are accepted ---

  @Test
  void historiesFromASequentialRunWithJitteredIntervals_areAlwaysLinearizable() {
    SplittableRandom random = new SplittableRandom(20261202L);
    for (int trial = 0; trial < 500; trial++) {
      List<Operation<Registers.Op, Object>> ops = sequentialRun(random, 1 + random.nextInt(40));
      Verdict v = LinearizabilityChecker.check(REGISTER, ops, Registers::key, Budget.DEFAULT);
      assertThat(v).as("trial %d: %s", trial, ops).isInstanceOf(Verdict.Linearizable.class);
    }
  }

  /**
   * Operations applied one at a time to a register at increasing instants (outputs from that
   * sequential run), each given an interval around its instant: such a history is linearizable
   * by construction (the instants are a linearization), however much the intervals overlap.
   */
  private static List<Operation<Registers.Op, Object>> sequentialRun(SplittableRandom random,
      int n) {
    List<Operation<Registers.Op, Object>> ops = new ArrayList<>();
    long value = 0;
    long t = 0;
    String key = "k" + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      t += 1 + random.nextInt(20);
      long call = Math.max(0, t - random.nextInt(60));
      long ret = t + random.nextInt(60);
      int kind = random.nextInt(4);
      Operation<Registers.Op, Object> op;
      if (kind == 0 || kind == 1) {
        op = new Operation<>(i, new Registers.Read(key), value, call, ret);
      } else if (kind == 2) {
        long v = 1 + random.nextInt(5); // repeated values too
        value = v;
        op = new Operation<>(i, new Registers.Write(key, v), random.nextInt(8) == 0 ? null : "ok",
            call, random.nextInt(8) == 0 ? P : ret);
      } else {
        long expected = random.nextInt(6);
        long v = 1 + random.nextInt(5);
        boolean swapped = expected == value;
        if (swapped) {
          value = v;
        }
        op = new Operation<>(i, new Registers.CompareAndSet(key, expected, v), swapped, call,
            ret);
      }
      ops.add(op);
    }
    return ops;
  }
}
