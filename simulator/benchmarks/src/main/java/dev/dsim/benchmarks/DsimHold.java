package dev.dsim.benchmarks;

import dev.dsim.engine.Event;
import dev.dsim.engine.EventKind;
import dev.dsim.engine.Simulation;

/** dsim's engine: one event object per pending slot, rescheduling itself when it fires. */
final class DsimHold implements HoldContender {
  private static final EventKind HOLD = EventKind.of("hold");
  private Simulation sim;
  private final Tally tally = new Tally();

  @Override
  public String id() {
    return "dsim";
  }

  @Override
  public String name() {
    return "dsim engine";
  }

  @Override
  public void setUp(int pending, long[] increments) {
    sim = new Simulation(1);
    tally.reset(sim, increments, pending);
    for (int i = 0; i < pending; i++) {
      sim.schedule(increments[i & tally.mask], new Hold(tally));
    }
  }

  @Override
  public long fire(long firings) {
    tally.budget = firings;
    tally.checksum = 0;
    sim.run();
    return tally.checksum;
  }

  @Override
  public void tearDown() {
    sim = null;
  }

  /** What the events share: the increments, the cursor into them, the budget and checksum. */
  private static final class Tally {
    Simulation sim;
    long[] inc;
    int mask;
    int cursor;
    long budget;
    long checksum;

    void reset(Simulation sim, long[] inc, int pending) {
      this.sim = sim;
      this.inc = inc;
      this.mask = inc.length - 1;
      this.cursor = pending;
    }
  }

  private static final class Hold extends Event {
    private final Tally tally;

    Hold(Tally tally) {
      this.tally = tally;
    }

    @Override
    public EventKind kind() {
      return HOLD;
    }

    @Override
    protected void fire() {
      Tally t = tally;
      t.checksum += timeNanos();
      t.sim.after(t.inc[t.cursor++ & t.mask], this);
      if (--t.budget == 0) {
        t.sim.stop();
      }
    }
  }
}
