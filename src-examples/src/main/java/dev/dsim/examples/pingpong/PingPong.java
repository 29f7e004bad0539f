package dev.dsim.examples.pingpong;

import dev.dsim.engine.Distribution;
import dev.dsim.engine.Simulation;
import dev.dsim.world.Context;
import dev.dsim.world.Message;
import dev.dsim.world.Process;
import dev.dsim.world.World;

/**
 * The smallest protocol there is, written against dsim's process API: a pinger sends a ping
 * every {@code interval}; a ponger answers each one; the pinger measures round trips.
 *
 * <p>What to notice: the processes never read a wall clock or a global variable; time comes from
 * {@link Context#now()} and delays from timers, so the whole exchange is a pure function of the
 * seed. Swap the constant latency for a lognormal one and the round trips vary, yet rerunning the
 * same seed replays them exactly.
 */
public final class PingPong {
  /** A ping carrying its sequence number and the time it was sent. */
  public record Ping(long seq, long sentAtNanos) {}

  /** The answer to ping {@code seq}, echoing its send time. */
  public record Pong(long seq, long sentAtNanos) {}

  /** What the pinger saw. */
  public static final class Stats {
    private long pingsSent;
    private long pongsReceived;
    private long roundTripNanosTotal;

    public long pingsSent() {
      return pingsSent;
    }

    public long pongsReceived() {
      return pongsReceived;
    }

    /** Mean round trip in nanoseconds (0 before the first pong). */
    public double meanRoundTripNanos() {
      return pongsReceived == 0 ? 0 : roundTripNanosTotal / (double) pongsReceived;
    }
  }

  /** Sends a ping every {@code intervalNanos} to the node named "ponger". */
  static final class Pinger implements Process {
    private final long intervalNanos;
    private final Stats stats;
    private int ponger;
    private long nextSeq;

    Pinger(long intervalNanos, Stats stats) {
      this.intervalNanos = intervalNanos;
      this.stats = stats;
    }

    @Override
    public void onStart(Context ctx) {
      ponger = ctx.nodeId("ponger");
      ctx.setTimer(intervalNanos, "tick");
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
      ctx.send(ponger, new Ping(nextSeq++, ctx.now()));
      stats.pingsSent++;
      ctx.setTimer(intervalNanos, "tick");
    }

    @Override
    public void onMessage(Context ctx, Message message) {
      if (message.payload() instanceof Pong pong) {
        stats.pongsReceived++;
        stats.roundTripNanosTotal += ctx.now() - pong.sentAtNanos();
      }
    }
  }

  /** Answers every ping. */
  static final class Ponger implements Process {
    @Override
    public void onMessage(Context ctx, Message message) {
      if (message.payload() instanceof Ping ping) {
        ctx.send(message.from(), new Pong(ping.seq(), ping.sentAtNanos()));
      }
    }
  }

  /** The outcome of one run: what the pinger saw and the run's trace fingerprint. */
  public record Outcome(Stats stats, String traceHash) {}

  private PingPong() {}

  /** Runs ping-pong for {@code durationNanos} of simulated time with the given seed. */
  public static Outcome run(long seed, Distribution latencyNanos, long intervalNanos,
      long durationNanos) {
    Simulation sim = new Simulation(seed);
    World world = new World(sim, latencyNanos);
    Stats stats = new Stats();
    world.addNode("pinger", 1, 1.0, node -> new Pinger(intervalNanos, stats));
    world.addNode("ponger", 1, 1.0, node -> new Ponger());
    world.start();
    sim.runUntil(durationNanos);
    return new Outcome(stats, sim.traceHashHex());
  }
}
