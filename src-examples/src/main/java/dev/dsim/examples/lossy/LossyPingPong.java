package dev.dsim.examples.lossy;

import dev.dsim.engine.Distribution;
import dev.dsim.engine.Simulation;
import dev.dsim.world.Calls;
import dev.dsim.world.Context;
import dev.dsim.world.Message;
import dev.dsim.world.NetworkConfig;
import dev.dsim.world.Process;
import dev.dsim.world.TraceSummary;
import dev.dsim.world.World;
import java.util.Objects;

/**
 * Ping-pong over a network that loses (and may duplicate) messages: the pinger retries each ping
 * after a timeout until a pong comes back, which turns an unreliable network into
 * <em>at-least-once</em> delivery.
 *
 * <p>The protocol is stop-and-wait. The pinger sends ping {@code seq}; if no pong for {@code seq}
 * arrives within {@code timeout} it sends the same ping again (a new <em>attempt</em>), and so
 * on, until one pong arrives; then it moves on to {@code seq + 1}. The ponger is stateless: it
 * answers every ping it receives, including repeats.
 *
 * <p>What to notice:
 *
 * <ul>
 *   <li>A lost ping and a lost pong look the same to the pinger: silence. It cannot tell them
 *       apart from a slow answer either, so all it can do is wait and retry.
 *   <li>An attempt succeeds only if the ping <em>and</em> its pong both survive, with probability
 *       {@code (1 - loss)^2}. The number of attempts per ping is therefore geometric, with mean
 *       {@code 1 / (1 - loss)^2}: at 20% loss, about 1.56 attempts per ping, not 1.25.
 *   <li>Retrying means the ponger may see the same ping several times (it answers more pings than
 *       were ever "meant"), and the pinger may get several pongs for one ping: late answers to
 *       earlier attempts and network duplicates. Sequence numbers let it ignore those; in a real
 *       service the server would also have to make the request idempotent.
 *   <li>The timeout is a guess about the round trip. Shorter than the round trip, the pinger
 *       retries while the answer is still on its way: <em>spurious</em> retries that only add
 *       load. Longer, every retry is necessary but each loss costs a whole timeout of waiting,
 *       which is what the completion times show: with a constant latency, a ping that needed
 *       {@code k} attempts completes after exactly {@code (k - 1) * timeout + roundTrip}.
 * </ul>
 *
 * <p>The pinger keeps its ping in a {@link Calls} table, the library's request/reply helper: the
 * table hands out the sequence numbers, arms the timeout and cancels it on the pong, and a pong
 * whose sequence number is no longer open (a duplicate, a late answer) finds nothing. A timeout
 * leaves the call open, so the retry goes out under the same sequence number and a pong to any
 * attempt completes the ping.
 */
public final class LossyPingPong {
  /** Attempt {@code attempt} (1 for the first send) of ping {@code seq}. */
  public record Ping(long seq, int attempt) implements TraceSummary {
    /** Puts the sequence number and attempt in the trace hash, not just the payload type. */
    @Override
    public long traceSummary() {
      return seq * 31 + attempt;
    }
  }

  /** The answer to attempt {@code attempt} of ping {@code seq}. */
  public record Pong(long seq, int attempt) implements TraceSummary {
    /** Puts the sequence number and attempt in the trace hash, not just the payload type. */
    @Override
    public long traceSummary() {
      return seq * 31 + attempt;
    }
  }

  /**
   * One experiment.
   *
   * @param latencyNanos one-way network latency
   * @param loss probability that any one message is lost; below 1, or no ping could ever complete
   * @param duplicate probability that a message that arrives is delivered twice
   * @param timeoutNanos how long the pinger waits for a pong before sending the ping again
   * @param pings how many pings to complete
   */
  public record Params(Distribution latencyNanos, double loss, double duplicate,
      long timeoutNanos, int pings) {
    /** Validates the experiment. */
    public Params {
      Objects.requireNonNull(latencyNanos, "latencyNanos");
      if (!(loss >= 0 && loss < 1)) {
        throw new IllegalArgumentException("loss must be in [0, 1): " + loss);
      }
      if (timeoutNanos <= 0) {
        throw new IllegalArgumentException("timeout must be > 0: " + timeoutNanos);
      }
      if (pings < 1) {
        throw new IllegalArgumentException("pings must be >= 1: " + pings);
      }
    }
  }

  /**
   * What happened, seen from both ends and from the network.
   *
   * @param pingsCompleted pings for which a pong arrived
   * @param attempts pings sent, first sends and retries together
   * @param retries pings sent again after a timeout
   * @param spuriousRetries retries sent after an attempt that was eventually answered: the
   *     answer was already on its way, so in hindsight the retry only added load
   * @param duplicatesIgnored pongs for a ping already completed (late answers to earlier
   *     attempts, network duplicates), recognised by their sequence number and dropped
   * @param pingsAnswered pings the ponger received and answered, repeats included
   * @param messagesLost messages the network lost
   * @param messagesDuplicated messages the network delivered twice
   * @param maxAttempts the most attempts any single ping needed
   * @param meanCompletionNanos mean time from a ping's first send to its pong
   * @param maxCompletionNanos longest time from a ping's first send to its pong
   */
  public record Stats(long pingsCompleted, long attempts, long retries, long spuriousRetries,
      long duplicatesIgnored, long pingsAnswered, long messagesLost, long messagesDuplicated,
      int maxAttempts, double meanCompletionNanos, long maxCompletionNanos) {
    /** Mean attempts per completed ping; {@code 1 / (1 - loss)^2} in expectation. */
    public double meanAttemptsPerPing() {
      return pingsCompleted == 0 ? 0 : attempts / (double) pingsCompleted;
    }
  }

  /** The outcome of one run: its statistics and the run's trace fingerprint. */
  public record Outcome(Stats stats, String traceHash) {}

  /** Counters the two processes update while the run goes on; read once at the end. */
  private static final class Tally {
    long completed;
    long attempts;
    long retries;
    long spuriousRetries;
    long duplicatesIgnored;
    long pingsAnswered;
    int maxAttempts;
    long completionNanosTotal;
    long maxCompletionNanos;
  }

  /** Completes {@code pings} pings one after the other, retrying each until it is answered. */
  static final class Pinger implements Process {
    private final long timeoutNanos;
    private final int pings;
    private final Tally tally;
    private int ponger;
    /** The ping in progress (one at a time), by sequence number. */
    private Calls<InFlight> inFlight;

    Pinger(long timeoutNanos, int pings, Tally tally) {
      this.timeoutNanos = timeoutNanos;
      this.pings = pings;
      this.tally = tally;
    }

    @Override
    public void onStart(Context ctx) {
      ponger = ctx.nodeId("ponger");
      inFlight = new Calls<>(ctx);
      startPing(ctx);
    }

    private void startPing(Context ctx) {
      long seq = inFlight.open(new InFlight(ctx.now()));
      sendAttempt(ctx, seq);
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
      long seq = inFlight.timedOut(tag);
      if (seq != Calls.NONE) {
        // The call stays open: the same ping again, and a pong to either attempt will do.
        tally.retries++;
        sendAttempt(ctx, seq);
      }
    }

    @Override
    public void onMessage(Context ctx, Message message) {
      if (!(message.payload() instanceof Pong pong)) {
        return;
      }
      InFlight done = inFlight.close(pong.seq());
      if (done == null) {
        // An answer to a ping already completed: a late pong for an earlier attempt, or a copy
        // the network duplicated. Without sequence numbers it would complete the wrong ping.
        tally.duplicatesIgnored++;
        return;
      }
      complete(ctx, done, pong.attempt());
    }

    private void sendAttempt(Context ctx, long seq) {
      InFlight ping = inFlight.get(seq);
      ping.attempts++;
      tally.attempts++;
      ctx.send(ponger, new Ping(seq, ping.attempts));
      inFlight.setTimeout(seq, timeoutNanos);
    }

    private void complete(Context ctx, InFlight ping, int answeredAttempt) {
      long took = ctx.now() - ping.firstSentAtNanos;
      tally.completed++;
      tally.completionNanosTotal += took;
      tally.maxCompletionNanos = Math.max(tally.maxCompletionNanos, took);
      tally.maxAttempts = Math.max(tally.maxAttempts, ping.attempts);
      // Every attempt after the one that got through was sent while its answer was in flight.
      tally.spuriousRetries += ping.attempts - answeredAttempt;
      if (inFlight.nextId() < pings) {
        startPing(ctx);
      }
    }
  }

  /** A ping awaiting its pong: when it was first sent, and how many attempts it took so far. */
  private static final class InFlight {
    final long firstSentAtNanos;
    int attempts;

    InFlight(long firstSentAtNanos) {
      this.firstSentAtNanos = firstSentAtNanos;
    }

    @Override
    public String toString() {
      return "ping after " + attempts + " attempts";
    }
  }

  /** Answers every ping, repeats included: it keeps no state, so it cannot tell them apart. */
  static final class Ponger implements Process {
    private final Tally tally;

    Ponger(Tally tally) {
      this.tally = tally;
    }

    @Override
    public void onMessage(Context ctx, Message message) {
      if (message.payload() instanceof Ping ping) {
        tally.pingsAnswered++;
        ctx.send(message.from(), new Pong(ping.seq(), ping.attempt()));
      }
    }
  }

  private LossyPingPong() {}

  /**
   * Runs the experiment with the given seed until every ping has been answered and the network
   * has delivered its last straggler.
   */
  public static Outcome run(long seed, Params params) {
    Simulation sim = new Simulation(seed);
    World world = new World(sim,
        new NetworkConfig(params.latencyNanos(), params.loss(), params.duplicate()));
    Tally tally = new Tally();
    world.addNode("pinger", 1, 1.0,
        node -> new Pinger(params.timeoutNanos(), params.pings(), tally));
    world.addNode("ponger", 1, 1.0, node -> new Ponger(tally));
    world.start();
    // The pinger stops setting timers after its last ping, so the run drains and ends by itself.
    sim.run();
    return new Outcome(stats(tally, world), sim.traceHashHex());
  }

  private static Stats stats(Tally t, World world) {
    double meanCompletion = t.completed == 0 ? 0 : t.completionNanosTotal / (double) t.completed;
    return new Stats(t.completed, t.attempts, t.retries, t.spuriousRetries, t.duplicatesIgnored,
        t.pingsAnswered, world.network().messagesLost(), world.network().messagesDuplicated(),
        t.maxAttempts, meanCompletion, t.maxCompletionNanos);
  }
}
