package dev.dsim.service;

import dev.dsim.engine.Distribution;
import dev.dsim.world.Calls;
import dev.dsim.world.Context;
import dev.dsim.world.Message;
import dev.dsim.world.Process;
import dev.dsim.world.TraceSummary;
import java.util.List;
import java.util.Objects;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * A node of a stateless tier: any node can serve any request. Each request costs work drawn
 * from a distribution and runs on the node's CPU (queueing for a free core); then the node either
 * answers, or, when the tier calls a next tier, forwards the request there and answers with what
 * comes back.
 *
 * <p>Holding no state is what lets the tier scale out freely: a crash loses only the requests in
 * progress. Calls to the next tier go round-robin over its nodes; a call that fails or gets no
 * reply within the call timeout is tried on the next node, up to the retry budget, then the
 * request fails.
 */
public final class StatelessServer implements Process {
  /**
   * The tier this one calls.
   *
   * @param nodes the nodes of the called tier
   * @param timeoutNanos how long to wait for each call (0 = for ever)
   * @param retries how many other nodes to try after a failed call
   */
  public record Downstream(List<String> nodes, long timeoutNanos, int retries) {
    public Downstream {
      nodes = List.copyOf(nodes);
      if (nodes.isEmpty() || timeoutNanos < 0 || retries < 0) {
        throw new IllegalArgumentException("a downstream needs nodes, timeout >= 0, retries >= 0");
      }
    }
  }

  private final Distribution workNanos;
  private final Downstream downstream;
  private ContinuousSampler work;
  private int[] downstreamIds;
  private int nextDownstream;
  /** Calls awaiting the next tier, by call id; null without a next tier. */
  private Calls<Call> calls;

  /** A tier that answers by itself. */
  public StatelessServer(Distribution workNanos) {
    this(workNanos, null);
  }

  /** A tier that calls {@code downstream} (null: none) for every request. */
  public StatelessServer(Distribution workNanos, Downstream downstream) {
    this.workNanos = Objects.requireNonNull(workNanos, "workNanos");
    this.downstream = downstream;
  }

  @Override
  public void onStart(Context ctx) {
    work = workNanos.sampler(ctx.rng().fork("work"));
    if (downstream != null) {
      downstreamIds = new int[downstream.nodes().size()];
      for (int i = 0; i < downstreamIds.length; i++) {
        downstreamIds[i] = ctx.nodeId(downstream.nodes().get(i));
      }
      // Start the rotation at a different node on each server, so a tier of them spreads.
      nextDownstream = ctx.self().id() % downstreamIds.length;
      calls = new Calls<>(ctx);
    }
  }

  @Override
  public void onMessage(Context ctx, Message message) {
    if (HealthCheck.answerPing(ctx, message)) {
      return;
    }
    Object payload = message.payload();
    if (payload instanceof Request r) {
      int from = message.from();
      if (downstream == null) {
        ctx.compute(Math.round(work.sample()),
            () -> ctx.send(from, new Response(r.id(), true, r.damaged())));
      } else {
        ctx.compute(Math.round(work.sample()), () -> call(ctx, new Call(from, r)));
      }
    } else if (payload instanceof Response r && calls != null) {
      Call call = calls.close(r.id());
      if (call == null) {
        return; // a call already given up on, or a duplicate
      }
      if (r.ok()) {
        ctx.send(call.caller, r.withId(call.request.id()));
      } else {
        retryOrFail(ctx, call);
      }
    }
  }

  @Override
  public void onTimer(Context ctx, Object tag) {
    long id = calls == null ? Calls.NONE : calls.timedOut(tag);
    if (id != Calls.NONE) {
      retryOrFail(ctx, calls.close(id));
    }
  }

  /** One try: a new call, under a new id, to the next node of the called tier. */
  private void call(Context ctx, Call call) {
    call.currentId = calls.open(call);
    call.tries++;
    int to = downstreamIds[nextDownstream];
    nextDownstream = (nextDownstream + 1) % downstreamIds.length;
    ctx.send(to, call.request.withId(call.currentId));
    if (downstream.timeoutNanos() > 0) {
      calls.setTimeout(call.currentId, downstream.timeoutNanos());
    }
  }

  private void retryOrFail(Context ctx, Call call) {
    if (call.tries <= downstream.retries()) {
      call(ctx, call);
    } else {
      ctx.send(call.caller, new Response(call.request.id(), false));
    }
  }

  /** A request waiting on the next tier, over its tries; what its timeouts stand for. */
  private static final class Call implements TraceSummary {
    final int caller;
    final Request request;
    /** The id of the current try. */
    long currentId;
    int tries;

    Call(int caller, Request request) {
      this.caller = caller;
      this.request = request;
    }

    @Override
    public long traceSummary() {
      return currentId;
    }

    @Override
    public String toString() {
      return "call " + currentId;
    }
  }
}
