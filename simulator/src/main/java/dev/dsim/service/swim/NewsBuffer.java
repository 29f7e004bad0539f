package dev.dsim.service.swim;

import java.util.Arrays;

/**
 * The news a member spreads: the latest rank it learnt of each member whose state changed,
 * each sent on a bounded number of messages ({@link SwimConfig#retransmissions}), freshest
 * first. At most one piece per member: newer news of a member replaces the older and starts
 * its count again. Kept in primitive arrays in arrival order, so the choice among equally
 * fresh news is by age, never by hash order.
 */
final class NewsBuffer {
  /** Pieces of news per message, as memberlist and the SWIM paper keep it: a few. */
  static final int PER_MESSAGE = 6;
  static final long[] NONE = new long[0];

  private final int retransmissions;
  private long[] news = new long[8];
  private int[] sent = new int[8];
  private int size;

  NewsBuffer(int retransmissions) {
    this.retransmissions = retransmissions;
  }

  static long pack(int member, int rank) {
    return (long) member << 32 | rank & 0xffff_ffffL;
  }

  static int member(long news) {
    return (int) (news >>> 32);
  }

  static int rank(long news) {
    return (int) news;
  }

  /** Spreads that {@code member} is at {@code rank} from now on. */
  void add(int member, int rank) {
    for (int i = 0; i < size; i++) {
      if (member(news[i]) == member) {
        remove(i);
        break;
      }
    }
    if (size == news.length) {
      news = Arrays.copyOf(news, size * 2);
      sent = Arrays.copyOf(sent, size * 2);
    }
    news[size] = pack(member, rank);
    sent[size] = 0;
    size++;
  }

  /**
   * The news to put on the next message: the least sent pieces, oldest first among equals;
   * each counts as sent once more, and a piece sent often enough is dropped.
   */
  long[] next() {
    if (size == 0) {
      return NONE;
    }
    int k = Math.min(PER_MESSAGE, size);
    long[] out = new long[k];
    int[] picked = new int[k];
    for (int j = 0; j < k; j++) {
      int best = -1;
      for (int i = 0; i < size; i++) {
        if (!contains(picked, j, i) && (best < 0 || sent[i] < sent[best])) {
          best = i;
        }
      }
      picked[j] = best;
      out[j] = news[best];
    }
    // Count and drop from the highest index down, so removals do not shift what is left to do.
    Arrays.sort(picked);
    for (int j = k - 1; j >= 0; j--) {
      int i = picked[j];
      if (++sent[i] >= retransmissions) {
        remove(i);
      }
    }
    return out;
  }

  int size() {
    return size;
  }

  static boolean contains(int[] a, int n, int v) {
    for (int i = 0; i < n; i++) {
      if (a[i] == v) {
        return true;
      }
    }
    return false;
  }

  private void remove(int i) {
    System.arraycopy(news, i + 1, news, i, size - i - 1);
    System.arraycopy(sent, i + 1, sent, i, size - i - 1);
    size--;
  }
}
