package dev.dsim.scenario;

import dev.dsim.engine.Rng;
import dev.dsim.fault.FaultInjector;
import dev.dsim.fault.FaultLog;
import dev.dsim.engine.Simulation;
import dev.dsim.metrics.RequestMetrics;
import dev.dsim.metrics.DetectionStats;
import dev.dsim.metrics.History;
import dev.dsim.service.BalancingPolicy;
import dev.dsim.service.Client;
import dev.dsim.service.ContentServer;
import dev.dsim.service.DetectionObserver;
import dev.dsim.service.LoadBalancer;
import dev.dsim.service.OperationMix;
import dev.dsim.service.StatelessServer;
import dev.dsim.service.kv.KvConfig;
import dev.dsim.service.kv.KvNode;
import dev.dsim.service.kv.KvTier;
import dev.dsim.service.kv.Placement;
import dev.dsim.world.LinkConfig;
import dev.dsim.world.ProcessFactory;
import dev.dsim.world.NetworkConfig;
import dev.dsim.world.Node;
import dev.dsim.world.World;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Turns a validated {@link Scenario} into a {@link World} of nodes running service processes.
 *
 * <p>Layout: one client node {@code client-1} outside the cluster sends to the load balancer
 * node {@code lb} (or {@code lb-1 … lb-n}), which spreads requests over the nodes of the entry
 * tier (the first tier in the file), named {@code <tier>-1 … <tier>-n}; a stateless tier may
 * call the next one. When a tier is a key-value store, the clients read and write keys and keep
 * a history for the checkers. Node ids follow that order, so they are stable for a
 * given scenario. The scenario's faults are scheduled on the simulation. It does not start the
 * world or run anything.
 */
public final class ScenarioCompiler {
  /** Name of the client node. */
  public static final String CLIENT = "client-1";
  /** Name of the load balancer node. */
  public static final String LOAD_BALANCER = "lb";

  private ScenarioCompiler() {}

  /** Names of the load balancer nodes: {@code lb} alone, or {@code lb-1 … lb-n}. */
  public static List<String> loadBalancerNames(int count) {
    if (count == 1) {
      return List.of(LOAD_BALANCER);
    }
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      names.add(LOAD_BALANCER + "-" + i);
    }
    return names;
  }

  /** Builds the world for {@code scenario} on {@code sim}; {@code onDrained} ends the run. */
  public static CompiledSystem compile(Scenario scenario, Simulation sim, Runnable onDrained) {
    NetworkSpec net = scenario.network();
    World world = new World(sim, new NetworkConfig(net.latencyNanos(), net.loss(),
        net.duplicate(), net.bitsPerSecond(), net.messageBytes(), net.corrupt(),
        net.checksums()));
    RequestMetrics metrics = new RequestMetrics(scenario.warmupNanos(), scenario.durationNanos());
    List<String> tierOfNode = new ArrayList<>();
    boolean stores = false;
    for (Tier t : scenario.tiers().values()) {
      stores |= t instanceof Tier.Kv;
    }
    History history = stores ? new History() : null;

    LoadBalancerSpec lbSpec = scenario.loadBalancer();
    List<String> lbNames = loadBalancerNames(lbSpec.nodes());
    ClientsSpec c = scenario.clients();
    Client.Config clientConfig = new Client.Config(lbNames, c.load(), stores ? c.mix() : null,
        c.retry(), scenario.durationNanos());
    Client[] current = new Client[1];
    // The client stands for the users, outside the system being bought: it costs nothing.
    world.addNode(CLIENT, new dev.dsim.world.NodeConfig(1, 1.0,
        dev.dsim.world.Contention.NONE, dev.dsim.world.DiskConfig.DEFAULT, 0), node -> {
      if (current[0] != null) {
        // The client crashed: the requests it had in flight are lost to its users.
        current[0].finish(sim.now());
      }
      current[0] = new Client(clientConfig, metrics, history, onDrained, sim::now);
      return current[0];
    });
    tierOfNode.add("client");

    DetectionStats lbDetection = new DetectionStats();
    DetectionStats replicaDetection = new DetectionStats();
    Tier entry = scenario.tiers().values().iterator().next();
    List<String> backends = nodesOf(entry);
    for (String lbName : lbNames) {
      Rng lbRng = sim.rng().fork("node/" + lbName + "/policy");
      DetectionObserver observer = lbSpec.healthCheck() == null ? DetectionObserver.NONE
          : new Judge(world, lbDetection, lbSpec.healthCheck().timeoutNanos());
      // A balancer is a one-core machine of the system, priced by the scenario's rule.
      world.addNode(lbName, new dev.dsim.world.NodeConfig(1, 1.0,
          dev.dsim.world.Contention.NONE, dev.dsim.world.DiskConfig.DEFAULT,
          scenario.pricing().price(1, 1.0)), node -> new LoadBalancer(backends,
          policy(lbSpec.policy(), lbRng), lbSpec.healthCheck(), observer));
      tierOfNode.add("load-balancer");
    }

    Map<String, KvTier> stores0 = new LinkedHashMap<>();
    for (Tier tier : scenario.tiers().values()) {
      if (tier instanceof Tier.Kv kv) {
        stores0.put(tier.name(), kvTier(kv, c.mix()));
      }
    }
    for (Tier tier : scenario.tiers().values()) {
      for (int i = 1; i <= tier.nodes(); i++) {
        ProcessFactory factory = server(tier, i - 1, scenario, stores0.get(tier.name()),
            world, replicaDetection);
        Hardware hw = tier.hardware();
        Node node = world.addNode(tier.name() + "-" + i, hw.node(), factory);
        if (hw.clockOffsetNanos() != 0) {
          node.clock().jump(hw.clockOffsetNanos());
        }
        if (hw.clockDriftPpm() != 0) {
          node.clock().setDrift(hw.clockDriftPpm());
        }
        tierOfNode.add(tier.name());
      }
    }
    configureLinks(scenario, world);
    Supplier<Client> client = () -> current[0];
    FaultLog faultLog = new FaultLog();
    FaultInjector injector = new FaultInjector(world, faultLog,
        FaultPlanCompiler.resolver(scenario, world));
    injector.inject(scenario.faults());
    return new CompiledSystem(world, metrics, history, tierOfNode, List.of(client),
        scenario.durationNanos(), faultLog, injector, stores0, lbDetection, replicaDetection);
  }

  private static List<String> nodesOf(Tier tier) {
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= tier.nodes(); i++) {
      names.add(tier.name() + "-" + i);
    }
    return names;
  }

  private static KvTier kvTier(Tier.Kv tier, OperationMix mix) {
    KvSpec kv = tier.store();
    Placement placement = new Placement(kv.placement(), tier.nodes(), kv.shards(),
        kv.replication(), kv.vnodes());
    return new KvTier(new KvConfig(nodesOf(tier), mix.keys(), mix.valueBytes(),
        tier.workNanos(), placement, kv.replication(), kv.readQuorum(), kv.writeQuorum(),
        kv.sloppy(), kv.readRepair(), kv.readWriteBack(), kv.fsync(), kv.heartbeat(), kv.swim(), kv.checksums(),
        kv.timeoutNanos()));
  }

  /**
   * Judges a failure detector's verdicts against the truth: a suspected node that is down, or
   * crashed within the detector's timeout (SWIM's: the periods a suspicion takes to spread),
   * was detected (delay: since its crash); any other
   * suspicion is false.
   */
  private record Judge(World world, DetectionStats stats, long timeoutNanos)
      implements DetectionObserver {
    @Override
    public void suspected(int nodeId) {
      Node n = world.node(nodeId);
      long now = world.sim().now();
      long crashedAt = n.lastCrashNanos();
      if (!n.isUp() || crashedAt >= 0 && now - crashedAt <= timeoutNanos) {
        stats.detected(now - crashedAt);
      } else {
        stats.falseSuspicion();
      }
    }

    @Override
    public void trusted(int nodeId) {}
  }

  /** Applies the scenario's link overrides; a later entry wins where two name the same link. */
  private static void configureLinks(Scenario scenario, World world) {
    NetworkSpec net = scenario.network();
    for (NetworkSpec.LinkSpec l : net.links()) {
      LinkConfig config = new LinkConfig(
          l.latencyNanos() != null ? l.latencyNanos() : net.latencyNanos(),
          l.bitsPerSecond() != null ? l.bitsPerSecond() : net.bitsPerSecond(),
          l.loss() != null ? l.loss() : net.loss());
      List<Integer> from = FaultPlanCompiler.ids(l.from(), scenario, world);
      List<Integer> to = FaultPlanCompiler.ids(l.to(), scenario, world);
      for (int a : from) {
        for (int b : to) {
          if (a != b) {
            world.network().configureLink(a, b, config);
            if (l.bothWays()) {
              world.network().configureLink(b, a, config);
            }
          }
        }
      }
    }
  }

  private static ProcessFactory server(Tier tier, int index, Scenario scenario,
      KvTier store, World world, DetectionStats replicaDetection) {
    if (tier instanceof Tier.Stateless t) {
      StatelessServer.Downstream downstream = null;
      if (t.calls() != null) {
        TierCall call = t.calls();
        downstream = new StatelessServer.Downstream(
            nodesOf(scenario.tiers().get(call.tier())), call.timeoutNanos(), call.retries());
      }
      StatelessServer.Downstream d = downstream;
      return n -> new StatelessServer(t.workNanos(), d);
    }
    if (tier instanceof Tier.Static t) {
      ContentServer.Config config = new ContentServer.Config(t.workNanos(), t.files(),
          t.fileBytes());
      return n -> new ContentServer(config);
    }
    if (tier instanceof Tier.UserProcess t) {
      ProcessSpec process = t.process();
      return n -> {
        try {
          return process.instantiate();
        } catch (ProcessConstructionException e) {
          throw e.inTier(t.name());
        }
      };
    }
    Tier.Kv kv = (Tier.Kv) tier;
    KvSpec spec = kv.store();
    DetectionObserver observer = spec.heartbeat() != null
        ? new Judge(world, replicaDetection, spec.heartbeat().timeoutNanos())
        : spec.swim() != null
            ? new Judge(world, replicaDetection, spec.swim().detectionWindowNanos(kv.nodes()))
            : DetectionObserver.NONE;
    return n -> new KvNode(store, index, observer);
  }

  private static BalancingPolicy policy(LbPolicy policy, Rng rng) {
    return switch (policy) {
      case ROUND_ROBIN -> BalancingPolicy.roundRobin();
      case RANDOM -> BalancingPolicy.random(rng);
      case LEAST_OUTSTANDING -> BalancingPolicy.leastOutstanding();
      case POWER_OF_TWO_CHOICES -> BalancingPolicy.powerOfTwoChoices(rng);
    };
  }
}
