package dev.dsim.examples.twoways;

import dev.dsim.service.Request;
import dev.dsim.service.Response;
import dev.dsim.world.Context;
import dev.dsim.world.Message;
import dev.dsim.world.Process;
import java.util.Map;

/**
 * Our own service, written as a dsim {@link Process} and named by a scenario
 * ({@code "kind": "process", "class": "dev.dsim.examples.twoways.CatalogServer"}): it answers
 * each request after a lookup on its CPU. The scenario's {@code "settings"} arrive as the
 * constructor's map, so one class serves several configurations.
 *
 * <p>Requests from dsim's clients and tiers are {@link Request}s; answering with a
 * {@link Response} carrying the same id is what makes them count as ok in the reports.
 */
public final class CatalogServer implements Process {
  private final long lookupNanos;

  /** Reads {@code lookupMicros} (default 500) from the scenario's settings. */
  public CatalogServer(Map<String, Object> settings) {
    this.lookupNanos = 1_000L
        * ((Number) settings.getOrDefault("lookupMicros", 500)).longValue();
  }

  @Override
  public void onMessage(Context ctx, Message message) {
    if (message.payload() instanceof Request request) {
      ctx.compute(lookupNanos, () -> ctx.send(message.from(),
          new Response(request.id(), true)));
    }
  }
}
