package dev.dsim.service;

import dev.dsim.world.Context;
import dev.dsim.world.Message;
import dev.dsim.world.Process;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A load balancer: a process on its own node that forwards each client request to one backend
 * chosen by a {@link BalancingPolicy} and relays the reply back.
 *
 * <p>It renumbers requests on the way in, so requests from several clients never collide, and
 * counts outstanding requests per backend (what least-outstanding balances on). It has no health
 * checks yet: a dead backend keeps receiving its share. It does no work of its own (zero CPU
 * time), so with a zero-latency network it is invisible to response times.
 */
public final class LoadBalancer implements Process {
  private final List<String> backendNames;
  private final BalancingPolicy policy;
  private final int[] outstanding;
  private final long[] forwarded;
  /** Requests in flight by forwarded id; looked up only, never iterated. */
  private final Map<Long, Route> routes = new HashMap<>();
  private int[] backendIds;
  private long nextId;

  public LoadBalancer(List<String> backendNames, BalancingPolicy policy) {
    this.backendNames = List.copyOf(backendNames);
    this.policy = Objects.requireNonNull(policy, "policy");
    this.outstanding = new int[this.backendNames.size()];
    this.forwarded = new long[this.backendNames.size()];
  }

  @Override
  public void onStart(Context ctx) {
    backendIds = new int[backendNames.size()];
    for (int i = 0; i < backendIds.length; i++) {
      backendIds[i] = ctx.nodeId(backendNames.get(i));
    }
  }

  @Override
  public void onMessage(Context ctx, Message message) {
    Object payload = message.payload();
    if (payload instanceof Request r) {
      forward(ctx, message.from(), r);
    } else if (payload instanceof Response r) {
      relay(ctx, r);
    }
  }

  private void forward(Context ctx, int client, Request request) {
    if (backendIds.length == 0) {
      ctx.send(client, new Response(request.id(), false));
      return;
    }
    int b = policy.choose(outstanding);
    outstanding[b]++;
    forwarded[b]++;
    long id = nextId++;
    routes.put(id, new Route(client, request.id(), b));
    ctx.send(backendIds[b], new Request(id, request.damaged()));
  }

  private void relay(Context ctx, Response response) {
    Route route = routes.remove(response.id());
    if (route == null) {
      return;
    }
    outstanding[route.backend]--;
    ctx.send(route.client, new Response(route.clientRequestId, response.ok(),
        response.damaged()));
  }

  /** Requests forwarded to each backend so far, by backend index. */
  public long[] forwardedPerBackend() {
    return forwarded.clone();
  }

  private record Route(int client, long clientRequestId, int backend) {}
}
