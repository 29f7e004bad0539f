package dev.dsim.world;

import dev.dsim.engine.Rng;
import dev.dsim.engine.Simulation;
import java.util.Objects;

/**
 * A simulated machine: a dense id, a name ({@code web-3}), a {@link Cpu}, a random stream and the
 * process running on it.
 *
 * <p>Lifecycle: a node starts, may {@link #crash() crash} and {@link #restart() restart}. A crash
 * drops the process instance (its volatile state is gone), the CPU's queued and running work,
 * and every timer; it increments the incarnation number, and messages or timers addressed to an
 * older incarnation are discarded, never delivered. A restart creates a fresh process from the
 * factory, which can tell it is recovering ({@link Context#recovering()}). The node keeps its
 * uptime and crash count for reports.
 */
public final class Node {
  private final World world;
  private final Simulation sim;
  private final int id;
  private final String name;
  private final Cpu cpu;
  private final Disk disk;
  private final NodeConfig config;
  private final Rng rng;
  /** The running process's stream: the node's for the first incarnation, a new one per restart. */
  private Rng processRng;
  /** This incarnation's buggify stream, forked at its first use (null until then). */
  private Rng buggifyRng;
  private final ProcessFactory factory;
  private final NodeContext context = new NodeContext();
  private final LocalClock clock;
  /** Timers set by this node, possibly fired or cancelled; compacted as it grows. */
  private final java.util.ArrayList<Timer> timers = new java.util.ArrayList<>();
  private int timersCompactAt = 64;
  private Process process;
  private int incarnation;
  /**
   * The calls this incarnation's process made with {@link Context#call}, created at the first
   * one; the node hands their replies and timeouts to it before the process sees anything.
   */
  private Rpc rpc;
  private boolean up;
  private int crashes;
  private long upSinceNanos;
  private long upNanos;
  private long lastCrashNanos = -1;

  Node(World world, Simulation sim, int id, String name, NodeConfig config,
      ProcessFactory factory) {
    this.world = world;
    this.sim = sim;
    this.id = id;
    this.name = Objects.requireNonNull(name, "name");
    this.config = Objects.requireNonNull(config, "config");
    this.cpu = new Cpu(sim, id, config.cores(), config.speed(), config.contention());
    this.rng = sim.rng().fork("node/" + name);
    this.disk = new Disk(sim, id, config.disk(), rng.fork("disk"));
    this.factory = Objects.requireNonNull(factory, "factory");
    this.clock = new LocalClock(sim, this);
  }

  public int id() {
    return id;
  }

  public String name() {
    return name;
  }

  public Cpu cpu() {
    return cpu;
  }

  /** This node's disk; its fsynced contents survive crashes (unless wiped). */
  public Disk disk() {
    return disk;
  }

  /** The hardware this node was built with. */
  public NodeConfig config() {
    return config;
  }

  /** This node's local clock (offset, drift, jumps). */
  public LocalClock clock() {
    return clock;
  }

  Simulation sim() {
    return sim;
  }

  public boolean isUp() {
    return up;
  }

  /** Crashes so far; messages and timers of an older incarnation are discarded. */
  public int incarnation() {
    return incarnation;
  }

  /** Times this node crashed. */
  public int crashes() {
    return crashes;
  }

  /** Simulated nanoseconds this node has been up, until now. */
  public long upNanos() {
    return up ? upNanos + (sim.now() - upSinceNanos) : upNanos;
  }

  /** When this node last crashed (simulated time), or -1 if it never did. */
  public long lastCrashNanos() {
    return lastCrashNanos;
  }

  /** The running process, or null while the node is down. */
  public Process process() {
    return process;
  }

  /** Starts the node's first incarnation. */
  void start() {
    if (up) {
      throw new IllegalStateException(name + " is already up");
    }
    boot();
  }

  /**
   * Crashes the node: the process and its volatile state are dropped, queued and running CPU
   * and disk work is lost, writes not yet fsynced are lost, timers and in-flight messages
   * addressed to it will be discarded. Messages it sent before the crash are already on the wire
   * and are still delivered, as on a real network: a failure detector sees the silence only
   * after the last of them. Returns false if it was already down.
   */
  public boolean crash() {
    return crash(false);
  }

  /** Crashes the node; with {@code wipe} the disk is lost too (a replaced machine). */
  public boolean crash(boolean wipe) {
    if (!up) {
      return false;
    }
    up = false;
    lastCrashNanos = sim.now();
    upNanos += sim.now() - upSinceNanos;
    crashes++;
    incarnation++;
    process = null;
    cpu.reset();
    disk.crash(wipe);
    for (Timer t : timers) {
      t.cancel();
    }
    timers.clear();
    if (sim.tracing()) {
      int inc = incarnation;
      sim.record(id, "crash", out -> out.field("incarnation", inc).field("wipe", wipe));
    }
    return true;
  }

  /** Restarts a crashed node with a fresh process; returns false if it was already up. */
  public boolean restart() {
    if (up) {
      return false;
    }
    boot();
    if (sim.tracing()) {
      int inc = incarnation;
      sim.record(id, "restart", out -> out.field("incarnation", inc));
    }
    return true;
  }

  private void boot() {
    up = true;
    rpc = null; // the calls of a crashed incarnation died with it
    upSinceNanos = sim.now();
    // Named by the incarnation it serves: a restarted process draws afresh instead of replaying
    // its first incarnation's draws (the first keeps the node's own stream).
    processRng = incarnation == 0 ? rng : rng.fork("incarnation-" + (incarnation + 1));
    buggifyRng = null;
    process = factory.create(this);
    process.onStart(context);
  }

  boolean accept(Message m, int addressedIncarnation) {
    if (!up || addressedIncarnation != incarnation) {
      return false;
    }
    if (rpc == null || !rpc.onMessage(m)) {
      process.onMessage(context, m);
    }
    return true;
  }

  /** The clock jumped or changed drift: pending timers are due at other simulated times now. */
  void clockChanged() {
    compactTimers();
    for (Timer t : timers) {
      t.plan();
    }
  }

  private Timer newTimer(long delayNanos, Object tag) {
    if (delayNanos < 0) {
      throw new IllegalArgumentException("negative timer delay " + delayNanos + "ns on " + name);
    }
    long deadline = clock.now() + delayNanos;
    Timer t = new Timer(this, incarnation, tag, deadline < 0 ? Long.MAX_VALUE : deadline);
    t.plan();
    if (timers.size() >= timersCompactAt) {
      compactTimers();
      timersCompactAt = Math.max(64, timers.size() * 2);
    }
    timers.add(t);
    return t;
  }

  private void compactTimers() {
    timers.removeIf(t -> !t.isPending());
  }

  void fireTimer(Timer timer, int setInIncarnation) {
    if (up && setInIncarnation == incarnation && (rpc == null || !rpc.onTimer(timer.tag()))) {
      process.onTimer(context, timer.tag());
    }
  }

  @Override
  public String toString() {
    return name;
  }

  /** The {@link Context} handed to this node's process. */
  private final class NodeContext implements Context {
    /** {@link #peers()}, for a world of {@code peersOf} nodes (nodes are added before start). */
    private java.util.List<Integer> peers;
    private int peersOf;

    @Override
    public Node self() {
      return Node.this;
    }

    @Override
    public long now() {
      return clock.now();
    }

    @Override
    public void send(int to, Object payload) {
      world.network().send(Node.this, to, payload);
    }

    @Override
    public int nodeId(String nodeName) {
      return world.node(nodeName).id();
    }

    @Override
    public <R> long call(int to, java.util.function.LongFunction<?> request, long timeoutNanos,
        int retries, Class<R> replyType, java.util.function.Consumer<? super R> onReply,
        Runnable onTimeout) {
      if (rpc == null) {
        rpc = new Rpc(this);
      }
      return rpc.call(to, request, timeoutNanos, retries, replyType, onReply, onTimeout);
    }

    @Override
    public java.util.List<Integer> peers() {
      int count = world.nodes().size();
      if (peers == null || peersOf != count) {
        java.util.List<Integer> ids = new java.util.ArrayList<>(count - 1);
        for (Node n : world.nodes()) {
          if (n != Node.this) {
            ids.add(n.id());
          }
        }
        peers = java.util.Collections.unmodifiableList(ids);
        peersOf = count;
      }
      return peers;
    }

    @Override
    public Timer setTimer(long delayNanos, Object tag) {
      return newTimer(delayNanos, tag);
    }

    @Override
    public boolean cancel(Timer timer) {
      return timer.cancel();
    }

    @Override
    public void compute(long workNanos, Runnable then) {
      cpu.submit(workNanos, then);
    }

    @Override
    public Disk disk() {
      return disk;
    }

    @Override
    public void log(String text) {
      sim.note(id, text);
    }

    @Override
    public boolean tracing() {
      return sim.tracing();
    }

    @Override
    public void trace(String kind, dev.dsim.engine.TraceRecord record) {
      sim.record(id, kind, record);
    }

    @Override
    public Rng rng() {
      return processRng;
    }

    @Override
    public boolean buggify() {
      double p = world.sim().buggifyProbability();
      if (p == 0) {
        return false;
      }
      if (buggifyRng == null) {
        buggifyRng = processRng.fork("buggify");
      }
      return buggifyRng.bernoulli(p);
    }

    @Override
    public boolean sometimes(String name, boolean condition) {
      return world.sim().sometimes(name, condition);
    }

    @Override
    public boolean recovering() {
      return crashes > 0;
    }

    @Override
    public void invariant(String name, dev.dsim.engine.Invariant check) {
      // Named after the node, so each node's copy of a local invariant is its own.
      sim.invariant(Node.this.name + ": " + name, check);
    }
  }
}
