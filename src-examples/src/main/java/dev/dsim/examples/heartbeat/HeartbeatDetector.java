package dev.dsim.examples.heartbeat;

import dev.dsim.engine.Distribution;
import dev.dsim.engine.Simulation;
import dev.dsim.fault.FaultPlan;
import dev.dsim.fault.Faults;
import dev.dsim.testing.RunFaults;
import dev.dsim.world.Context;
import dev.dsim.world.Message;
import dev.dsim.world.Node;
import dev.dsim.world.Process;
import dev.dsim.world.Timer;
import dev.dsim.world.TraceSummary;
import dev.dsim.world.World;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * A heartbeat failure detector, and why it can never be both fast and right.
 *
 * <p>The monitored node does some work, sends a heartbeat, waits {@code interval}, and again.
 * The monitor restarts a {@code timeout} countdown at every heartbeat; when it runs out, the
 * monitor <em>suspects</em> the node of having crashed. A heartbeat arriving later withdraws the
 * suspicion: the monitor was wrong.
 *
 * <p>The example drives three situations:
 *
 * <ul>
 *   <li><b>Dead</b> ({@link Crash}): the node crashes at time T. The last heartbeat left it at
 *       most one heartbeat gap before T, so the monitor suspects it between roughly
 *       {@code timeout - interval} and {@code timeout} after T (plus the network latency, minus
 *       the work that spreads the gaps). This detection delay is the price of the timeout.
 *   <li><b>Slow, not dead</b> ({@link Slow}): the node's CPU is slowed (dsim's gray failure,
 *       {@code Cpu.setSlowdown}); its work takes many times longer, and because the heartbeat is
 *       sent by the same thread, after that work, the gaps between heartbeats stretch. Any gap
 *       longer than the timeout is a <em>false suspicion</em> of a node that is alive. A timeout
 *       longer than the longest gap avoids them all.
 *   <li><b>The trade-off</b> ({@link #tradeOff}): over a range of timeouts, a short one detects a
 *       crash quickly but suspects the slow node again and again; a long one is never fooled,
 *       and is slow to notice a real crash. No timeout is best at both.
 * </ul>
 *
 * <p>What to notice: from the monitor's side, a dead node and a slow one look identical:
 * silence. (This is the root of the FLP impossibility result: in an asynchronous system no
 * algorithm can tell them apart for sure.) The monitor learns that a suspicion was false only
 * when the next heartbeat arrives, and never learns that one was right. The example knows the
 * truth because it injected the faults; it counts a suspicion as false when it was raised while
 * the node was up.
 */
public final class HeartbeatDetector {
  /** Heartbeat number {@code seq} from the monitored node. */
  public record Heartbeat(long seq) implements TraceSummary {
    /** Puts the heartbeat number in the trace hash, not just the payload type. */
    @Override
    public long traceSummary() {
      return seq;
    }
  }

  /**
   * The protocol's settings and the healthy environment.
   *
   * @param intervalNanos pause between the end of one heartbeat and the start of the next
   * @param timeoutNanos silence after which the monitor suspects the node
   * @param latencyNanos one-way network latency
   * @param workNanos work the monitored node does before each heartbeat (at full speed); it
   *     spreads the gaps between heartbeats a little, as a real process's other duties would
   */
  public record Params(long intervalNanos, long timeoutNanos, Distribution latencyNanos,
      Distribution workNanos) {
    /** Validates the settings. */
    public Params {
      if (intervalNanos <= 0) {
        throw new IllegalArgumentException("interval must be > 0: " + intervalNanos);
      }
      if (timeoutNanos <= 0) {
        throw new IllegalArgumentException("timeout must be > 0: " + timeoutNanos);
      }
      Objects.requireNonNull(latencyNanos, "latencyNanos");
      Objects.requireNonNull(workNanos, "workNanos");
    }

    /** The same settings with another timeout. */
    public Params withTimeout(long timeout) {
      return new Params(intervalNanos, timeout, latencyNanos, workNanos);
    }
  }

  /** A fault the example injects into the monitored node. */
  public sealed interface Fault permits Healthy, Crash, Slow {}

  /** No fault: the node stays up and at full speed. */
  public record Healthy() implements Fault {}

  /** The node crashes at {@code atNanos} and stays down. */
  public record Crash(long atNanos) implements Fault {
    /** Validates the crash time. */
    public Crash {
      if (atNanos < 0) {
        throw new IllegalArgumentException("crash time must be >= 0: " + atNanos);
      }
    }
  }

  /**
   * The node's CPU runs {@code factor} times slower from {@code fromNanos} until
   * {@code untilNanos}: it is up and keeps sending heartbeats, only late.
   */
  public record Slow(long fromNanos, long untilNanos, double factor) implements Fault {
    /** Validates the slow period. */
    public Slow {
      if (fromNanos < 0 || untilNanos < fromNanos) {
        throw new IllegalArgumentException("bad slow period: " + fromNanos + ".." + untilNanos);
      }
      if (!(factor >= 1) || Double.isInfinite(factor)) {
        throw new IllegalArgumentException("slowdown factor must be finite and >= 1: " + factor);
      }
    }
  }

  /**
   * What the monitor did in one run, judged against the truth.
   *
   * @param heartbeatsReceived heartbeats that reached the monitor
   * @param maxGapNanos longest silence between two heartbeats the monitor saw
   * @param suspicions times the monitor started suspecting the node
   * @param falseSuspicions suspicions raised while the node was in fact up
   * @param detectionDelayNanos for a crash, time from the crash to the first suspicion after
   *     it; empty when nothing crashed or the run ended first
   * @param traceHash the run's trace fingerprint
   */
  public record Outcome(long heartbeatsReceived, long maxGapNanos, int suspicions,
      int falseSuspicions, OptionalLong detectionDelayNanos, String traceHash) {}

  /**
   * One row of the timeout trade-off, over several seeds.
   *
   * @param timeoutNanos the timeout
   * @param meanDetectionDelayNanos mean delay to detect the crash
   * @param maxDetectionDelayNanos worst delay to detect the crash
   * @param falseSuspicions false suspicions of the slow node, all seeds together
   */
  public record TradeOffRow(long timeoutNanos, double meanDetectionDelayNanos,
      long maxDetectionDelayNanos, long falseSuspicions) {}

  /** Kind of the example's fault-injection events in the trace. */
  /** Timer tag of the monitored node: time to do the work and send the next heartbeat. */
  private static final String BEAT = "beat";
  /** Timer tag of the monitor: the timeout since the last heartbeat ran out. */
  private static final String SUSPECT = "suspect";

  /** What the monitor records; read once at the end of the run. */
  private static final class Log {
    long heartbeats;
    long maxGapNanos;
    /** Times at which suspicions were raised, by the monitor's clock (no drift: sim time). */
    final List<Long> suspicionTimes = new ArrayList<>();
  }

  /** Works, then sends a heartbeat, then waits {@code interval}; forever. */
  static final class Monitored implements Process {
    private final Params params;
    private ContinuousSampler work;
    private int monitor;
    private long seq;

    Monitored(Params params) {
      this.params = params;
    }

    @Override
    public void onStart(Context ctx) {
      monitor = ctx.nodeId("monitor");
      work = params.workNanos().sampler(ctx.rng());
      ctx.setTimer(params.intervalNanos(), BEAT);
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
      // The heartbeat is sent by the thread that does the work, after it: a slowed CPU delays it.
      // That is a design choice: such a heartbeat says "I am making progress", not just "I exist".
      ctx.compute(Math.round(work.sample()), () -> {
        ctx.send(monitor, new Heartbeat(seq++));
        ctx.setTimer(params.intervalNanos(), BEAT);
      });
    }

    @Override
    public void onMessage(Context ctx, Message message) {
      // The monitor never writes to the monitored node.
    }
  }

  /** Suspects the monitored node when no heartbeat arrived for {@code timeout}. */
  static final class Monitor implements Process {
    private final long timeoutNanos;
    private final Log log;
    private Timer deadline;
    private long lastHeardNanos;

    Monitor(long timeoutNanos, Log log) {
      this.timeoutNanos = timeoutNanos;
      this.log = log;
    }

    @Override
    public void onStart(Context ctx) {
      // Before the first heartbeat, the start counts as "last heard": a node that never speaks
      // is suspected too.
      lastHeardNanos = ctx.now();
      deadline = ctx.setTimer(timeoutNanos, SUSPECT);
    }

    @Override
    public void onMessage(Context ctx, Message message) {
      if (!(message.payload() instanceof Heartbeat)) {
        return;
      }
      long now = ctx.now();
      log.heartbeats++;
      log.maxGapNanos = Math.max(log.maxGapNanos, now - lastHeardNanos);
      lastHeardNanos = now;
      // Restart the countdown. If it had already run out, this heartbeat withdraws the
      // suspicion: the only way the monitor ever finds out it was wrong.
      ctx.cancel(deadline);
      deadline = ctx.setTimer(timeoutNanos, SUSPECT);
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
      if (SUSPECT.equals(tag)) {
        log.suspicionTimes.add(ctx.now());
      }
    }
  }

  private HeartbeatDetector() {}

  /** Runs the detector for {@code durationNanos} of simulated time with {@code fault} injected. */
  public static Outcome run(long seed, Params params, Fault fault, long durationNanos) {
    Simulation sim = new Simulation(seed);
    World world = new World(sim, params.latencyNanos());
    Log log = new Log();
    world.addNode("monitor", 1, 1.0, node -> new Monitor(params.timeoutNanos(), log));
    Node monitored = world.addNode("monitored", 1, 1.0, node -> new Monitored(params));
    inject(world, monitored, fault);
    world.start();
    sim.runUntil(durationNanos);
    return judge(log, fault, sim.traceHashHex());
  }

  /**
   * Strikes the fault with dsim's own faults, by node name: the example, not the processes,
   * decides when the world goes wrong.
   */
  private static void inject(World world, Node node, Fault fault) {
    FaultPlan.Builder plan = FaultPlan.builder();
    if (fault instanceof Crash crash) {
      plan.at(crash.atNanos(), Faults.crash(node.name()));
    } else if (fault instanceof Slow slow) {
      plan.at(slow.fromNanos(), Faults.slow(slow.factor(), node.name()).cpuOnly()
          .lasting(slow.untilNanos() - slow.fromNanos()));
    }
    RunFaults.of(plan.build()).strikeOn(world);
  }

  /** Classifies the monitor's suspicions with the truth the monitor could not know. */
  private static Outcome judge(Log log, Fault fault, String traceHash) {
    long crashAt = fault instanceof Crash crash ? crash.atNanos() : Long.MAX_VALUE;
    int falseSuspicions = 0;
    OptionalLong detectionDelay = OptionalLong.empty();
    for (long at : log.suspicionTimes) {
      if (at < crashAt) {
        falseSuspicions++;
      } else if (detectionDelay.isEmpty()) {
        detectionDelay = OptionalLong.of(at - crashAt);
      }
    }
    return new Outcome(log.heartbeats, log.maxGapNanos, log.suspicionTimes.size(),
        falseSuspicions, detectionDelay, traceHash);
  }

  /**
   * The timeout trade-off: for each timeout, runs the {@code crash} scenario and the
   * {@code slow} scenario with seeds {@code 1..seeds}, and reports how fast the crash was
   * detected and how often the slow node was wrongly suspected.
   */
  public static List<TradeOffRow> tradeOff(Params base, List<Long> timeoutsNanos, Crash crash,
      Slow slow, long durationNanos, int seeds) {
    if (seeds < 1) {
      throw new IllegalArgumentException("seeds must be >= 1: " + seeds);
    }
    List<TradeOffRow> rows = new ArrayList<>();
    for (long timeout : timeoutsNanos) {
      rows.add(tradeOffRow(base.withTimeout(timeout), crash, slow, durationNanos, seeds));
    }
    return rows;
  }

  private static TradeOffRow tradeOffRow(Params params, Crash crash, Slow slow,
      long durationNanos, int seeds) {
    long delayTotal = 0;
    long delayMax = 0;
    long falseSuspicions = 0;
    for (long seed = 1; seed <= seeds; seed++) {
      Outcome dead = run(seed, params, crash, durationNanos);
      long delay = dead.detectionDelayNanos().orElseThrow(() -> new IllegalArgumentException(
          "crash at " + crash.atNanos() + "ns not detected within " + durationNanos + "ns"));
      delayTotal += delay;
      delayMax = Math.max(delayMax, delay);
      falseSuspicions += run(seed, params, slow, durationNanos).falseSuspicions();
    }
    return new TradeOffRow(params.timeoutNanos(), delayTotal / (double) seeds, delayMax,
        falseSuspicions);
  }
}
