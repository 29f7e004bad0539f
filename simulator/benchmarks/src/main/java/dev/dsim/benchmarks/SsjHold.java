package dev.dsim.benchmarks;

import java.util.function.Supplier;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;
import umontreal.ssj.simevents.eventlist.EventList;

/**
 * SSJ's simulator with a given event list (Henriksen's, or the splay tree SSJ uses by default).
 * Times are SSJ's doubles, holding whole nanoseconds: exact below 2^53 ns (104 days), far beyond
 * what a benchmark run reaches.
 */
final class SsjHold implements HoldContender {
  private final String id;
  private final String name;
  private final Supplier<EventList> list;
  private Simulator sim;
  private long[] inc;
  private int mask;
  private int cursor;
  private long budget;
  private long checksum;

  SsjHold(String id, String name, Supplier<EventList> list) {
    this.id = id;
    this.name = name;
    this.list = list;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void setUp(int pending, long[] increments) {
    sim = new Simulator(list.get());
    sim.init();
    inc = increments;
    mask = increments.length - 1;
    cursor = pending;
    for (int i = 0; i < pending; i++) {
      new Hold(sim).schedule(increments[i & mask]);
    }
  }

  @Override
  public long fire(long firings) {
    budget = firings;
    checksum = 0;
    sim.start();
    return checksum;
  }

  @Override
  public void tearDown() {
    sim = null;
  }

  private final class Hold extends Event {
    Hold(Simulator sim) {
      super(sim);
    }

    @Override
    public void actions() {
      checksum += (long) sim.time();
      schedule(inc[cursor++ & mask]);
      if (--budget == 0) {
        sim.stop();
      }
    }
  }
}
