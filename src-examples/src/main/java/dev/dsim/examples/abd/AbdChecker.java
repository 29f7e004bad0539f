package dev.dsim.examples.abd;

import dev.dsim.examples.abd.AbdRegister.Anomaly;
import dev.dsim.examples.abd.AbdRegister.AnomalyKind;
import dev.dsim.examples.abd.AbdRegister.Kind;
import dev.dsim.examples.abd.AbdRegister.Op;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The history checker of {@link AbdRegister#check}: a small linearizability checker specialised
 * to a register whose writes all write distinct values. A pure function of the history, in true
 * simulated time; it knows nothing of the protocol that produced it.
 */
final class AbdChecker {
  /** Stands for the write of the initial value 0; compared by identity. */
  private static final Op INITIAL_WRITE = new Op(-1, Kind.WRITE, 0, -1, -1);

  private AbdChecker() {}

  /**
   * Checks a register history whose writes all wrote distinct values (the initial value 0 counts
   * as a write that finished before anything began). For every completed read returning the
   * value of write W, it rejects: a value nobody wrote; W starting after the read finished; a
   * write W' with W before W' before the read (the read missed W'); an earlier read that
   * returned a write W'' with W before W'' (time went backwards). Each of these rules out every
   * linearization, so a flagged history is certainly wrong; the converse does not quite hold,
   * hence "lite": a complete checker would search over orders of overlapping writes.
   */
  static List<Anomaly> check(List<Op> history) {
    Map<Long, Op> writeOf = new HashMap<>();
    writeOf.put(0L, INITIAL_WRITE);
    List<Op> writes = new ArrayList<>();
    List<Op> reads = new ArrayList<>();
    for (Op op : history) {
      if (op.kind() == Kind.WRITE) {
        writeOf.put(op.value(), op);
        writes.add(op);
      } else if (op.completed()) {
        reads.add(op);
      }
    }
    List<Anomaly> anomalies = new ArrayList<>();
    for (Op read : reads) {
      Op w = writeOf.get(read.value());
      Anomaly a = w == null ? new Anomaly(AnomalyKind.UNWRITTEN_VALUE, read, null)
          : finishedBefore(read, w) ? new Anomaly(AnomalyKind.FROM_THE_FUTURE, read, w)
          : staleOrInverted(read, w, writes, reads, writeOf);
      if (a != null) {
        anomalies.add(a);
      }
    }
    return anomalies;
  }

  private static Anomaly staleOrInverted(Op read, Op w, List<Op> writes, List<Op> reads,
      Map<Long, Op> writeOf) {
    for (Op newer : writes) {
      if (finishedBefore(w, newer) && finishedBefore(newer, read)) {
        return new Anomaly(AnomalyKind.STALE_READ, read, newer);
      }
    }
    for (Op earlier : reads) {
      Op seen = writeOf.get(earlier.value());
      if (finishedBefore(earlier, read) && seen != null && finishedBefore(w, seen)) {
        return new Anomaly(AnomalyKind.NEW_OLD_INVERSION, read, earlier);
      }
    }
    return null;
  }

  /** Real-time order, with the initial value's write finished before anything else began. */
  private static boolean finishedBefore(Op a, Op b) {
    if (b == INITIAL_WRITE) {
      return false;
    }
    return a == INITIAL_WRITE || a.precedes(b);
  }
}
