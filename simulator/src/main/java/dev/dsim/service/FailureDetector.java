package dev.dsim.service;

/**
 * A timeout failure detector over {@code n} peers (by index): a peer not heard from for longer
 * than the timeout is suspected, and trusted again as soon as it is heard from. It is what every
 * heartbeat scheme reduces to, and it is unreliable by nature: a slow peer and a dead one look
 * the same.
 *
 * <p>Times are the owner's local clock. Every peer starts trusted, as heard from at creation.
 */
public final class FailureDetector {
  /** Told when the detector changes its mind about a peer. */
  public interface Listener {
    /** Peer {@code index} is now suspected to be down. */
    void suspected(int index);

    /** Peer {@code index}, suspected, answered again. */
    void trusted(int index);
  }

  private final long timeoutNanos;
  private final long[] lastHeard;
  private final boolean[] down;
  private final Listener listener;
  private int downCount;

  public FailureDetector(int n, long timeoutNanos, long nowNanos, Listener listener) {
    if (timeoutNanos <= 0) {
      throw new IllegalArgumentException("timeout must be > 0");
    }
    this.timeoutNanos = timeoutNanos;
    this.lastHeard = new long[n];
    this.down = new boolean[n];
    this.listener = listener;
    java.util.Arrays.fill(lastHeard, nowNanos);
  }

  /** Peer {@code i} was heard from at {@code nowNanos}. */
  public void heard(int i, long nowNanos) {
    lastHeard[i] = Math.max(lastHeard[i], nowNanos);
    if (down[i]) {
      down[i] = false;
      downCount--;
      listener.trusted(i);
    }
  }

  /** Suspects every trusted peer silent for longer than the timeout. */
  public void sweep(long nowNanos) {
    for (int i = 0; i < lastHeard.length; i++) {
      if (!down[i] && nowNanos - lastHeard[i] > timeoutNanos) {
        down[i] = true;
        downCount++;
        listener.suspected(i);
      }
    }
  }

  /** True while peer {@code i} is suspected. */
  public boolean isSuspected(int i) {
    return down[i];
  }

  /** Peers currently suspected. */
  public int suspectedCount() {
    return downCount;
  }

  public int size() {
    return lastHeard.length;
  }
}
