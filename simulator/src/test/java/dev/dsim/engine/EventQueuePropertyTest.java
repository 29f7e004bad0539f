package dev.dsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Random schedules, including ties, cancellations and events scheduled from handlers, checked
 * against a reference model: every live event fires exactly once, in (time, scheduling order).
 */
final class EventQueuePropertyTest {
  private static final EventKind K = EventKind.of("p");

  /** An event that records its firing and may schedule or cancel others. */
  private final class Probe extends Event {
    final int id;
    final long order;

    Probe(int id, long order) {
      this.id = id;
      this.order = order;
    }

    @Override
    public EventKind kind() {
      return K;
    }

    @Override
    protected void fire() {
      fired.add(this);
      firedAt.add(sim.now());
      if (rnd.nextInt(4) == 0) {
        long delay = rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(50);
        Probe p = new Probe(nextId++, nextOrder++);
        sim.after(delay, p);
        live.add(p);
      }
      if (rnd.nextInt(8) == 0 && !live.isEmpty()) {
        Probe victim = live.get(rnd.nextInt(live.size()));
        if (victim.isPending() && sim.cancel(victim)) {
          cancelledProbes.add(victim);
        }
      }
    }
  }

  private Simulation sim;
  private SplittableRandom rnd;
  private List<Probe> live;
  private List<Probe> fired;
  private List<Long> firedAt;
  private List<Probe> cancelledProbes;
  private int nextId;
  private long nextOrder;

  @Test
  void randomSchedules_fireEveryLiveEventOnceInOrder() {
    for (int trial = 0; trial < 200; trial++) {
      runTrial(trial);
    }
  }

  private void runTrial(int trial) {
    sim = new Simulation(trial);
    rnd = new SplittableRandom(1000 + trial);
    live = new ArrayList<>();
    fired = new ArrayList<>();
    firedAt = new ArrayList<>();
    cancelledProbes = new ArrayList<>();
    nextId = 0;
    nextOrder = 0;
    int n = 1 + rnd.nextInt(trial < 20 ? 20_000 : 2_000);
    int timeRange = 1 + rnd.nextInt(n); // small ranges make many ties
    for (int i = 0; i < n; i++) {
      Probe p = new Probe(nextId++, nextOrder++);
      sim.schedule(rnd.nextInt(timeRange), p);
      live.add(p);
    }
    for (int i = 0; i < n / 10; i++) {
      Probe victim = live.get(rnd.nextInt(live.size()));
      if (sim.cancel(victim)) {
        cancelledProbes.add(victim);
      }
    }
    sim.run();

    // Non-decreasing time; ties in scheduling order.
    for (int i = 1; i < fired.size(); i++) {
      assertThat(firedAt.get(i)).isGreaterThanOrEqualTo(firedAt.get(i - 1));
      if (firedAt.get(i).equals(firedAt.get(i - 1))) {
        assertThat(fired.get(i).order).isGreaterThan(fired.get(i - 1).order);
      }
    }
    // None lost, none twice, no cancelled one fired.
    boolean[] seen = new boolean[nextId];
    for (Probe p : fired) {
      assertThat(seen[p.id]).as("fired twice: %d", p.id).isFalse();
      seen[p.id] = true;
    }
    for (Probe p : cancelledProbes) {
      assertThat(seen[p.id]).as("cancelled but fired: %d", p.id).isFalse();
    }
    List<Probe> expected = new ArrayList<>(live);
    expected.removeAll(cancelledProbes);
    expected.sort(Comparator.comparingLong((Probe p) -> p.timeNanos()).thenComparingLong(
        p -> p.order));
    assertThat(fired).containsExactlyElementsOf(expected);
    assertThat(sim.eventsFired()).isEqualTo(expected.size());
    assertThat(sim.pendingEvents()).isZero();
  }
}
