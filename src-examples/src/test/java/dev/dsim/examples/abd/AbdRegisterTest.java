package dev.dsim.examples.abd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsim.check.linearizability.Verdict;
import dev.dsim.examples.abd.AbdRegister.Config;
import dev.dsim.examples.abd.AbdRegister.Kind;
import dev.dsim.examples.abd.AbdRegister.Op;
import dev.dsim.examples.abd.AbdRegister.Outcome;
import dev.dsim.examples.abd.AbdRegister.Partition;
import dev.dsim.examples.abd.AbdRegister.ReadMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

final class AbdRegisterTest {
  private static final long MS = 1_000_000L;
  private static final long FROM = 300 * MS;
  private static final long UNTIL = 700 * MS;
  /** One replica alone: the clients and the other two replicas still form a majority. */
  private static final Partition MINORITY_AWAY = new Partition(FROM, UNTIL, List.of("r2"));
  /** Client c0 with replica r0: one replica, not a majority; c1 and c2 keep r1 and r2. */
  private static final Partition C0_WITH_ONE_REPLICA =
      new Partition(FROM, UNTIL, List.of("r0", "c0"));
  private static final Config ABD = Config.defaults();

  /** Both partitions share one window; operations started inside it. */
  private static List<Op> invokedDuringPartition(Outcome o, Predicate<Op> which) {
    return o.history().stream().filter(op -> MINORITY_AWAY.covers(op.invokedNanos()))
        .filter(which).toList();
  }

  private static double meanLatency(List<Op> ops) {
    return ops.stream().filter(Op::completed).mapToLong(Op::latencyNanos).average().orElse(0);
  }

  @Test
  void minorityPartition_everyOperationCompletes_onlySlower() {
    for (long seed = 1; seed <= 5; seed++) {
      Outcome o = AbdRegister.run(seed, ABD.withPartition(MINORITY_AWAY));
      List<Op> during = invokedDuringPartition(o, op -> true);
      assertThat(during).as("seed %d", seed).hasSizeGreaterThan(150).allSatisfy(op -> {
        assertThat(op.completed()).isTrue();
        // Never needed a second try: the two reachable replicas answered the first time.
        assertThat(op.latencyNanos()).isLessThan(ABD.retransmitNanos());
      });
      for (int client = 0; client < ABD.clients(); client++) {
        int c = client;
        assertThat(invokedDuringPartition(o, op -> op.client() == c))
            .as("seed %d, client %d", seed, c).hasSizeGreaterThan(40);
      }
      assertThat(o.linearizable()).as("seed %d: %s", seed, o.verdict()).isTrue();
      // Each phase now waits for the slower of two replies, not the faster two of three.
      List<Op> before = o.history().stream().filter(op -> op.invokedNanos() < FROM).toList();
      assertThat(meanLatency(during)).as("seed %d", seed)
          .isGreaterThan(1.2 * meanLatency(before));
    }
  }

  @Test
  void majorityPartition_cutOffClientWaitsInsteadOfAnsweringStale() {
    for (long seed = 1; seed <= 5; seed++) {
      Outcome o = AbdRegister.run(seed, ABD.withPartition(C0_WITH_ONE_REPLICA));
      // c0 keeps trying (each attempt times out and it starts another), and nothing it starts
      // completes while it can reach only r0.
      List<Op> cutOff = invokedDuringPartition(o, op -> op.client() == 0);
      assertThat(cutOff).as("seed %d", seed).hasSizeGreaterThanOrEqualTo(3)
          .noneMatch(op -> op.completed() && op.completedNanos() < UNTIL);
      // The majority side does not notice: c1 and c2 go on with r1 and r2.
      assertThat(invokedDuringPartition(o, op -> op.client() != 0 && op.completed()))
          .as("seed %d", seed).hasSizeGreaterThan(100);
      // After the heal c0 works again, and the whole history is still linearizable-lite.
      assertThat(o.history()).as("seed %d", seed)
          .anyMatch(op -> op.client() == 0 && op.invokedNanos() > UNTIL && op.completed());
      assertThat(o.linearizable()).as("seed %d: %s", seed, o.verdict()).isTrue();
    }
  }

  @Test
  void oneReplicaReads_returnStaleValuesOnTheCutOffSide() {
    Config wrong = ABD.withReadMode(ReadMode.ONE_REPLICA).withPartition(C0_WITH_ONE_REPLICA);
    List<Long> seedsWithViolations = new ArrayList<>();
    for (long seed = 1; seed <= 5; seed++) {
      Outcome o = AbdRegister.run(seed, wrong);
      if (o.verdict() instanceof Verdict.Violation v) {
        seedsWithViolations.add(seed);
        // The explanation names a read among the operations that show it.
        assertThat(v.core()).as("seed %d", seed).anyMatch(line -> line.contains("read"));
      }
    }
    // c0's writes still need a majority and time out; its reads answer from r0 alone, which
    // has missed every write made on the other side.
    assertThat(seedsWithViolations).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void oneReplicaReads_areNotLinearizableEvenWithoutFailures() {
    // A read quorum of 1 and a write quorum of 2 out of 3 need not intersect: a read can ask
    // the one replica the last write has not reached yet.
    Config wrong = ABD.withReadMode(ReadMode.ONE_REPLICA);
    long seedsWithViolations = 0;
    for (long seed = 1; seed <= 5; seed++) {
      if (!AbdRegister.run(seed, wrong).linearizable()) {
        seedsWithViolations++;
      }
      Outcome abd = AbdRegister.run(seed, ABD);
      assertThat(abd.linearizable()).as("seed %d: %s", seed, abd.verdict()).isTrue();
    }
    assertThat(seedsWithViolations).isPositive();
  }

  @Test
  void checker_acceptsOverlappingOperations() {
    // w1 and r overlap w2: the read may return either value.
    Op w1 = new Op(0, Kind.WRITE, 1, 0, 10);
    Op w2 = new Op(1, Kind.WRITE, 2, 20, 40);
    Op r1 = new Op(2, Kind.READ, 1, 25, 30);
    Op r2 = new Op(2, Kind.READ, 2, 31, 35);
    Op pending = new Op(0, Kind.WRITE, 3, 50, -1);
    Op r3 = new Op(2, Kind.READ, 3, 60, 70); // a write that never completed may take effect
    assertThat(AbdRegister.check(List.of(w1, w2, r1, r2, pending, r3)))
        .isInstanceOf(Verdict.Linearizable.class);
  }

  @Test
  void checker_rejectsStaleReadsInversionsAndValuesFromNowhere() {
    Op w1 = new Op(0, Kind.WRITE, 1, 0, 10);
    Op w2 = new Op(1, Kind.WRITE, 2, 20, 30);
    Op stale = new Op(2, Kind.READ, 1, 40, 50);
    assertThat(violation(w1, w2, stale).core()).hasSize(3);

    // A new-old inversion: a read sees w3 while it is in flight, a later read the older w1.
    Op w3 = new Op(1, Kind.WRITE, 3, 20, 90);
    Op sawNew = new Op(2, Kind.READ, 3, 30, 40);
    Op sawOld = new Op(2, Kind.READ, 1, 50, 60);
    assertThat(violation(w1, w3, sawNew, sawOld).core()).hasSize(4);

    // A read of a value whose write began after the read ended.
    Op early = new Op(2, Kind.READ, 4, 0, 5);
    Op w4 = new Op(0, Kind.WRITE, 4, 10, 20);
    assertThat(violation(early, w4).core()).hasSize(2);

    // A value nobody wrote is its own explanation.
    Op invented = new Op(2, Kind.READ, 99, 30, 40);
    assertThat(violation(w1, invented).core()).singleElement().asString().contains("read → 99");

    // The initial value read after a write finished.
    Op initialAfterWrite = new Op(2, Kind.READ, 0, 30, 40);
    assertThat(violation(w1, initialAfterWrite).explanation()).contains("not linearizable");
  }

  private static Verdict.Violation violation(Op... history) {
    Verdict v = AbdRegister.check(List.of(history));
    assertThat(v).isInstanceOf(Verdict.Violation.class);
    return (Verdict.Violation) v;
  }

  @Test
  void sameSeed_sameTrace() {
    Config config = ABD.withPartition(MINORITY_AWAY);
    Outcome a = AbdRegister.run(42, config);
    Outcome b = AbdRegister.run(42, config);
    Outcome c = AbdRegister.run(43, config);
    assertThat(b.traceHash()).isEqualTo(a.traceHash());
    assertThat(b.history()).isEqualTo(a.history());
    assertThat(c.traceHash()).isNotEqualTo(a.traceHash());
  }
}
