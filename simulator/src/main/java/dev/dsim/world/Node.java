package dev.dsim.world;

import dev.dsim.engine.Rng;
import dev.dsim.engine.Simulation;
import java.util.Objects;

/**
 * A simulated machine: a dense id, a name ({@code web-3}), a {@link Cpu}, a random stream and the
 * process running on it.
 *
 * <p>Every node has an incarnation number that a restart increments; messages and timers
 * addressed to an older incarnation are discarded, never delivered. This slice of the model has
 * nodes that start and stay up; crash and restart build on the incarnation number.
 */
public final class Node {
  private final World world;
  private final Simulation sim;
  private final int id;
  private final String name;
  private final Cpu cpu;
  private final Rng rng;
  private final ProcessFactory factory;
  private final NodeContext context = new NodeContext();
  private Process process;
  private int incarnation;
  private boolean up;

  Node(World world, Simulation sim, int id, String name, int cores, double speed,
      ProcessFactory factory) {
    this.world = world;
    this.sim = sim;
    this.id = id;
    this.name = Objects.requireNonNull(name, "name");
    this.cpu = new Cpu(sim, id, cores, speed);
    this.rng = sim.rng().fork("node/" + name);
    this.factory = Objects.requireNonNull(factory, "factory");
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

  public boolean isUp() {
    return up;
  }

  /** Restarts so far (0 for the first incarnation). */
  public int incarnation() {
    return incarnation;
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
    up = true;
    process = factory.create(this);
    process.onStart(context);
  }

  boolean accept(Message m, int addressedIncarnation) {
    if (!up || addressedIncarnation != incarnation) {
      return false;
    }
    process.onMessage(context, m);
    return true;
  }

  void fireTimer(Timer timer, int setInIncarnation) {
    if (up && setInIncarnation == incarnation) {
      process.onTimer(context, timer.tag());
    }
  }

  @Override
  public String toString() {
    return name;
  }

  /** The {@link Context} handed to this node's process. */
  private final class NodeContext implements Context {
    @Override
    public Node self() {
      return Node.this;
    }

    @Override
    public long now() {
      return sim.now();
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
    public Timer setTimer(long delayNanos, Object tag) {
      Timer t = new Timer(Node.this, incarnation, tag);
      sim.after(delayNanos, t);
      return t;
    }

    @Override
    public boolean cancel(Timer timer) {
      return sim.cancel(timer);
    }

    @Override
    public void compute(long workNanos, Runnable then) {
      cpu.submit(workNanos, then);
    }

    @Override
    public Rng rng() {
      return rng;
    }
  }
}
