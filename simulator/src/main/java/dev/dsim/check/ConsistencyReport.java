package dev.dsim.check;

import java.util.List;

/**
 * What {@link ConsistencyChecker} found: counts of each violation, how much it could judge, and
 * the earliest few violations of each kind as examples.
 *
 * @param lostWrites maximal acknowledged writes (the newest of their key, or overlapping the
 *     newest) whose value is gone and was not overwritten
 * @param vanishedWrites every acknowledged write whose value is gone and no write that could
 *     have replaced it survived (at least {@code lostWrites})
 * @param lostWritesCorrupt lost writes whose key read back corrupt (that read is also one of
 *     {@code corruptReads})
 * @param staleReads reads that returned a value already overwritten before they began
 * @param corruptReads reads that returned a value no client wrote
 * @param unverifiedKeys keys with acknowledged writes whose final read-back failed
 * @param readsChecked ok workload reads judged for staleness
 * @param writesAcknowledged ok writes in the history
 * @param keysVerified keys with acknowledged writes that the final read-back judged
 */
public record ConsistencyReport(long lostWrites, long vanishedWrites, long lostWritesCorrupt,
    long staleReads, long corruptReads,
    long unverifiedKeys, long readsChecked, long writesAcknowledged, long keysVerified,
    List<Violation> lostWriteExamples, List<Violation> staleReadExamples,
    List<Violation> corruptReadExamples) {
  public ConsistencyReport {
    lostWriteExamples = List.copyOf(lostWriteExamples);
    staleReadExamples = List.copyOf(staleReadExamples);
    corruptReadExamples = List.copyOf(corruptReadExamples);
  }
}
