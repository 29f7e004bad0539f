package dev.dsim.service.swim;

/**
 * The settings of a SWIM failure detector (Das, Gupta and Motivala, "SWIM: Scalable
 * Weakly-consistent Infection-style Process Group Membership Protocol", DSN 2002).
 *
 * <p>Every {@code periodNanos} each member probes one other member, in a random round-robin
 * order: it pings it, and if no acknowledgement comes within {@code probeTimeoutNanos} it asks
 * {@code indirectProbes} other members to ping it on its behalf. A member that neither ping
 * reaches by the end of the period is suspected, and the suspicion spreads by riding on the
 * pings and acknowledgements that flow anyway (gossip). So each member sends a constant number
 * of messages per period whatever the size of the group, where all-to-all heartbeats send one to
 * every peer: the price is a detection that takes a few periods to reach everyone.
 *
 * @param periodNanos the protocol period: one probe per member per period
 * @param probeTimeoutNanos how long a direct ping waits before the indirect probes; shorter than
 *     the period, which is also the deadline of the indirect probes
 * @param indirectProbes members asked to ping an unanswering member on the prober's behalf (a
 *     lossy or congested link between two members then does not make one suspect the other)
 */
public record SwimConfig(long periodNanos, long probeTimeoutNanos, int indirectProbes) {
  /** More helpers add messages without making a detection markedly more reliable. */
  public static final int MAX_INDIRECT_PROBES = 16;
  /**
   * Transmissions of each piece of news per ⌈log2(n + 1)⌉: the paper's λ, enough that with high
   * probability every member hears it.
   */
  static final int LAMBDA = 3;

  public SwimConfig {
    if (periodNanos <= 0 || probeTimeoutNanos <= 0) {
      throw new IllegalArgumentException("SWIM period and probe timeout must be > 0");
    }
    if (probeTimeoutNanos >= periodNanos) {
      throw new IllegalArgumentException("the probe timeout must be shorter than the period, "
          + "which is also the deadline of the indirect probes");
    }
    if (indirectProbes < 0 || indirectProbes > MAX_INDIRECT_PROBES) {
      throw new IllegalArgumentException("indirect probes must be between 0 and "
          + MAX_INDIRECT_PROBES + ", got " + indirectProbes);
    }
  }

  /** How many messages each piece of news rides on in a group of {@code members}. */
  public static int retransmissions(int members) {
    return LAMBDA * ceilLog2(members + 1);
  }

  /**
   * How long after a member's crash a suspicion of it can still be that crash being detected:
   * the period it was probed in, the next, and the periods the suspicion takes to spread
   * (about log2 n, as an epidemic doubles its reach each period).
   */
  public long detectionWindowNanos(int members) {
    return periodNanos * (2L + ceilLog2(members + 1));
  }

  private static int ceilLog2(int x) {
    return x <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(x - 1);
  }
}
