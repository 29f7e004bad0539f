package dev.dsim.world;

import dev.dsim.engine.Distribution;
import dev.dsim.engine.Event;
import dev.dsim.engine.EventKind;
import dev.dsim.engine.Rng;
import dev.dsim.engine.Simulation;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * Carries messages between nodes: each message is delayed by a latency drawn from one
 * distribution, and a directed pair of nodes can be blocked (one half of a partition).
 *
 * <p>A message sent across a blocked pair is lost, not queued, and so is one in flight when its
 * pair becomes blocked; a message whose destination
 * crashed (or restarted) while it was in flight is dropped on arrival. Neither sender nor
 * receiver is told: like a real process, a sender cannot tell a lost message from a slow one.
 * Bandwidth, loss and duplication are later refinements of this class.
 */
public final class Network {
  static final EventKind DELIVER = EventKind.of("deliver");

  private final World world;
  private final Simulation sim;
  private final ContinuousSampler latency;
  /**
   * Blocked directed pairs as (from << 32 | to) with how many partitions block each, so that
   * healing one of two overlapping partitions leaves the other in force. Only looked up, never
   * iterated.
   */
  private final Map<Long, Integer> blocked = new HashMap<>();
  private long sent;
  private long delivered;
  private long dropped;

  Network(World world, Simulation sim, Distribution latencyNanos, Rng rng) {
    this.world = world;
    this.sim = sim;
    this.latency = latencyNanos.sampler(rng);
  }

  void send(Node from, int to, Object payload) {
    Node target = world.node(to);
    sent++;
    if (!blocked.isEmpty() && blocked.containsKey(pair(from.id(), to))) {
      dropped++;
      return;
    }
    Message m = new Message(from.id(), to, payload, sim.now());
    long delay = Math.round(latency.sample());
    sim.after(delay, new Delivery(this, target, m, target.incarnation()));
  }

  /** Blocks delivery from {@code from} to {@code to} (one direction only). */
  public void block(int from, int to) {
    checkIds(from, to);
    blocked.merge(pair(from, to), 1, Integer::sum);
  }

  /**
   * Lifts one block from {@code from} to {@code to}; delivery resumes when no other partition
   * still blocks the pair.
   */
  public void unblock(int from, int to) {
    checkIds(from, to);
    blocked.computeIfPresent(pair(from, to), (k, n) -> n == 1 ? null : n - 1);
  }

  public boolean isBlocked(int from, int to) {
    return blocked.containsKey(pair(from, to));
  }

  /** Messages handed to the network. */
  public long messagesSent() {
    return sent;
  }

  /** Messages that reached a live process. */
  public long messagesDelivered() {
    return delivered;
  }

  /** Messages lost to a blocked pair or a crashed destination. */
  public long messagesDropped() {
    return dropped;
  }

  private void checkIds(int from, int to) {
    world.node(from);
    world.node(to);
  }

  private static long pair(int from, int to) {
    return ((long) from << 32) | (to & 0xffffffffL);
  }

  private void arrive(Node target, Message m, int incarnation) {
    if (!blocked.isEmpty() && blocked.containsKey(pair(m.from(), m.to()))) {
      dropped++;
      return;
    }
    if (target.accept(m, incarnation)) {
      delivered++;
    } else {
      dropped++;
    }
  }

  private static final class Delivery extends Event {
    private final Network network;
    private final Node target;
    private final Message message;
    private final int incarnation;

    Delivery(Network network, Node target, Message message, int incarnation) {
      this.network = network;
      this.target = target;
      this.message = message;
      this.incarnation = incarnation;
    }

    @Override
    public EventKind kind() {
      return DELIVER;
    }

    @Override
    public int node() {
      return target.id();
    }

    @Override
    public long traceDetail() {
      return ((long) message.from() << 32 | message.to()) * 31 + PayloadCodes.of(message.payload());
    }

    @Override
    public String describe() {
      return network.world.node(message.from()).name() + " -> " + target.name() + ": "
          + message.payload();
    }

    @Override
    protected void fire() {
      network.arrive(target, message, incarnation);
    }
  }
}
