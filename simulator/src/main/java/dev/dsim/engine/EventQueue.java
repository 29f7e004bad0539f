package dev.dsim.engine;

import java.util.Arrays;

/**
 * Pending events ordered by (time, sequence number): a 4-ary min-heap whose keys live in a
 * primitive {@code long[]} beside the event references.
 *
 * <p>Why this shape: comparing times in a flat array keeps the sift loops in cache and free of
 * pointer chasing; the sequence number (read from the event) is only consulted on equal times.
 * A 4-ary heap halves the depth of a binary one, which pays off at 10^5 pending events. Cancelled
 * events stay in the heap (lazy deletion) and are skipped when they reach the top; when they
 * outnumber the live ones the heap is compacted, so a storm of cancelled timeouts cannot grow it
 * without bound.
 *
 * <p>Not thread-safe; one queue belongs to one simulation.
 */
final class EventQueue {
  private static final int INITIAL_CAPACITY = 1024;
  private static final int COMPACT_MIN_SIZE = 4096;

  private long[] times = new long[INITIAL_CAPACITY];
  private Event[] events = new Event[INITIAL_CAPACITY];
  private int size;
  private int cancelledInHeap;
  private long nextSeq;

  int size() {
    return size;
  }

  /** Live (not cancelled) events still pending. */
  int liveSize() {
    return size - cancelledInHeap;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Time of the earliest entry, cancelled or not; only valid when not empty. */
  long peekTime() {
    return times[0];
  }

  void add(long time, Event e) {
    if (e.pending) {
      throw new IllegalStateException("event " + e.kind() + " is already scheduled");
    }
    e.seq = nextSeq++;
    e.timeNanos = time;
    e.pending = true;
    e.cancelled = false;
    if (size == times.length) {
      grow();
    }
    siftUp(size++, time, e);
  }

  /** Removes and returns the earliest entry; the caller checks {@link Event#cancelled}. */
  Event poll() {
    Event top = events[0];
    int last = --size;
    if (last > 0) {
      long t = times[last];
      Event e = events[last];
      events[last] = null;
      siftDown(0, t, e);
    } else {
      events[0] = null;
    }
    top.pending = false;
    if (top.cancelled) {
      cancelledInHeap--;
    }
    return top;
  }

  /** Marks a pending event cancelled; returns false if it was not pending. */
  boolean cancel(Event e) {
    if (!e.pending || e.cancelled) {
      return false;
    }
    e.cancelled = true;
    cancelledInHeap++;
    if (cancelledInHeap > COMPACT_MIN_SIZE && cancelledInHeap > size / 2) {
      compact();
    }
    return true;
  }

  private void siftUp(int hole, long t, Event e) {
    long seq = e.seq;
    while (hole > 0) {
      int parent = (hole - 1) >>> 2;
      long pt = times[parent];
      if (pt < t || (pt == t && events[parent].seq < seq)) {
        break;
      }
      times[hole] = pt;
      events[hole] = events[parent];
      hole = parent;
    }
    times[hole] = t;
    events[hole] = e;
  }

  private void siftDown(int hole, long t, Event e) {
    long seq = e.seq;
    int n = size;
    while (true) {
      int first = (hole << 2) + 1;
      if (first >= n) {
        break;
      }
      int best = first;
      long bt = times[first];
      int end = Math.min(first + 4, n);
      for (int c = first + 1; c < end; c++) {
        long ct = times[c];
        if (ct < bt || (ct == bt && events[c].seq < events[best].seq)) {
          best = c;
          bt = ct;
        }
      }
      if (t < bt || (t == bt && seq < events[best].seq)) {
        break;
      }
      times[hole] = bt;
      events[hole] = events[best];
      hole = best;
    }
    times[hole] = t;
    events[hole] = e;
  }

  /** Drops cancelled entries and re-heapifies in O(n). */
  private void compact() {
    int w = 0;
    for (int r = 0; r < size; r++) {
      Event e = events[r];
      if (e.cancelled) {
        e.pending = false;
      } else {
        times[w] = times[r];
        events[w] = e;
        w++;
      }
    }
    Arrays.fill(events, w, size, null);
    size = w;
    cancelledInHeap = 0;
    for (int i = (size - 2) >>> 2; size > 1 && i >= 0; i--) {
      siftDown(i, times[i], events[i]);
    }
  }

  private void grow() {
    int capacity = times.length * 2;
    if (capacity < 0) {
      throw new IllegalStateException("event queue cannot grow beyond " + times.length);
    }
    times = Arrays.copyOf(times, capacity);
    events = Arrays.copyOf(events, capacity);
  }
}
