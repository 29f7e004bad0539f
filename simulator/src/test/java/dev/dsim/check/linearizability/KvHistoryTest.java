package dev.dsim.check.linearizability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsim.metrics.History;
import dev.dsim.metrics.Outcome;
import org.junit.jupiter.api.Test;

/** A kv client history as register operations: what each outcome means for linearizability. */
final class KvHistoryTest {
  @Test
  void failedWritesArePending_failedReadsAndTheReadBackAreLeftOut() {
    History h = new History();
    int ok = h.invoke(History.Kind.WRITE, History.Phase.WORKLOAD, 7, 11, 0);
    h.complete(ok, 10, Outcome.OK, 0);
    int timedOut = h.invoke(History.Kind.WRITE, History.Phase.WORKLOAD, 7, 12, 20);
    h.complete(timedOut, 1_000, Outcome.TIMED_OUT, 0);
    int read = h.invoke(History.Kind.READ, History.Phase.WORKLOAD, 7, 0, 30);
    h.complete(read, 40, Outcome.OK, 12);
    int failedRead = h.invoke(History.Kind.READ, History.Phase.WORKLOAD, 7, 0, 50);
    h.complete(failedRead, 60, Outcome.FAILED, 0);
    int readBack = h.invoke(History.Kind.READ, History.Phase.FINAL, 7, 0, 2_000);
    h.complete(readBack, 2_010, Outcome.OK, 11);

    var ops = KvHistory.operations(h);
    assertThat(ops).hasSize(3);
    assertThat(ops.get(1).returnNanos()).as("bounded by the read of its value").isEqualTo(40);
    assertThat(ops.get(1).id()).isEqualTo(timedOut);
    // The timed-out write of 12 was read: it took effect, and the history is linearizable.
    assertThat(KvHistory.check(h, Budget.DEFAULT)).isInstanceOf(Verdict.Linearizable.class);

    // A later read of the older value, after the read of 12 returned: the timed-out write was
    // seen and then forgotten.
    int old = h.invoke(History.Kind.READ, History.Phase.WORKLOAD, 7, 0, 100);
    h.complete(old, 110, Outcome.OK, 11);
    Verdict v = KvHistory.check(h, Budget.DEFAULT);
    assertThat(v).isInstanceOf(Verdict.Violation.class);
    assertThat(((Verdict.Violation) v).key()).isEqualTo("7");
  }
}
