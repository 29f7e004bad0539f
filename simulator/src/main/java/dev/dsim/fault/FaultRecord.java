package dev.dsim.fault;

/**
 * One fault as it happened: what, on which nodes, when it struck and when it healed
 * ({@code healedAtNanos} is -1 while, or if, it never healed), and the fault as it struck
 * ({@link Strike#struck}: concrete targets, its own duration), which a schedule can strike
 * again at {@code atNanos} without the nemesis that drew it.
 */
public record FaultRecord(String kind, String targets, long atNanos, long healedAtNanos,
    String source, Fault struck) {
  /** The fault as a schedule entry: the same fault at the same time. */
  public FaultPlan.Scheduled asScheduled() {
    return new FaultPlan.Scheduled(atNanos, struck);
  }
}
