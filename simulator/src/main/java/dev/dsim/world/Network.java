package dev.dsim.world;

import dev.dsim.engine.EventKind;
import dev.dsim.engine.Rng;
import dev.dsim.engine.Simulation;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * Carries messages between nodes. Each message is delayed by a latency drawn from a
 * distribution plus, when links have a bandwidth, its serialisation delay (size / bandwidth)
 * behind the messages queued on the same directed link; it may be lost, duplicated or corrupted
 * with configured probabilities. Reordering arises from latency jitter. Directed pairs can be
 * blocked (one half of a partition), single links can be configured apart ({@link LinkConfig}:
 * a slow cross-zone link), and a node's links can be degraded (extra latency, loss and
 * corruption on every message to or from it), as faults do.
 *
 * <p>A message sent across a blocked pair is lost, not queued, and so is one in flight when its
 * pair becomes blocked; a message whose destination crashed (or restarted) while it was in flight
 * is dropped on arrival. Neither sender nor receiver is told: like a real process, a sender cannot
 * tell a lost message from a slow one. A corrupt message is discarded by the receiver when
 * message checksums are on; otherwise it is delivered damaged ({@link Corruptible}).
 *
 * <p>Loss, duplication, corruption and latency draw from separate streams ({@code network/loss},
 * {@code network/duplicate}, {@code network/corrupt}, {@code network}, and
 * {@code network/link/<from>/<to>} for a configured link), and a lost message still draws its
 * latency, so switching one of them on leaves the others' draws unchanged. Without bandwidth and
 * link overrides the per-message path does no map lookup at all.
 */
public final class Network {
  static final EventKind DELIVER = EventKind.of("deliver");

  private final World world;
  private final Simulation sim;
  private final NetworkConfig config;
  private final Rng rng;
  private final ContinuousSampler latency;
  private final ContinuousSampler duplicateLatency;
  private final double loss;
  private final double duplicate;
  private final Rng lossRng;
  private final Rng duplicateRng;
  private final Rng corruptRng;
  /** Per node: extra latency, loss and corruption on its links while degraded; lazily sized. */
  private long[] extraLatencyNanos;
  private double[] extraLoss;
  private double[] extraCorrupt;
  private int degradedNodes;
  /**
   * Directed links with state of their own (a transmit queue, an override), keyed by
   * (from << 32 | to); null while every link is plain, so the common case skips the lookup.
   */
  private Map<Long, Link> links;
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
  private long corrupted;
  private long corruptDiscarded;

  Network(World world, Simulation sim, NetworkConfig config, Rng rng) {
    this.world = world;
    this.sim = sim;
    this.config = config;
    this.rng = rng;
    this.latency = config.latencyNanos().sampler(rng);
    this.corruptRng = rng.fork("corrupt");
    if (config.bitsPerSecond() > 0) {
      links = new HashMap<>();
    }
    this.loss = config.loss();
    this.duplicate = config.duplicate();
    this.lossRng = rng.fork("loss");
    this.duplicateRng = rng.fork("duplicate");
    this.duplicateLatency = config.latencyNanos().sampler(rng.fork("duplicate-latency"));
  }

  void send(Node from, int to, Object payload) {
    Node target = world.node(to);
    long id = ++sent; // numbers the message in the trace: deterministic, one per send
    long pair = pair(from.id(), to);
    if (!blocked.isEmpty() && blocked.containsKey(pair)) {
      dropped++;
      trace(from.id(), to, id, payload, false, "partition");
      return;
    }
    Link link = links == null ? null : link(pair);
    long extraDelay = 0;
    double p = link == null ? loss : link.config.loss();
    double pc = config.corrupt();
    if (degradedNodes > 0) {
      extraDelay = extraLatencyNanos[from.id()] + extraLatencyNanos[to];
      p = 1 - (1 - p) * (1 - extraLoss[from.id()]) * (1 - extraLoss[to]);
      pc = 1 - (1 - pc) * (1 - extraCorrupt[from.id()]) * (1 - extraCorrupt[to]);
    }
    // Drawn whether or not the message is then lost, so that switching loss on does not shift
    // the latencies of the messages that do arrive.
    long delay = Math.round((link == null ? latency : link.latency).sample()) + extraDelay;
    if (link != null) {
      delay += link.transmit(sizeOf(payload), sim.now());
    }
    if (p > 0 && lossRng.nextDouble() < p) {
      lost++;
      trace(from.id(), to, id, payload, false, "loss");
      return;
    }
    boolean damaged = false;
    if (pc > 0 && corruptRng.nextDouble() < pc) {
      corrupted++;
      if (config.checksums()) {
        corruptDiscarded++; // the receiver's checksum check throws it away
        trace(from.id(), to, id, payload, true, "checksum");
        return;
      }
      trace(from.id(), to, id, payload, true, null);
      payload = damage(payload);
      damaged = true;
    } else {
      trace(from.id(), to, id, payload, false, null);
    }
    Message m = new Message(this, target, from.id(), payload, sim.now(), target.incarnation(),
        id, damaged, false);
    sim.after(delay, m);
    if (duplicate > 0 && duplicateRng.nextDouble() < duplicate) {
      duplicated++;
      sim.after(Math.round(duplicateLatency.sample()) + extraDelay, m.duplicate());
    }
  }

  /**
   * Writes a "send" line for message {@code id} and, when it never gets onto the wire, a "drop"
   * line saying why; only while tracing, so an untraced run allocates nothing here.
   */
  private void trace(int from, int to, long id, Object payload, boolean corrupt, String drop) {
    if (!sim.tracing()) {
      return;
    }
    sim.record(from, "send", out -> {
      envelope(out, from, to, id);
      if (corrupt) {
        out.field("corrupt", true);
      }
      PayloadFields.write(out, payload);
    });
    if (drop != null) {
      sim.record(from, "drop", out -> {
        envelope(out, from, to, id);
        out.field("reason", drop);
        PayloadFields.write(out, payload);
      });
    }
  }

  void envelope(dev.dsim.engine.TraceFields out, int from, int to, long id) {
    out.field("from", world.node(from).name()).field("to", world.node(to).name())
        .field("msg", id);
  }

  /**
   * Why a message arriving now would not reach a process, or null if it would: the same tests
   * as {@link #arrive}, so the trace's "deliver" line (written just before the event fires) can
   * say what happens to it.
   */
  String refusal(Node target, Message m, int incarnation) {
    if (!blocked.isEmpty() && blocked.containsKey(pair(m.from(), m.to()))) {
      return "partition";
    }
    if (!target.isUp()) {
      return "down";
    }
    return incarnation == target.incarnation() ? null : "restarted";
  }

  private Object damage(Object payload) {
    if (payload instanceof Corruptible c) {
      return c.corrupted(corruptRng);
    }
    if (payload instanceof byte[] b && b.length > 0) {
      byte[] copy = b.clone();
      int bit = corruptRng.nextInt(copy.length * 8);
      copy[bit >>> 3] ^= (byte) (1 << (bit & 7));
      return copy;
    }
    return payload;
  }

  private int sizeOf(Object payload) {
    if (payload instanceof Sized s) {
      return s.sizeBytes();
    }
    if (payload instanceof byte[] b) {
      return b.length;
    }
    return config.messageBytes();
  }

  private Link link(long pair) {
    Link link = links.get(pair);
    if (link == null) {
      link = new Link(new LinkConfig(config.latencyNanos(), config.bitsPerSecond(), loss),
          latency);
      links.put(pair, link);
    }
    return link;
  }

  /**
   * Gives the directed link {@code from -> to} its own latency, bandwidth and loss. Its latency
   * draws from its own stream {@code network/link/<from>/<to>}.
   */
  public void configureLink(int from, int to, LinkConfig link) {
    checkIds(from, to);
    if (links == null) {
      links = new HashMap<>();
    }
    links.put(pair(from, to), new Link(link, link.latencyNanos().sampler(
        rng.fork("link/" + world.node(from).name() + "/" + world.node(to).name()))));
  }

  /**
   * Corrupts messages to and from {@code node} with an extra probability (a bad NIC, a flaky
   * cable) until {@link #restore(int)}.
   */
  public void corruptLinks(int node, double probability) {
    NetworkConfig.requireProbability("corrupt", probability);
    ensureDegradable();
    boolean was = isDegraded(node);
    extraCorrupt[node] = probability;
    countDegraded(node, was);
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
    ensureDegradable();
    boolean was = isDegraded(node);
    this.extraLatencyNanos[node] = extraLatencyNanos;
    this.extraLoss[node] = extraLoss;
    countDegraded(node, was);
  }

  /** Lifts every degradation and corruption of {@code node}'s links. */
  public void restore(int node) {
    world.node(node);
    if (extraLatencyNanos != null) {
      boolean was = isDegraded(node);
      extraLatencyNanos[node] = 0;
      extraLoss[node] = 0;
      extraCorrupt[node] = 0;
      countDegraded(node, was);
    }
  }

  private void ensureDegradable() {
    int n = world.nodes().size();
    if (extraLatencyNanos == null || extraLatencyNanos.length < n) {
      extraLatencyNanos = java.util.Arrays.copyOf(
          extraLatencyNanos == null ? new long[0] : extraLatencyNanos, n);
      extraLoss = java.util.Arrays.copyOf(extraLoss == null ? new double[0] : extraLoss, n);
      extraCorrupt = java.util.Arrays.copyOf(
          extraCorrupt == null ? new double[0] : extraCorrupt, n);
    }
  }

  private boolean isDegraded(int node) {
    return extraLatencyNanos[node] != 0 || extraLoss[node] != 0 || extraCorrupt[node] != 0;
  }

  private void countDegraded(int node, boolean was) {
    boolean now = isDegraded(node);
    if (now && !was) {
      degradedNodes++;
    } else if (was && !now) {
      degradedNodes--;
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

  /**
   * Cuts every link between the two groups of nodes, both ways (a symmetric partition), and
   * returns what heals it. Partitions stack: a link is open again only once every partition
   * that cut it has healed.
   */
  public Runnable partition(int[] sideA, int[] sideB) {
    for (int a : sideA) {
      for (int b : sideB) {
        block(a, b);
        block(b, a);
      }
    }
    int[] a0 = sideA.clone();
    int[] b0 = sideB.clone();
    boolean[] healed = {false};
    return () -> {
      if (healed[0]) {
        return; // healing twice would lift another partition's blocks
      }
      healed[0] = true;
      for (int a : a0) {
        for (int b : b0) {
          unblock(a, b);
          unblock(b, a);
        }
      }
    };
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

  /** Messages damaged in flight (whether then discarded by a checksum or delivered). */
  public long messagesCorrupted() {
    return corrupted;
  }

  /** Corrupt messages caught by message checksums and discarded. */
  public long corruptMessagesDiscarded() {
    return corruptDiscarded;
  }

  /** The configuration the network was built with. */
  public NetworkConfig config() {
    return config;
  }

  private void checkIds(int from, int to) {
    world.node(from);
    world.node(to);
  }

  private static long pair(int from, int to) {
    return ((long) from << 32) | (to & 0xffffffffL);
  }

  void arrive(Node target, Message m, int incarnation) {
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

  /** A directed link with a transmit queue: one message serialised onto the wire at a time. */
  private static final class Link {
    final LinkConfig config;
    final ContinuousSampler latency;
    final double nanosPerByte;
    /** Simulated time at which the link finishes transmitting what is queued on it. */
    long busyUntil;

    Link(LinkConfig config, ContinuousSampler latency) {
      this.config = config;
      this.latency = latency;
      this.nanosPerByte = config.bitsPerSecond() > 0 ? 8e9 / config.bitsPerSecond() : 0;
    }

    /** Queues {@code bytes} for transmission; returns the wait plus serialisation delay. */
    long transmit(int bytes, long now) {
      if (nanosPerByte == 0) {
        return 0;
      }
      long start = Math.max(now, busyUntil);
      busyUntil = start + (long) Math.ceil(bytes * nanosPerByte);
      return busyUntil - now;
    }
  }

  /** The name of node {@code id}, for a message's description in a trace. */
  String nodeName(int id) {
    return world.node(id).name();
  }
}
