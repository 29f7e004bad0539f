package dev.dsim.run;

import dev.dsim.fault.Fault;
import dev.dsim.fault.FaultPlan;
import dev.dsim.fault.FaultRecord;
import dev.dsim.fault.Lasting;
import java.util.ArrayList;
import java.util.List;

/**
 * The faults a run's nemeses drew, as schedule entries: what the shrinker turns a nemesis into,
 * and what a resolved scenario lists. Each is the fault as it struck (the nodes it hit, how long
 * it lasted) at the time it struck.
 */
public final class DrawnFaults {
  private static final long MS = 1_000_000L;

  private DrawnFaults() {}

  /** Every fault a nemesis struck in the run, in the order they struck. */
  public static List<FaultPlan.Scheduled> of(RunResult run) {
    List<FaultPlan.Scheduled> drawn = new ArrayList<>();
    for (RunResult.FaultRecord f : run.faults()) {
      if (f.source().equals("nemesis")) {
        drawn.add(f.struck());
      }
    }
    return drawn;
  }

  /** Every fault a nemesis struck, from a fault log's records, in the order they struck. */
  public static List<FaultPlan.Scheduled> ofLog(List<FaultRecord> log) {
    List<FaultPlan.Scheduled> drawn = new ArrayList<>();
    for (FaultRecord f : log) {
      if (f.source().equals("nemesis")) {
        drawn.add(f.asScheduled());
      }
    }
    return drawn;
  }

  /**
   * A plan of the scheduled faults and the drawn ones struck again, in time order (faults at
   * the same time keep the order given: the schedule's, then as they struck), and no nemesis;
   * {@code toMillis} rounds the drawn faults ({@link #toMillis}).
   */
  public static FaultPlan asSchedule(List<FaultPlan.Scheduled> scheduled,
      List<FaultPlan.Scheduled> drawn, boolean toMillis) {
    List<FaultPlan.Scheduled> all = new ArrayList<>(scheduled);
    for (FaultPlan.Scheduled f : drawn) {
      all.add(toMillis ? toMillis(f) : f);
    }
    all.sort((a, b) -> Long.compare(a.atNanos(), b.atNanos()));
    return new FaultPlan(all, null, List.of());
  }

  /**
   * The fault with its time and durations rounded to the millisecond, as a person would write
   * them ("12.345s"); a fault that lasted a moment still lasts at least 1 ms.
   */
  public static FaultPlan.Scheduled toMillis(FaultPlan.Scheduled s) {
    return new FaultPlan.Scheduled(millis(s.atNanos()), rounded(s.fault()));
  }

  private static Fault rounded(Fault f) {
    if (f instanceof Fault.Crash c) {
      return new Fault.Crash(c.target(), rounded(c.restartAfter()), c.wipe());
    } else if (f instanceof Fault.Partition p) {
      return new Fault.Partition(p.groups(), p.oneWay(), rounded(p.lasting()));
    } else if (f instanceof Fault.Split p) {
      return new Fault.Split(p.candidates(), rounded(p.lasting()));
    } else if (f instanceof Fault.Isolate i) {
      return new Fault.Isolate(i.target(), rounded(i.lasting()));
    } else if (f instanceof Fault.Degrade d) {
      return new Fault.Degrade(d.target(), d.extraLatencyNanos(), d.extraLoss(),
          rounded(d.lasting()));
    } else if (f instanceof Fault.ClockJump j) {
      return j; // its jump is a setting, not a time it lasts
    } else if (f instanceof Fault.ClockDrift d) {
      return new Fault.ClockDrift(d.target(), d.ppm(), rounded(d.lasting()));
    } else if (f instanceof Fault.Slow s) {
      return new Fault.Slow(s.target(), s.factor(), rounded(s.lasting()), s.cpu(), s.disk());
    }
    Fault.Corrupt c = (Fault.Corrupt) f;
    return new Fault.Corrupt(c.target(), c.blocks(), c.sectors(), c.messages(),
        rounded(c.lasting()));
  }

  private static Lasting rounded(Lasting l) {
    return l.heals() ? Lasting.forNanos(Math.max(MS, millis(l.nanos()))) : l;
  }

  private static long millis(long nanos) {
    return Math.round(nanos / 1e6) * MS;
  }
}
