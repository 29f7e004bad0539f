package dev.dsim.scenario;

import dev.dsim.fault.FaultLog;
import dev.dsim.metrics.RequestMetrics;
import dev.dsim.service.OpenLoopClient;
import dev.dsim.world.Node;
import dev.dsim.world.World;
import java.util.List;
import java.util.function.Supplier;

/**
 * A scenario turned into a world, ready to start: the nodes, which tier each belongs to, the
 * metrics the clients record into, and the clients themselves (through suppliers, since a
 * client's process is re-created if its node restarts).
 *
 * @param world the nodes and network
 * @param metrics what the clients record
 * @param tierOfNode tier name per node id ("client" and "load-balancer" for those roles)
 * @param clients the current process of each client node
 * @param endOfIssueNanos when clients stop issuing new requests (the scenario's duration)
 * @param faultLog every fault injected, filled in as the run goes
 */
public record CompiledSystem(World world, RequestMetrics metrics, List<String> tierOfNode,
    List<Supplier<OpenLoopClient>> clients, long endOfIssueNanos, FaultLog faultLog) {

  public CompiledSystem {
    tierOfNode = List.copyOf(tierOfNode);
    clients = List.copyOf(clients);
  }

  /** Tier (or role) of a node. */
  public String tierOf(Node node) {
    return tierOfNode.get(node.id());
  }

  /** Requests still in flight at the clients. */
  public int requestsInFlight() {
    int n = 0;
    for (Supplier<OpenLoopClient> c : clients) {
      OpenLoopClient client = c.get();
      if (client != null) {
        n += client.inFlight();
      }
    }
    return n;
  }

  /** Records every request still in flight as unfinished. */
  public void finishClients(long nowNanos) {
    for (Supplier<OpenLoopClient> c : clients) {
      OpenLoopClient client = c.get();
      if (client != null) {
        client.finish(nowNanos);
      }
    }
  }

}
