package dev.dsim.service;

import dev.dsim.world.Calls;
import dev.dsim.world.Context;
import dev.dsim.world.Message;
import dev.dsim.world.Process;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A load balancer: a process on its own node that forwards each client request to one backend
 * chosen by a {@link BalancingPolicy} and relays the reply back. Being a node, it can crash like
 * any other: one balancer is a single point of failure.
 *
 * <p>It renumbers requests on the way in, so requests from several clients never collide, and
 * counts outstanding requests per backend (what least-outstanding balances on).
 *
 * <p>Without health checks a dead backend keeps receiving its share, and those requests are lost
 * until the client times out. With a {@link HealthCheck}, it pings every backend each interval,
 * takes out a backend silent for longer than the timeout and puts it back when it answers again;
 * when every backend is out it fails requests at once rather than sending them nowhere. It does
 * no work of its own (zero CPU time), so with a zero-latency network it is invisible to response
 * times.
 */
public final class LoadBalancer implements Process {
  private static final Object TICK = new Object() {
    @Override
    public String toString() {
      return "health check";
    }
  };

  private final List<String> backendNames;
  private final BalancingPolicy policy;
  private final HealthCheck healthCheck;
  private final DetectionObserver observer;
  private final int[] outstanding;
  private final long[] forwarded;
  /** Backend index by node id, for pongs. */
  private final Map<Integer, Integer> indexOfNode = new HashMap<>();
  private int[] backendIds;
  /** Requests in flight, by forwarded id. */
  private Calls<Route> routes;
  private FailureDetector detector;
  /** The backends in service: index by rank, and rank by index (-1: out); null: to rebuild. */
  private int[] inService;
  private int[] rankOf;
  /** The outstanding counts of those in service, for least-outstanding in O(log n). */
  private final LeastOutstandingIndex least;
  /** What the policy sees: the backends in service, by rank. */
  private final BalancingPolicy.Backends view = new BalancingPolicy.Backends() {
    @Override
    public int size() {
      return inService.length;
    }

    @Override
    public int outstanding(int k) {
      return outstanding[inService[k]];
    }

    @Override
    public int leastOutstandingFrom(int k) {
      return rankOf[least.firstLeastFrom(inService[k])];
    }
  };
  private long pingSeq;

  /** A balancer without health checks. */
  public LoadBalancer(List<String> backendNames, BalancingPolicy policy) {
    this(backendNames, policy, null, DetectionObserver.NONE);
  }

  /**
   * @param healthCheck null for none
   * @param observer told about every change of the balancer's mind, for the experiment
   */
  public LoadBalancer(List<String> backendNames, BalancingPolicy policy, HealthCheck healthCheck,
      DetectionObserver observer) {
    this.backendNames = List.copyOf(backendNames);
    this.policy = Objects.requireNonNull(policy, "policy");
    this.healthCheck = healthCheck;
    this.observer = Objects.requireNonNull(observer, "observer");
    this.outstanding = new int[this.backendNames.size()];
    this.forwarded = new long[this.backendNames.size()];
    this.least = new LeastOutstandingIndex(this.backendNames.size());
  }

  @Override
  public void onStart(Context ctx) {
    routes = new Calls<>(ctx);
    backendIds = new int[backendNames.size()];
    for (int i = 0; i < backendIds.length; i++) {
      backendIds[i] = ctx.nodeId(backendNames.get(i));
      indexOfNode.put(backendIds[i], i);
    }
    if (healthCheck != null) {
      detector = new FailureDetector(backendIds.length, healthCheck.timeoutNanos(), ctx.now(),
          new FailureDetector.Listener() {
            @Override
            public void suspected(int index) {
              ctx.log("taking out " + backendNames.get(index));
              // Requests out on a backend taken out are presumed lost: forget them, or
              // least-outstanding would shun the backend for ever once it is back.
              outstanding[index] = 0;
              least.set(index, LeastOutstandingIndex.OUT);
              observer.suspected(backendIds[index]);
              inService = null;
            }

            @Override
            public void trusted(int index) {
              ctx.log("putting back " + backendNames.get(index));
              observer.trusted(backendIds[index]);
              least.set(index, outstanding[index]);
              inService = null;
            }
          });
      tick(ctx);
    }
  }

  @Override
  public void onTimer(Context ctx, Object tag) {
    if (tag == TICK) {
      tick(ctx);
    }
  }

  private void tick(Context ctx) {
    detector.sweep(ctx.now());
    long seq = pingSeq++;
    for (int id : backendIds) {
      ctx.send(id, new HealthCheck.Ping(seq));
    }
    ctx.setTimer(healthCheck.intervalNanos(), TICK);
  }

  @Override
  public void onMessage(Context ctx, Message message) {
    Object payload = message.payload();
    if (payload instanceof Request r) {
      forward(ctx, message.from(), r);
    } else if (payload instanceof Response r) {
      relay(ctx, r);
    } else if (payload instanceof HealthCheck.Pong && detector != null) {
      Integer b = indexOfNode.get(message.from());
      if (b != null) {
        detector.heard(b, ctx.now());
      }
    }
  }

  private void forward(Context ctx, int client, Request request) {
    int b = choose();
    if (b < 0) {
      ctx.send(client, new Response(request.id(), false));
      return;
    }
    outstanding[b]++;
    least.set(b, outstanding[b]);
    forwarded[b]++;
    long id = routes.open(new Route(client, request.id(), b));
    ctx.send(backendIds[b], request.withId(id));
  }

  /**
   * The backend for the next request, or -1 when none is in service. The ranks are rebuilt only
   * when a backend is taken out or put back; a request costs the policy's own work.
   */
  private int choose() {
    if (inService == null) {
      int suspected = detector == null ? 0 : detector.suspectedCount();
      inService = new int[backendIds.length - suspected];
      if (rankOf == null) {
        rankOf = new int[backendIds.length];
      }
      int k = 0;
      for (int i = 0; i < backendIds.length; i++) {
        boolean in = detector == null || !detector.isSuspected(i);
        rankOf[i] = in ? k : -1;
        if (in) {
          inService[k++] = i;
        }
      }
    }
    if (inService.length == 0) {
      return -1;
    }
    return inService[policy.choose(view)];
  }

  private void relay(Context ctx, Response response) {
    Route route = routes.close(response.id());
    if (route == null) {
      return;
    }
    if (outstanding[route.backend] > 0) {
      outstanding[route.backend]--;
      if (detector == null || !detector.isSuspected(route.backend)) {
        least.set(route.backend, outstanding[route.backend]);
      }
    }
    ctx.send(route.client, response.withId(route.clientRequestId));
  }

  /** Requests forwarded to each backend so far, by backend index. */
  public long[] forwardedPerBackend() {
    return forwarded.clone();
  }

  private record Route(int client, long clientRequestId, int backend) {}
}
