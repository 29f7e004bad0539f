package dev.dsim.world;

import dev.dsim.engine.Distribution;
import dev.dsim.engine.Simulation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * All nodes of one simulation and the network between them.
 *
 * <p>Nodes get dense ids in the order they are added; every iteration goes by id, never by hash
 * order. The world is built, then {@link #start() started} once; it does not know what the
 * processes on its nodes do.
 */
public final class World {
  private final Simulation sim;
  private final List<Node> nodes = new ArrayList<>();
  /** Name lookup only; never iterated, so hash order cannot leak into a run. */
  private final Map<String, Node> byName = new HashMap<>();
  private final Network network;
  private boolean started;

  /** A world whose network has this latency and neither loses nor duplicates messages. */
  public World(Simulation sim, Distribution networkLatencyNanos) {
    this(sim, NetworkConfig.reliable(networkLatencyNanos));
  }

  public World(Simulation sim, NetworkConfig network) {
    this.sim = Objects.requireNonNull(sim, "sim");
    this.network = new Network(this, sim, network, sim.rng().fork("network"));
    sim.setNodeNames(id -> id >= 0 && id < nodes.size() ? nodes.get(id).name() : "#" + id);
  }

  public Simulation sim() {
    return sim;
  }

  public Network network() {
    return network;
  }

  /** Adds a node; names must be unique. Nodes can only be added before {@link #start()}. */
  public Node addNode(String name, int cores, double speed, ProcessFactory factory) {
    return addNode(name, NodeConfig.of(cores, speed), factory);
  }

  /** Adds a node with this hardware; names must be unique. */
  public Node addNode(String name, NodeConfig config, ProcessFactory factory) {
    if (started) {
      throw new IllegalStateException("cannot add node " + name + " after the world started");
    }
    if (byName.containsKey(name)) {
      throw new IllegalArgumentException("duplicate node name: " + name);
    }
    Node node = new Node(this, sim, nodes.size(), name, config, factory);
    nodes.add(node);
    byName.put(name, node);
    return node;
  }

  public Node node(int id) {
    if (id < 0 || id >= nodes.size()) {
      throw new IllegalArgumentException("no node with id " + id);
    }
    return nodes.get(id);
  }

  public Node node(String name) {
    Node n = byName.get(name);
    if (n == null) {
      throw new IllegalArgumentException("no node named '" + name + "'");
    }
    return n;
  }

  /** All nodes in id order. */
  public List<Node> nodes() {
    return Collections.unmodifiableList(nodes);
  }

  /** Starts every node's process, in id order, at the current simulated time. */
  public void start() {
    if (started) {
      throw new IllegalStateException("world already started");
    }
    started = true;
    for (int i = 0; i < nodes.size(); i++) {
      nodes.get(i).start();
    }
  }
}
