package dev.dsim.world;

import dev.dsim.engine.Event;
import dev.dsim.engine.EventKind;
import dev.dsim.engine.Rng;
import dev.dsim.engine.Simulation;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * Carries messages between nodes: each message is delayed by a latency drawn from one
 * distribution, may be lost or duplicated with configured probabilities, and a directed pair of
 * nodes can be blocked (one half of a partition). A node's links can be degraded (extra latency
 * and loss on every message to or from it), as a fault does.
 *
 * <p>A message sent across a blocked pair is lost, not queued, and so is one in flight when its
 * pair becomes blocked; a message whose destination
 * crashed (or restarted) while it was in flight is dropped on arrival. Neither sender nor
 * receiver is told: like a real process, a sender cannot tell a lost message from a slow one.
 * Loss, duplication and latency draw from separate streams ({@code network/loss},
 * {@code network/duplicate}, {@code network}), and a lost message still draws its latency, so
 * switching loss or duplication on leaves the latencies of the other messages unchanged. Bandwidth (serialisation delay) is not modelled.
 */
public final class Network {
  static final EventKind DELIVER = EventKind.of("deliver");

  private final World world;
  private final Simulation sim;
  private final ContinuousSampler latency;
  private final ContinuousSampler duplicateLatency;
  private final double loss;
  private final double duplicate;
  private final Rng lossRng;
  private final Rng duplicateRng;
  /** Per node: extra latency and loss on its links while degraded; null until first used. */
  private long[] extraLatencyNanos;
  private double[] extraLoss;
  private int degradedNodes;
  /**
   * Blocked directed pairs as (from << 32 | to) with how many partitions block each, so that
   * healing one of two overlapping partitions leaves the other in force. Only looked up, never
   * iterated.
   */
  private final Map<Long, Integer> blocked = new HashMap<>();
  private long sent;
  private long delivered;
  private long dropped;
  private long lost;
  private long duplicated;

  Network(World world, Simulation sim, NetworkConfig config, Rng rng) {
    this.world = world;
    this.sim = sim;
    this.latency = config.latencyNanos().sampler(rng);
    this.loss = config.loss();
    this.duplicate = config.duplicate();
    this.lossRng = rng.fork("loss");
    this.duplicateRng = rng.fork("duplicate");
    this.duplicateLatency = config.latencyNanos().sampler(rng.fork("duplicate-latency"));
  }

  void send(Node from, int to, Object payload) {
    Node target = world.node(to);
    sent++;
    if (!blocked.isEmpty() && blocked.containsKey(pair(from.id(), to))) {
      dropped++;
      return;
    }
    long extraDelay = 0;
    double p = loss;
    if (degradedNodes > 0) {
      extraDelay = extraLatencyNanos[from.id()] + extraLatencyNanos[to];
      p = 1 - (1 - p) * (1 - extraLoss[from.id()]) * (1 - extraLoss[to]);
    }
    // Drawn whether or not the message is then lost, so that switching loss on does not shift
    // the latencies of the messages that do arrive.
    long delay = Math.round(latency.sample()) + extraDelay;
    if (p > 0 && lossRng.nextDouble() < p) {
      lost++;
      return;
    }
    Message m = new Message(from.id(), to, payload, sim.now());
    sim.after(delay, new Delivery(this, target, m, target.incarnation()));
    if (duplicate > 0 && duplicateRng.nextDouble() < duplicate) {
      duplicated++;
      sim.after(Math.round(duplicateLatency.sample()) + extraDelay,
          new Delivery(this, target, m, target.incarnation()));
    }
  }

  /**
   * Degrades every link to and from {@code node}: {@code extraLatencyNanos} more per message and
   * an extra loss probability; {@link #restore(int)} undoes it.
   */
  public void degrade(int node, long extraLatencyNanos, double extraLoss) {
    world.node(node);
    if (extraLatencyNanos < 0 || !(extraLoss >= 0 && extraLoss <= 1)) {
      throw new IllegalArgumentException("bad degradation: +" + extraLatencyNanos + "ns, loss "
          + extraLoss);
    }
    int n = world.nodes().size();
    if (this.extraLatencyNanos == null || this.extraLatencyNanos.length < n) {
      this.extraLatencyNanos = java.util.Arrays.copyOf(
          this.extraLatencyNanos == null ? new long[0] : this.extraLatencyNanos, n);
      this.extraLoss = java.util.Arrays.copyOf(
          this.extraLoss == null ? new double[0] : this.extraLoss, n);
    }
    if (this.extraLatencyNanos[node] == 0 && this.extraLoss[node] == 0) {
      degradedNodes++;
    }
    this.extraLatencyNanos[node] = extraLatencyNanos;
    this.extraLoss[node] = extraLoss;
    if (extraLatencyNanos == 0 && extraLoss == 0) {
      degradedNodes--;
    }
  }

  /** Lifts a degradation of {@code node}'s links. */
  public void restore(int node) {
    if (extraLatencyNanos != null && node < extraLatencyNanos.length) {
      degrade(node, 0, 0);
    }
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

  /** Messages lost at random (loss probability, degraded links). */
  public long messagesLost() {
    return lost;
  }

  /** Messages delivered a second time. */
  public long messagesDuplicated() {
    return duplicated;
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
