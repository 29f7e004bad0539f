package dev.dsim.benchmarks;

import sim.engine.Schedule;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * MASON's schedule: a binary heap of (time, ordering) keys, one key object per scheduling. A
 * step of the schedule fires every agent due at the earliest time; the budget is counted per
 * agent, so exactly as many events fire as for the other contenders.
 */
final class MasonHold implements HoldContender {
  private SimState state;
  private long[] inc;
  private int mask;
  private int cursor;
  private long budget;
  private long checksum;

  @Override
  public String id() {
    return "mason";
  }

  @Override
  public String name() {
    return "MASON 14 schedule";
  }

  @Override
  public void setUp(int pending, long[] increments) {
    state = new SimState(1);
    inc = increments;
    mask = increments.length - 1;
    cursor = pending;
    Schedule schedule = state.schedule;
    for (int i = 0; i < pending; i++) {
      schedule.scheduleOnce((double) increments[i & mask], new Hold());
    }
  }

  @Override
  public long fire(long firings) {
    budget = firings;
    checksum = 0;
    Schedule schedule = state.schedule;
    while (budget > 0 && schedule.step(state)) {
      // each step fires the agents due at the earliest time
    }
    return checksum;
  }

  @Override
  public void tearDown() {
    state = null;
  }

  private final class Hold implements Steppable {
    private static final long serialVersionUID = 1L;

    @Override
    public void step(SimState s) {
      double now = s.schedule.getTime();
      if (budget == 0) {
        // The budget ran out earlier in this step, which took every agent due now off the
        // schedule: put this one back, unfired, so that N stays as it was.
        s.schedule.scheduleOnce(now, this);
        return;
      }
      checksum += (long) now;
      budget--;
      s.schedule.scheduleOnce(now + inc[cursor++ & mask], this);
    }
  }
}
