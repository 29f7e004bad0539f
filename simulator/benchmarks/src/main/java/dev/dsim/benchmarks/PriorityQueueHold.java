package dev.dsim.benchmarks;

import java.util.PriorityQueue;

/** Baseline: {@code java.util.PriorityQueue} of (time, sequence) records, a new one per event. */
final class PriorityQueueHold implements HoldContender {
  private PriorityQueue<Entry> queue;
  private long[] inc;
  private int mask;
  private int cursor;
  private long seq;

  @Override
  public String id() {
    return "pq";
  }

  @Override
  public String name() {
    return "java.util.PriorityQueue";
  }

  @Override
  public void setUp(int pending, long[] increments) {
    queue = new PriorityQueue<>(pending);
    inc = increments;
    mask = increments.length - 1;
    cursor = pending;
    seq = 0;
    for (int i = 0; i < pending; i++) {
      queue.add(new Entry(increments[i & mask], seq++));
    }
  }

  @Override
  public long fire(long firings) {
    long checksum = 0;
    for (long n = 0; n < firings; n++) {
      Entry e = queue.poll();
      checksum += e.time;
      queue.add(new Entry(e.time + inc[cursor++ & mask], seq++));
    }
    return checksum;
  }

  @Override
  public void tearDown() {
    queue = null;
  }

  private record Entry(long time, long seq) implements Comparable<Entry> {
    @Override
    public int compareTo(Entry o) {
      int c = Long.compare(time, o.time);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }
}
