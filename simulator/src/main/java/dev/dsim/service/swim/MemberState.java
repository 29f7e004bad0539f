package dev.dsim.service.swim;

/**
 * What one member believes of another, as one int, its rank: {@code 2 × incarnation} for
 * "alive", {@code 2 × incarnation + 1} for "suspected". A member's incarnation is a number only
 * it raises, to refute a suspicion of itself. SWIM's rules of which news overrides which
 * (suspected at i overrides alive at j when i ≥ j; alive at i overrides suspected at j when
 * i > j; either overrides its own kind at a lower incarnation) are then one comparison: the
 * higher rank wins.
 */
final class MemberState {
  private MemberState() {}

  static int alive(int incarnation) {
    return 2 * incarnation;
  }

  static int suspected(int incarnation) {
    return 2 * incarnation + 1;
  }

  static boolean isSuspected(int rank) {
    return (rank & 1) != 0;
  }

  static int incarnation(int rank) {
    return rank >>> 1;
  }
}
