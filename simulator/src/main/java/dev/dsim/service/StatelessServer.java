package dev.dsim.service;

import dev.dsim.engine.Distribution;
import dev.dsim.world.Context;
import dev.dsim.world.Message;
import dev.dsim.world.Process;
import java.util.Objects;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * A node of a stateless tier: any node can serve any request. Each request costs work drawn
 * from a distribution, runs on the node's CPU (queueing for a free core) and is answered ok.
 *
 * <p>Holding no state is what lets the tier scale out freely: a crash loses only the requests in
 * progress. Calling a downstream tier is a later refinement.
 */
public final class StatelessServer implements Process {
  private final Distribution workNanos;
  private ContinuousSampler work;

  public StatelessServer(Distribution workNanos) {
    this.workNanos = Objects.requireNonNull(workNanos, "workNanos");
  }

  @Override
  public void onStart(Context ctx) {
    work = workNanos.sampler(ctx.rng().fork("work"));
  }

  @Override
  public void onMessage(Context ctx, Message message) {
    if (message.payload() instanceof Request r) {
      int from = message.from();
      ctx.compute(Math.round(work.sample()),
          () -> ctx.send(from, new Response(r.id(), true, r.damaged())));
    }
  }
}
