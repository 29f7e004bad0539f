package dev.dsim.scenario;

import dev.dsim.fault.FaultInjector;
import dev.dsim.fault.FaultLog;
import dev.dsim.metrics.DetectionStats;
import dev.dsim.metrics.History;
import dev.dsim.metrics.RequestMetrics;
import dev.dsim.service.Client;
import dev.dsim.service.kv.KvTier;
import dev.dsim.world.Node;
import dev.dsim.world.World;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A scenario turned into a world, ready to start: the nodes, which tier each belongs to, the
 * metrics and history the clients record into, and the clients themselves (through suppliers,
 * since a client's process is re-created if its node restarts).
 *
 * @param world the nodes and network
 * @param metrics what the clients record
 * @param history the operation history; null when no tier stores data
 * @param tierOfNode tier name per node id ("client" and "load-balancer" for those roles)
 * @param clients the current process of each client node
 * @param endOfIssueNanos when clients stop issuing new requests (the scenario's duration)
 * @param faultLog every fault injected, filled in as the run goes
 * @param faults the injector, to heal everything for the final quiet period
 * @param stores the key-value tiers by name, with their statistics
 * @param lbDetection the load balancers' health checks, judged
 * @param replicaDetection the key-value replicas' heartbeats, judged
 */
public record CompiledSystem(World world, RequestMetrics metrics, History history,
    List<String> tierOfNode, List<Supplier<Client>> clients, long endOfIssueNanos,
    FaultLog faultLog, FaultInjector faults, Map<String, KvTier> stores,
    DetectionStats lbDetection, DetectionStats replicaDetection) {

  public CompiledSystem {
    tierOfNode = List.copyOf(tierOfNode);
    clients = List.copyOf(clients);
    stores = Collections.unmodifiableMap(new LinkedHashMap<>(stores));
  }

  /** Tier (or role) of a node. */
  public String tierOf(Node node) {
    return tierOfNode.get(node.id());
  }

  /** Operations still open at the clients. */
  public int requestsInFlight() {
    int n = 0;
    for (Supplier<Client> c : clients) {
      Client client = c.get();
      if (client != null) {
        n += client.inFlight();
      }
    }
    return n;
  }

  /** Records every operation still open as unfinished. */
  public void finishClients(long nowNanos) {
    for (Supplier<Client> c : clients) {
      Client client = c.get();
      if (client != null) {
        client.finish(nowNanos);
      }
    }
  }
}
