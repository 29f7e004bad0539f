package dev.dsim.check;

import java.util.List;

/**
 * What {@link ConsistencyChecker} found: counts of each violation, how much it could judge, and
 * the earliest few violations of each kind as examples.
 *
 * @param lostWrites acknowledged writes whose value is gone and was not overwritten
 * @param staleReads reads that returned a value already overwritten before they began
 * @param corruptReads reads that returned a value no client wrote
 * @param unverifiedKeys keys with acknowledged writes whose final read-back failed
 * @param readsChecked ok workload reads judged for staleness
 * @param writesAcknowledged ok writes in the history
 * @param keysVerified keys with acknowledged writes that the final read-back judged
 */
public record ConsistencyReport(long lostWrites, long staleReads, long corruptReads,
    long unverifiedKeys, long readsChecked, long writesAcknowledged, long keysVerified,
    List<Violation> lostWriteExamples, List<Violation> staleReadExamples,
    List<Violation> corruptReadExamples) {
  public ConsistencyReport {
    lostWriteExamples = List.copyOf(lostWriteExamples);
    staleReadExamples = List.copyOf(staleReadExamples);
    corruptReadExamples = List.copyOf(corruptReadExamples);
  }
}
