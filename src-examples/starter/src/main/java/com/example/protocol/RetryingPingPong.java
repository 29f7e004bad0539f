package com.example.protocol;

import static dev.dsim.engine.Durations.ms;
import static dev.dsim.engine.Durations.seconds;

import dev.dsim.engine.Distribution;
import dev.dsim.engine.Simulation;
import dev.dsim.fault.FaultPlan;
import dev.dsim.testing.RunFaults;
import dev.dsim.world.Calls;
import dev.dsim.world.Context;
import dev.dsim.world.Message;
import dev.dsim.world.NetworkConfig;
import dev.dsim.world.Process;
import dev.dsim.world.TraceSummary;
import dev.dsim.world.World;

/**
 * A starter protocol: a pinger sends numbered pings to a ponger, one at a time, over a network
 * that loses and delays messages, while the ponger crashes and restarts. With retries (a ping
 * is sent again after a timeout until its pong arrives) every ping is eventually answered;
 * without them a lost ping or pong is lost for good, and {@link #run} fails with a liveness
 * violation. Replace it with your own protocol: processes, messages, and a {@code run} that
 * builds the world on the {@link Simulation} a seed sweep hands it.
 *
 * <p>Like every dsim process these handlers read no wall clock and draw no randomness of their
 * own: time is {@code ctx.now()} and timers, randomness the run's (here the network's), so a
 * seed replays to the same trace hash.
 */
public final class RetryingPingPong {
  /** Pings a run sends. */
  public static final int PINGS = 50;
  /** How long the pinger waits for a pong before sending the ping again (or giving up). */
  public static final long TIMEOUT = ms(20);
  /** The pause between a pong and the next ping. */
  public static final long PAUSE = ms(10);
  /** Every ping must be answered within this much simulated time. */
  public static final long DEADLINE = seconds(10);

  /** Ping {@code seq}. Its {@link TraceSummary} puts the number in the trace hash. */
  public record Ping(long seq) implements TraceSummary {
    @Override
    public long traceSummary() {
      return seq;
    }
  }

  /** The answer to ping {@code seq}. */
  public record Pong(long seq) implements TraceSummary {
    @Override
    public long traceSummary() {
      return seq;
    }
  }

  /** What the pinger did, kept outside the process so that the test can read it at the end. */
  public static final class Progress {
    private int answered;
    private int retries;
    private int givenUp;

    /** Pings whose pong arrived. */
    public int answered() {
      return answered;
    }

    /** Pings sent again after a timeout. */
    public int retries() {
      return retries;
    }

    /** Pings abandoned after a timeout (only without retries). */
    public int givenUp() {
      return givenUp;
    }
  }

  /** The faults of every run: the ponger crashes at random (and restarts), the network loses. */
  public static FaultPlan faults() {
    return FaultPlan.builder()
        .randomCrashes(ms(300), ms(100), 1, "ponger") // a crash every ~300 ms, down ~100 ms
        .build();
  }

  /** Stop-and-wait: one ping in flight, resent after {@link #TIMEOUT} if {@code retry}. */
  static final class Pinger implements Process {
    private static final Object NEXT = "next ping";
    private final boolean retry;
    private final Progress progress;
    private int ponger;
    private Calls<Ping> inFlight;

    Pinger(boolean retry, Progress progress) {
      this.retry = retry;
      this.progress = progress;
    }

    @Override
    public void onStart(Context ctx) {
      ponger = ctx.nodeId("ponger");
      inFlight = new Calls<>(ctx); // in onStart: it belongs to this incarnation
      sendNext(ctx);
    }

    private void sendNext(Context ctx) {
      long seq = inFlight.nextId();
      inFlight.open(new Ping(seq));
      ctx.send(ponger, inFlight.get(seq));
      inFlight.setTimeout(seq, TIMEOUT);
    }

    @Override
    public void onMessage(Context ctx, Message message) {
      if (message.payload() instanceof Pong pong && inFlight.close(pong.seq()) != null) {
        progress.answered++; // a duplicate or late pong finds its call closed: not counted
        next(ctx);
      }
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
      if (tag == NEXT) {
        sendNext(ctx);
        return;
      }
      long seq = inFlight.timedOut(tag);
      if (seq == Calls.NONE) {
        return;
      }
      if (retry) {
        progress.retries++; // the call stays open: a pong to either send will do
        ctx.send(ponger, inFlight.get(seq));
        inFlight.setTimeout(seq, TIMEOUT);
      } else {
        inFlight.close(seq);
        progress.givenUp++;
        next(ctx);
      }
    }

    private void next(Context ctx) {
      if (inFlight.nextId() < PINGS) {
        ctx.setTimer(PAUSE, NEXT);
      }
    }
  }

  /** Answers every ping it receives; it keeps no state, so a restart loses nothing. */
  static final class Ponger implements Process {
    @Override
    public void onMessage(Context ctx, Message message) {
      if (message.payload() instanceof Ping ping) {
        ctx.send(message.from(), new Pong(ping.seq()));
      }
    }
  }

  private RetryingPingPong() {}

  /**
   * One run on {@code sim}: 10% of messages lost, latency 1 ms median (5 ms at the 99th
   * percentile), the given faults; fails with a {@code LivenessViolation} unless all
   * {@link #PINGS} pings are answered within {@link #DEADLINE}.
   */
  public static Progress run(Simulation sim, boolean retry, RunFaults faults) {
    World world = new World(sim, new NetworkConfig(new Distribution.LogNormal(ms(1), ms(5)),
        0.10, 0.0));
    Progress progress = new Progress();
    world.addNode("pinger", 1, 1.0, node -> new Pinger(retry, progress));
    world.addNode("ponger", 1, 1.0, node -> new Ponger());
    faults.strikeOn(world);
    world.start();
    sim.eventually("every ping is answered", () -> progress.answered == PINGS, DEADLINE);
    // The crash nemesis strikes forever, so the run ends at the deadline, not when idle.
    sim.runUntil(DEADLINE);
    return progress;
  }
}
