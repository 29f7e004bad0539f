package dev.dsim.fault;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every fault injected during a run, in the order it struck, with its heal time; and, with swarm
 * testing, which random kinds the run enabled.
 */
public final class FaultLog {
  private final List<FaultRecord> records = new ArrayList<>();
  private Swarm.Draw swarm;

  /** Records a fault striking now; returns its index, to mark it healed later. */
  int struck(String kind, String targets, long atNanos, String source, Fault struck) {
    records.add(new FaultRecord(kind, targets, atNanos, -1, source, struck));
    return records.size() - 1;
  }

  void healed(int index, long atNanos) {
    FaultRecord r = records.get(index);
    records.set(index, new FaultRecord(r.kind(), r.targets(), r.atNanos(), atNanos,
        r.source(), r.struck()));
  }

  public List<FaultRecord> records() {
    return Collections.unmodifiableList(records);
  }

  void swarm(Swarm.Draw draw) {
    this.swarm = draw;
  }

  /** The random kinds this run enabled and disabled (swarm testing), or null without it. */
  public Swarm.Draw swarm() {
    return swarm;
  }
}
