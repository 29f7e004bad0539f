package dev.dsim.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsim.metrics.History;
import dev.dsim.metrics.History.Kind;
import dev.dsim.metrics.History.Phase;
import dev.dsim.metrics.Outcome;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The checkers on hand-made histories: each rule, and what is never a violation. */
final class ConsistencyCheckerTest {
  private final History h = new History();

  /** An operation from {@code start} to {@code end} (ms); reads return {@code value}. */
  private int op(Kind kind, int key, long value, long startMs, long endMs, Outcome outcome) {
    int i = h.invoke(kind, Phase.WORKLOAD, key, value, startMs * 1_000_000);
    h.complete(i, endMs * 1_000_000, outcome, value);
    return i;
  }

  private int write(int key, long value, long startMs, long endMs) {
    return op(Kind.WRITE, key, value, startMs, endMs, Outcome.OK);
  }

  private int read(int key, long value, long startMs, long endMs) {
    return op(Kind.READ, key, value, startMs, endMs, Outcome.OK);
  }

  private int finalRead(int key, long value, long atMs, Outcome outcome) {
    int i = h.invoke(Kind.READ, Phase.FINAL, key, 0, atMs * 1_000_000);
    h.complete(i, (atMs + 1) * 1_000_000, outcome, value);
    return i;
  }

  private ConsistencyReport check() {
    return ConsistencyChecker.check(h, 3);
  }

  @Test
  void sequentialHistory_isClean() {
    write(1, 11, 0, 1);
    read(1, 11, 2, 3);
    write(1, 12, 4, 5);
    read(1, 12, 6, 7);
    read(2, History.NONE, 6, 7);
    finalRead(1, 12, 100, Outcome.OK);
    ConsistencyReport r = check();
    assertThat(r.lostWrites() + r.staleReads() + r.corruptReads()).isZero();
    assertThat(r.readsChecked()).isEqualTo(3);
    assertThat(r.writesAcknowledged()).isEqualTo(2);
    assertThat(r.keysVerified()).isEqualTo(1);
  }

  @Test
  void readOfAnOverwrittenValue_isStale() {
    write(1, 11, 0, 1);
    write(1, 12, 2, 3);
    int stale = read(1, 11, 4, 5);
    ConsistencyReport r = check();
    assertThat(r.staleReads()).isEqualTo(1);
    assertThat(r.staleReadExamples()).singleElement().satisfies(v -> {
      assertThat(v.operations().get(0).index()).isEqualTo(stale);
      assertThat(v.operations()).hasSize(3);
      assertThat(v.explanation()).contains("key 1").contains("0.004s");
    });
  }

  @Test
  void readOfNothingAfterAnAcknowledgedWrite_isStale() {
    write(1, 11, 0, 1);
    read(1, History.NONE, 2, 3);
    assertThat(check().staleReads()).isEqualTo(1);
  }

  @Test
  void readConcurrentWithAWrite_mayReturnEitherValue() {
    write(1, 11, 0, 1);
    write(1, 12, 10, 20);
    read(1, 11, 12, 15); // overlaps the second write: old value fine
    read(1, 12, 12, 15); // new value fine too
    read(1, 11, 15, 25); // still overlapping the write
    assertThat(check().staleReads()).isZero();
  }

  @Test
  void concurrentWrites_mayBeOrderedEitherWay() {
    write(1, 11, 0, 10);
    write(1, 12, 5, 15);
    read(1, 11, 20, 21); // the writes overlapped: 11 may be the later one
    read(1, 12, 22, 23);
    finalRead(1, 11, 100, Outcome.OK);
    ConsistencyReport r = check();
    assertThat(r.staleReads()).isZero();
    assertThat(r.lostWrites()).isZero();
  }

  @Test
  void valueOfATimedOutWrite_isNeitherStaleNorCorrupt() {
    write(1, 11, 0, 1);
    op(Kind.WRITE, 1, 13, 2, 500, Outcome.TIMED_OUT); // may have taken effect at any time
    write(1, 12, 3, 4);
    read(1, 13, 10, 11);
    ConsistencyReport r = check();
    assertThat(r.staleReads()).isZero();
    assertThat(r.corruptReads()).isZero();
  }

  @Test
  void valueNobodyWrote_isCorrupt_notStale() {
    write(1, 11, 0, 1);
    write(1, 12, 2, 3);
    read(1, 999, 4, 5);
    ConsistencyReport r = check();
    assertThat(r.corruptReads()).isEqualTo(1);
    assertThat(r.staleReads()).isZero();
    assertThat(r.corruptReadExamples()).singleElement()
        .satisfies(v -> assertThat(v.kind()).isEqualTo(Violation.Kind.CORRUPT_READ));
  }

  @Test
  void finalReadOfAnOlderValue_isALostWrite() {
    write(1, 11, 0, 1);
    write(1, 12, 2, 3);
    finalRead(1, 11, 100, Outcome.OK);
    ConsistencyReport r = check();
    assertThat(r.lostWrites()).isEqualTo(1);
    assertThat(r.lostWriteExamples()).singleElement()
        .satisfies(v -> assertThat(v.operations().get(0).value()).isEqualTo(12));
  }

  @Test
  void finalReadOfNothing_losesOnlyTheLastWrites() {
    write(1, 11, 0, 1);
    write(1, 12, 2, 3); // overwrote 11: only 12's loss counts
    write(2, 21, 0, 1);
    finalRead(1, History.NONE, 100, Outcome.OK);
    finalRead(2, History.NONE, 100, Outcome.OK);
    assertThat(check().lostWrites()).isEqualTo(2);
  }

  @Test
  void vanishedWrites_countEveryAcknowledgedWriteWhoseEffectIsGone() {
    write(1, 11, 0, 1);
    write(1, 12, 2, 3);
    write(1, 13, 4, 5);
    finalRead(1, History.NONE, 100, Outcome.OK); // all three gone: one lost, three vanished
    write(2, 21, 0, 1);
    write(2, 22, 2, 3);
    finalRead(2, 21, 100, Outcome.OK); // 22 lost and vanished; 21 survived
    ConsistencyReport r = check();
    assertThat(r.lostWrites()).isEqualTo(2);
    assertThat(r.vanishedWrites()).isEqualTo(4);
    assertThat(r.lostWritesCorrupt()).isZero();
  }

  @Test
  void aCorruptReadBack_isOneCorruptReadAndOneLostWrite_andSaysSo() {
    write(1, 11, 0, 1);
    finalRead(1, 999, 100, Outcome.OK); // no write wrote 999
    ConsistencyReport r = check();
    assertThat(r.corruptReads()).isEqualTo(1);
    assertThat(r.lostWrites()).isEqualTo(1);
    assertThat(r.lostWritesCorrupt()).as("the same read-back in both counts").isEqualTo(1);
  }

  @Test
  void overwrittenWrite_isNotLost() {
    write(1, 11, 0, 1);
    write(1, 12, 2, 3);
    finalRead(1, 12, 100, Outcome.OK);
    assertThat(check().lostWrites()).isZero();
  }

  @Test
  void finalValueOfALaterIndeterminateWrite_doesNotLoseTheAcknowledgedOne() {
    write(1, 11, 0, 1);
    op(Kind.WRITE, 1, 13, 5, 500, Outcome.TIMED_OUT);
    finalRead(1, 13, 1000, Outcome.OK);
    assertThat(check().lostWrites()).isZero();
  }

  @Test
  void failedFinalRead_leavesTheKeyUnverified() {
    write(1, 11, 0, 1);
    finalRead(1, History.NONE, 100, Outcome.TIMED_OUT);
    ConsistencyReport r = check();
    assertThat(r.unverifiedKeys()).isEqualTo(1);
    assertThat(r.lostWrites()).isZero();
    assertThat(r.keysVerified()).isZero();
  }

  @Test
  void examples_areTheEarliestAndAtMostTheLimit() {
    write(1, 11, 0, 1);
    write(1, 12, 2, 3);
    for (int i = 0; i < 50; i++) {
      read(1, 11, 1000 - i * 10, 1001 - i * 10);
    }
    ConsistencyReport r = check();
    assertThat(r.staleReads()).isEqualTo(50);
    assertThat(r.staleReadExamples()).hasSize(3);
    assertThat(r.staleReadExamples()).extracting(v -> v.operations().get(0).invokedAtNanos())
        .containsExactly(510_000_000L, 520_000_000L, 530_000_000L);
  }

  @Test
  void longRandomSequentialRegister_hasNoViolations_untilOneIsPlanted() {
    SplittableRandom rnd = new SplittableRandom(42);
    long[] current = new long[20];
    long t = 0;
    long nextValue = 1;
    for (int n = 0; n < 20_000; n++) {
      int key = rnd.nextInt(20);
      if (rnd.nextBoolean()) {
        long v = nextValue++;
        write(key, v, t, t + 1);
        current[key] = v;
      } else {
        read(key, current[key], t, t + 1);
      }
      t += 2;
    }
    for (int key = 0; key < 20; key++) {
      finalRead(key, current[key], t + 10, Outcome.OK);
    }
    ConsistencyReport clean = check();
    assertThat(clean.staleReads() + clean.lostWrites() + clean.corruptReads()).isZero();
    assertThat(clean.keysVerified()).isEqualTo(20);

    // Plant one stale read: key 3's previous value, read after its latest write.
    long previous = -1;
    for (int i = 0; i < h.size(); i++) {
      if (h.kind(i) == Kind.WRITE && h.key(i) == 3 && h.value(i) != current[3]) {
        previous = h.value(i);
      }
    }
    read(3, previous, t + 1, t + 2);
    assertThat(check().staleReads()).isEqualTo(1);
  }
}
