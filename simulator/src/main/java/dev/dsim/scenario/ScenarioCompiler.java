package dev.dsim.scenario;

import dev.dsim.engine.Rng;
import dev.dsim.fault.FaultInjector;
import dev.dsim.fault.FaultLog;
import dev.dsim.engine.Simulation;
import dev.dsim.metrics.RequestMetrics;
import dev.dsim.service.ArrivalProcess;
import dev.dsim.service.BalancingPolicy;
import dev.dsim.service.LoadBalancer;
import dev.dsim.service.OpenLoopClient;
import dev.dsim.service.StatelessServer;
import dev.dsim.service.ContentServer;
import dev.dsim.world.LinkConfig;
import dev.dsim.world.ProcessFactory;
import dev.dsim.world.NetworkConfig;
import dev.dsim.world.Node;
import dev.dsim.world.World;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Turns a validated {@link Scenario} into a {@link World} of nodes running service processes.
 *
 * <p>Layout: one client node {@code client-1} outside the cluster sends to the load balancer
 * node {@code lb}, which spreads requests over the nodes of the entry tier (the first tier in the
 * file), named {@code <tier>-1 … <tier>-n}. Node ids follow that order, so they are stable for a
 * given scenario. The scenario's faults are scheduled on the simulation. It does not start the
 * world or run anything.
 */
public final class ScenarioCompiler {
  /** Name of the client node. */
  public static final String CLIENT = "client-1";
  /** Name of the load balancer node. */
  public static final String LOAD_BALANCER = "lb";

  private ScenarioCompiler() {}

  /** Builds the world for {@code scenario} on {@code sim}; {@code onDrained} ends the run. */
  public static CompiledSystem compile(Scenario scenario, Simulation sim, Runnable onDrained) {
    NetworkSpec net = scenario.network();
    World world = new World(sim, new NetworkConfig(net.latencyNanos(), net.loss(),
        net.duplicate(), net.bitsPerSecond(), net.messageBytes(), net.corrupt(),
        net.checksums()));
    RequestMetrics metrics = new RequestMetrics(scenario.warmupNanos(), scenario.durationNanos());
    List<String> tierOfNode = new ArrayList<>();

    ClientsSpec c = scenario.clients();
    OpenLoopClient.Config clientConfig = new OpenLoopClient.Config(LOAD_BALANCER,
        arrival(c.arrival()), c.ratePerSecond(), c.timeoutNanos(), scenario.durationNanos());
    OpenLoopClient[] current = new OpenLoopClient[1];
    world.addNode(CLIENT, 1, 1.0, node -> {
      if (current[0] != null) {
        // The client crashed: the requests it had in flight are lost to its users.
        current[0].finish(sim.now());
      }
      current[0] = new OpenLoopClient(clientConfig, metrics, onDrained, sim::now);
      return current[0];
    });
    tierOfNode.add("client");

    TierSpec entry = scenario.tiers().values().iterator().next();
    List<String> backends = new ArrayList<>();
    for (int i = 1; i <= entry.nodes(); i++) {
      backends.add(entry.name() + "-" + i);
    }
    Rng lbRng = sim.rng().fork("node/" + LOAD_BALANCER + "/policy");
    LbPolicy policy = scenario.loadBalancer().policy();
    world.addNode(LOAD_BALANCER, 1, 1.0,
        node -> new LoadBalancer(backends, policy(policy, lbRng)));
    tierOfNode.add("load-balancer");

    for (TierSpec tier : scenario.tiers().values()) {
      for (int i = 1; i <= tier.nodes(); i++) {
        Node node = world.addNode(tier.name() + "-" + i, tier.hardware(), server(tier));
        if (tier.clockOffsetNanos() != 0) {
          node.clock().jump(tier.clockOffsetNanos());
        }
        if (tier.clockDriftPpm() != 0) {
          node.clock().setDrift(tier.clockDriftPpm());
        }
        tierOfNode.add(tier.name());
      }
    }
    configureLinks(scenario, world);
    Supplier<OpenLoopClient> client = () -> current[0];
    FaultLog faultLog = new FaultLog();
    FaultPlanCompiler.inject(scenario, world, new FaultInjector(world, faultLog));
    return new CompiledSystem(world, metrics, tierOfNode, List.of(client),
        scenario.durationNanos(), faultLog);
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

  private static ProcessFactory server(TierSpec tier) {
    return switch (tier.kind()) {
      case STATELESS -> n -> new StatelessServer(tier.workNanos());
      case STATIC -> {
        ContentServer.Config config = new ContentServer.Config(tier.workNanos(), tier.files(),
            tier.fileBytes());
        yield n -> new ContentServer(config);
      }
    };
  }

  private static ArrivalProcess arrival(Arrival arrival) {
    return switch (arrival) {
      case POISSON -> ArrivalProcess.POISSON;
      case CONSTANT -> ArrivalProcess.CONSTANT;
    };
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
