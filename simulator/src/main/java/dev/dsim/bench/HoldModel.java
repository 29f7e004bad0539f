package dev.dsim.bench;

import dev.dsim.engine.Event;
import dev.dsim.engine.EventKind;
import dev.dsim.engine.Rng;
import dev.dsim.engine.Simulation;
import java.util.PriorityQueue;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * The classic hold model, three ways: N events pending; each fired event schedules one more at
 * now + Exp(1 s). The increments come from the same stream for every contender, so they do the
 * same work; each returns a checksum of the fired times so the JIT cannot skip any of it.
 */
final class HoldModel {
  static final long MEAN_NANOS = 1_000_000_000L;
  private static final EventKind HOLD = EventKind.of("hold");

  private HoldModel() {}

  /** Increments drawn up front, so that sampling cost is not part of the measurement. */
  static long[] increments(int count, long seed) {
    ContinuousSampler exp = Rng.root(seed).fork("hold").exponential(MEAN_NANOS);
    long[] d = new long[count];
    for (int i = 0; i < count; i++) {
      d[i] = Math.round(exp.sample());
    }
    return d;
  }

  /** dsim's engine: one reusable event object per pending slot, rescheduling itself. */
  static long engine(int pending, long firings, long[] inc) {
    Simulation sim = new Simulation(1);
    Hold[] slots = new Hold[pending];
    int mask = inc.length - 1;
    for (int i = 0; i < pending; i++) {
      slots[i] = new Hold(sim, inc, mask);
      sim.schedule(inc[i & mask], slots[i]);
    }
    Hold.budget = firings;
    Hold.cursor = pending;
    Hold.checksum = 0;
    sim.run();
    return Hold.checksum ^ sim.eventsFired();
  }

  private static final class Hold extends Event {
    static long budget;
    static int cursor;
    static long checksum;
    private final Simulation sim;
    private final long[] inc;
    private final int mask;

    Hold(Simulation sim, long[] inc, int mask) {
      this.sim = sim;
      this.inc = inc;
      this.mask = mask;
    }

    @Override
    public EventKind kind() {
      return HOLD;
    }

    @Override
    protected void fire() {
      checksum += timeNanos();
      if (--budget > 0) {
        sim.after(inc[cursor++ & mask], this);
      } else {
        sim.stop();
      }
    }
  }

  /** Baseline: java.util.PriorityQueue of event objects, a new object per event. */
  static long priorityQueue(int pending, long firings, long[] inc) {
    PriorityQueue<PqEvent> q = new PriorityQueue<>(pending);
    int mask = inc.length - 1;
    long seq = 0;
    for (int i = 0; i < pending; i++) {
      q.add(new PqEvent(inc[i & mask], seq++));
    }
    long checksum = 0;
    int cursor = pending;
    for (long n = 0; n < firings; n++) {
      PqEvent e = q.poll();
      checksum += e.time;
      q.add(new PqEvent(e.time + inc[cursor++ & mask], seq++));
    }
    return checksum ^ firings;
  }

  private record PqEvent(long time, long seq) implements Comparable<PqEvent> {
    @Override
    public int compareTo(PqEvent o) {
      int c = Long.compare(time, o.time);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  /** Upper bound: a hand-written binary heap on primitive arrays (time, seq), no objects. */
  static long primitiveBinaryHeap(int pending, long firings, long[] inc) {
    long[] time = new long[pending + 1];
    long[] seq = new long[pending + 1];
    int size = 0;
    long nextSeq = 0;
    int mask = inc.length - 1;
    for (int i = 0; i < pending; i++) {
      size = push(time, seq, size, inc[i & mask], nextSeq++);
    }
    long checksum = 0;
    int cursor = pending;
    for (long n = 0; n < firings; n++) {
      long t = time[0];
      checksum += t;
      // Replace the root with the successor event and sift it down (pop + push in one pass).
      siftDown(time, seq, size, t + inc[cursor++ & mask], nextSeq++);
    }
    return checksum ^ firings;
  }

  private static int push(long[] time, long[] seq, int size, long t, long s) {
    int i = size;
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
    return size + 1;
  }

  private static void siftDown(long[] time, long[] seq, int size, long t, long s) {
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
