package dev.dsim.benchmarks;

/**
 * Upper bound: a hand-written binary heap of (time, sequence) in two primitive arrays, with no
 * event objects at all; a firing replaces the root with its successor in one sift-down.
 */
final class PrimitiveHeapHold implements HoldContender {
  private long[] time;
  private long[] seq;
  private int size;
  private long nextSeq;
  private long[] inc;
  private int mask;
  private int cursor;

  @Override
  public String id() {
    return "heap";
  }

  @Override
  public String name() {
    return "primitive binary heap";
  }

  @Override
  public void setUp(int pending, long[] increments) {
    time = new long[pending];
    seq = new long[pending];
    size = 0;
    nextSeq = 0;
    inc = increments;
    mask = increments.length - 1;
    cursor = pending;
    for (int i = 0; i < pending; i++) {
      push(increments[i & mask], nextSeq++);
    }
  }

  @Override
  public long fire(long firings) {
    long checksum = 0;
    for (long n = 0; n < firings; n++) {
      long t = time[0];
      checksum += t;
      // Replace the root with its successor and sift it down: a pop and a push in one pass.
      replaceRoot(t + inc[cursor++ & mask], nextSeq++);
    }
    return checksum;
  }

  @Override
  public void tearDown() {
    time = null;
    seq = null;
  }

  private void push(long t, long s) {
    int i = size++;
    while (i > 0) {
      int p = (i - 1) >>> 1;
      if (time[p] < t || (time[p] == t && seq[p] < s)) {
        break;
      }
      time[i] = time[p];
      seq[i] = seq[p];
      i = p;
    }
    time[i] = t;
    seq[i] = s;
  }

  private void replaceRoot(long t, long s) {
    int i = 0;
    while (true) {
      int c = 2 * i + 1;
      if (c >= size) {
        break;
      }
      if (c + 1 < size && (time[c + 1] < time[c]
          || (time[c + 1] == time[c] && seq[c + 1] < seq[c]))) {
        c++;
      }
      if (t < time[c] || (t == time[c] && s < seq[c])) {
        break;
      }
      time[i] = time[c];
      seq[i] = seq[c];
      i = c;
    }
    time[i] = t;
    seq[i] = s;
  }
}
