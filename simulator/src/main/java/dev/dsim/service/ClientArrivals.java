package dev.dsim.service;

import dev.dsim.engine.Rng;
import dev.dsim.world.Context;
import dev.dsim.world.TraceSummary;
import java.util.function.LongSupplier;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * When the client's operations start: open-loop arrivals (constant rate, or a changing
 * {@link RateSchedule}, evenly paced or Poisson) or closed-loop users, each thinking between the
 * end of one operation and the start of the next. Stops at the config's stop time (true time)
 * and says so once no more operations will start.
 *
 * <p>It draws from {@code arrivals} (open loop) or {@code think} (closed loop) and knows nothing
 * of what an operation is: it asks its {@link Client} to {@link Client#issue issue} one.
 */
final class ClientArrivals {
  private static final Object ARRIVAL = new Object() {
    @Override
    public String toString() {
      return "arrival";
    }
  };

  private final Client client;
  private final Load load;
  private final long stopIssuingAtNanos;
  private final LongSupplier trueTimeNanos;
  private Context ctx;
  private ContinuousSampler gaps;
  private ContinuousSampler unitGaps;
  private ContinuousSampler think;
  private long scheduleNanos;
  private int activeUsers;

  ClientArrivals(Client client, Load load, long stopIssuingAtNanos, LongSupplier trueTimeNanos) {
    this.client = client;
    this.load = load;
    this.stopIssuingAtNanos = stopIssuingAtNanos;
    this.trueTimeNanos = trueTimeNanos;
  }

  /** Schedules the first arrival, or every user's first operation; nothing for an idle load. */
  void start(Context context, Rng rng) {
    ctx = context;
    scheduleNanos = trueTimeNanos.getAsLong();
    if (load instanceof Load.Open open && open.rate().isIdle()) {
      return; // no clients: the system's own processes drive the run
    }
    if (load instanceof Load.Open open) {
      RateSchedule rate = open.rate();
      Rng arrivals = rng.fork("arrivals");
      if (rate.isConstant()) {
        gaps = open.arrival().gaps(rate.maxRate(), arrivals);
      } else if (open.arrival() == ArrivalProcess.POISSON) {
        unitGaps = arrivals.exponential(1.0);
      }
      scheduleNextArrival();
    } else {
      Load.Closed closed = (Load.Closed) load;
      think = closed.thinkNanos().sampler(rng.fork("think"));
      activeUsers = closed.users();
      for (int u = 0; u < closed.users(); u++) {
        ctx.setTimer(Math.round(think.sample()), new Think(u));
      }
    }
  }

  private void scheduleNextArrival() {
    RateSchedule rate = ((Load.Open) load).rate();
    long delay;
    if (gaps != null) {
      delay = Math.round(gaps.sample());
    } else {
      // A changing rate: the next arrival is where the schedule's cumulative rate has grown by
      // one (evenly paced) or by an Exp(1) draw (Poisson); schedule times are run times.
      long next = rate.advance(scheduleNanos, unitGaps != null ? unitGaps.sample() : 1.0);
      delay = Math.max(0, (next < 0 || next > stopIssuingAtNanos ? stopIssuingAtNanos : next)
          - scheduleNanos);
    }
    scheduleNanos += delay;
    ctx.setTimer(delay, ARRIVAL);
  }

  /** Handles an arrival or a user done thinking; returns false for any other timer. */
  boolean onTimer(Object tag) {
    if (tag == ARRIVAL) {
      arrive();
      return true;
    }
    if (tag instanceof Think t) {
      userReady(t.user);
      return true;
    }
    return false;
  }

  private void arrive() {
    if (trueTimeNanos.getAsLong() >= stopIssuingAtNanos) {
      client.stoppedIssuing();
      return;
    }
    client.issue(-1);
    scheduleNextArrival();
  }

  private void userReady(int user) {
    if (trueTimeNanos.getAsLong() >= stopIssuingAtNanos) {
      activeUsers--;
      if (activeUsers == 0) {
        client.stoppedIssuing();
      }
      return;
    }
    client.issue(user);
  }

  /** Closed-loop {@code user}'s operation is over: it thinks, then starts the next one. */
  void thinkThenIssue(int user) {
    ctx.setTimer(Math.round(think.sample()), new Think(user));
  }

  /** A closed-loop user done thinking. */
  private record Think(int user) implements TraceSummary {
    @Override
    public long traceSummary() {
      return user;
    }

    @Override
    public String toString() {
      return "user " + user + " done thinking";
    }
  }
}
