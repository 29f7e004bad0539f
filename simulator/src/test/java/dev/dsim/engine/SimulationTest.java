package dev.dsim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class SimulationTest {
  private static final EventKind K = EventKind.of("test");
  private final Simulation sim = new Simulation(1);
  private final List<String> log = new ArrayList<>();

  private Event at(long t, String name) {
    return sim.schedule(t, K, -1, () -> log.add(name + "@" + sim.now()));
  }

  @Test
  void eventsFireInTimeOrder() {
    at(30, "c");
    at(10, "a");
    at(20, "b");
    sim.run();
    assertThat(log).containsExactly("a@10", "b@20", "c@30");
    assertThat(sim.eventsFired()).isEqualTo(3);
  }

  @Test
  void simultaneousEvents_fireInSchedulingOrder() {
    for (int i = 0; i < 50; i++) {
      at(5, "e" + i);
    }
    sim.run();
    assertThat(log).hasSize(50);
    for (int i = 0; i < 50; i++) {
      assertThat(log.get(i)).isEqualTo("e" + i + "@5");
    }
  }

  @Test
  void eventsScheduledWhileFiring_atTheSameTime_fireAfterThoseAlreadyQueued() {
    sim.schedule(5, K, -1, () -> {
      log.add("first");
      sim.after(0, K, -1, () -> log.add("scheduled-by-first"));
    });
    at(5, "second");
    sim.run();
    assertThat(log).containsExactly("first", "second@5", "scheduled-by-first");
  }

  @Test
  void cancelledEvent_doesNotFire_isNotCounted_andLeavesTheHashAlone() {
    Simulation plain = new Simulation(1);
    plain.schedule(10, K, 1, () -> {});
    plain.schedule(30, K, 2, () -> {});
    plain.run();

    sim.schedule(10, K, 1, () -> {});
    Event doomed = sim.schedule(20, K, 9, () -> log.add("doomed"));
    sim.schedule(30, K, 2, () -> {});
    assertThat(sim.cancel(doomed)).isTrue();
    assertThat(sim.cancel(doomed)).isFalse();
    assertThat(doomed.isPending()).isFalse();
    sim.run();
    assertThat(log).isEmpty();
    assertThat(sim.eventsFired()).isEqualTo(2);
    assertThat(sim.traceHash()).isEqualTo(plain.traceHash());
  }

  @Test
  void cancelAfterFiring_returnsFalse() {
    Event e = at(1, "x");
    sim.run();
    assertThat(sim.cancel(e)).isFalse();
  }

  @Test
  void cancelFromAnotherHandler_atTheSameTime() {
    Event[] victim = new Event[1];
    sim.schedule(5, K, -1, () -> sim.cancel(victim[0]));
    victim[0] = at(5, "victim");
    sim.run();
    assertThat(log).isEmpty();
  }

  @Test
  void anEventObject_canBeRescheduledAfterFiring_butNotWhilePending() {
    Event tick = new Event() {
      int count;

      @Override
      public EventKind kind() {
        return K;
      }

      @Override
      protected void fire() {
        log.add("tick@" + sim.now());
        if (++count < 3) {
          sim.after(10, this);
        }
      }
    };
    sim.schedule(0, tick);
    assertThatThrownBy(() -> sim.schedule(5, tick)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already scheduled");
    sim.run();
    assertThat(log).containsExactly("tick@0", "tick@10", "tick@20");
  }

  @Test
  void runUntil_firesUpToTheLimit_advancesTheClock_andContinuesLater() {
    at(10, "a");
    at(20, "b");
    at(21, "c");
    assertThat(sim.runUntil(20)).isEqualTo(2);
    assertThat(log).containsExactly("a@10", "b@20");
    assertThat(sim.now()).isEqualTo(20);
    assertThat(sim.pendingEvents()).isEqualTo(1);
    sim.runUntil(15); // the past: nothing to do, the clock stays
    assertThat(sim.now()).isEqualTo(20);
    sim.runUntil(100);
    assertThat(log).containsExactly("a@10", "b@20", "c@21");
    assertThat(sim.now()).isEqualTo(100);
  }

  @Test
  void stop_endsTheRunAfterTheCurrentEvent() {
    at(1, "a");
    sim.schedule(2, K, -1, () -> {
      log.add("stopper");
      sim.stop();
    });
    at(2, "same-time-after-stop");
    at(3, "later");
    sim.run();
    assertThat(log).containsExactly("a@1", "stopper");
    assertThat(sim.now()).isEqualTo(2);
    sim.run(); // a new run picks up where the stopped one left off
    assertThat(log).containsExactly("a@1", "stopper", "same-time-after-stop@2", "later@3");
  }

  @Test
  void schedulingInThePast_orWithANegativeDelay_isAnError() {
    at(10, "a");
    sim.run();
    assertThatThrownBy(() -> at(5, "past")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sim.after(-1, K, -1, () -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void hugeDelay_saturatesInsteadOfWrapping() {
    at(10, "a");
    sim.run();
    Event far = sim.after(Long.MAX_VALUE, K, -1, () -> {});
    assertThat(far.timeNanos()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void maxEvents_boundsARun() {
    for (int i = 0; i < 10; i++) {
      at(i, "e" + i);
    }
    sim.setMaxEvents(4);
    assertThatThrownBy(sim::run).isInstanceOf(EventLimitExceededException.class)
        .hasMessageContaining("event limit of 4");
    assertThat(sim.eventsFired()).isEqualTo(4);
    assertThat(sim.pendingEvents()).isEqualTo(6); // nothing was lost
  }

  @Test
  void handlerException_leavesTheQueueConsistent() {
    at(1, "a");
    sim.schedule(2, K, -1, () -> {
      throw new IllegalStateException("boom");
    });
    at(3, "c");
    assertThatThrownBy(sim::run).hasMessage("boom");
    sim.run();
    assertThat(log).containsExactly("a@1", "c@3");
  }

  @Test
  void manyCancellations_compactTheQueue_andTheRestStillFireInOrder() {
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      long t = (i * 7919L) % 20_000;
      events.add(sim.schedule(t, K, -1, () -> log.add(Long.toString(sim.now()))));
    }
    for (int i = 0; i < events.size(); i++) {
      if (i % 4 != 0) {
        sim.cancel(events.get(i));
      }
    }
    assertThat(sim.pendingEvents()).isEqualTo(5_000);
    sim.run();
    assertThat(log).hasSize(5_000);
    for (int i = 1; i < log.size(); i++) {
      assertThat(Long.parseLong(log.get(i))).isGreaterThan(Long.parseLong(log.get(i - 1)));
    }
  }

  @Test
  void traceListener_seesEveryFiredEvent() {
    List<String> seen = new ArrayList<>();
    sim.setTraceListener((t, e) -> seen.add(e.kind() + "@" + t));
    at(3, "a");
    Event c = at(4, "b");
    sim.cancel(c);
    at(5, "c");
    sim.run();
    assertThat(seen).containsExactly("test@3", "test@5");
  }

  /** A self-perpetuating chain of {@code n} events (each schedules the next). */
  private static Simulation chain(long seed, long n) {
    Simulation sim = new Simulation(seed);
    // (a local that shadows the field: each chain runs on its own simulation)
    long[] left = {n};
    Runnable[] step = new Runnable[1];
    step[0] = () -> {
      if (--left[0] > 0) {
        sim.after(1 + sim.rng().nextInt(5), K, 0, step[0]);
      }
    };
    sim.after(1, K, 0, step[0]);
    return sim;
  }

  @Test
  void abortSignal_raised_endsTheRunWithinOnePollingPeriod() {
    Simulation sim = chain(1, 1_000_000);
    AbortSignal signal = new AbortSignal();
    sim.setAbortSignal(signal);
    signal.raise();
    RunAbortedException e = org.junit.jupiter.api.Assertions.assertThrows(
        RunAbortedException.class, sim::run);
    assertThat(sim.eventsFired()).isLessThanOrEqualTo(Simulation.ABORT_POLL_EVENTS);
    assertThat(e.atNanos()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void abortSignal_neverRaised_changesNothing() {
    Simulation plain = chain(7, 300_000);
    plain.run();
    Simulation watched = chain(7, 300_000);
    watched.setAbortSignal(new AbortSignal());
    watched.run();
    assertThat(watched.eventsFired()).isEqualTo(plain.eventsFired()).isEqualTo(300_000);
    assertThat(watched.traceHash()).isEqualTo(plain.traceHash());
  }

  @Test
  void invariants_areCheckedOnTheFinalState_whenARunReturns_evenWithNoEvent() {
    Simulation idle = new Simulation(1);
    idle.invariant("before 10ns", () -> idle.now() < 10);
    assertThat(idle.invariantsNeverChecked()).containsExactly("before 10ns");
    InvariantViolation v = org.junit.jupiter.api.Assertions.assertThrows(
        InvariantViolation.class, () -> idle.runUntil(20));
    assertThat(v.atEnd()).isTrue();
    assertThat(v.atNanos()).isEqualTo(20);
    assertThat(v.events()).isZero();
    assertThat(v).hasMessageContaining("at the end of the run, simulated time 20ns (after "
        + "event 0)");
    assertThat(idle.invariantsNeverChecked()).isEmpty();
  }

  @Test
  void invariantChecks_neverEnterTheTraceHash() {
    Simulation plain = chain(3, 10_000);
    plain.run();
    Simulation checked = chain(3, 10_000);
    checked.invariant("holds", () -> true);
    checked.run();
    checked.runUntil(checked.now() + 5);
    assertThat(checked.traceHash()).isEqualTo(plain.traceHash());
  }

  @Test
  void settles_fromATime_isReachedByAnIdleSystemThatSettled_andFailsOneThatDidNot() {
    Simulation settled = new Simulation(1);
    boolean[] ok = {false};
    settled.after(5, K, 0, () -> ok[0] = true);
    settled.settles("settled", () -> ok[0], 10, 100);
    settled.run(); // nothing fires between 100 and 110: the deadline itself looks
    assertThat(settled.undecidedSettles()).isEmpty();

    Simulation stuck = new Simulation(1);
    stuck.settles("settled", () -> false, 10, 100);
    LivenessViolation v = org.junit.jupiter.api.Assertions.assertThrows(
        LivenessViolation.class, stuck::run);
    assertThat(v.deadlineNanos()).isEqualTo(110);
    assertThat(v).hasMessageContaining("\"settled\" did not settle within 10ns from 100ns");
  }

  @Test
  void settles_startsAWindowWheneverCalmBegins_andAbandonsItWhenCalmEnds() {
    Simulation sim = new Simulation(1);
    boolean[] calm = {true};
    boolean[] ok = {false};
    sim.settles("converges", () -> ok[0], 10, () -> calm[0]); // a window from 0 to 10
    sim.after(5, K, 0, () -> calm[0] = false);                  // abandoned at 5
    sim.after(50, K, 0, () -> calm[0] = true);                  // a window from 50 to 60
    sim.after(55, K, 0, () -> ok[0] = true);                    // reached at 55
    sim.after(70, K, 0, () -> {
      calm[0] = false;
      ok[0] = false;
    });
    sim.after(80, K, 0, () -> calm[0] = true);                  // from 80, never reached
    LivenessViolation v = org.junit.jupiter.api.Assertions.assertThrows(
        LivenessViolation.class, sim::run);
    assertThat(v.deadlineNanos()).isEqualTo(90);
    assertThat(v).hasMessageContaining("after the faults healed at 80ns");
    // Abandoned and reached windows left no deadline event behind: only the fired one counts.
    assertThat(sim.eventsFired()).isEqualTo(6);
  }
}
