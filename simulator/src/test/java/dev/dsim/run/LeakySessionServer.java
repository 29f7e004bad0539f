package dev.dsim.run;

import dev.dsim.service.Request;
import dev.dsim.service.Response;
import dev.dsim.world.Context;
import dev.dsim.world.Message;
import dev.dsim.world.Process;
import java.util.Map;

/**
 * The planted bug of {@link SwarmTestingTest}: an API server that takes a session slot for each
 * request and gives it back only when the request fails, never when it succeeds (the success
 * path forgets). Its {@code sessions} slots last about {@code sessions / rate} seconds of
 * traffic; after that it rejects every request until a restart gives the new process an empty
 * table. Random crashes restart every node long before that, so with the crash nemesis on the
 * leak never shows: the bug hides behind the very fault that should have found the server's
 * weak spots, the way nightly restarts hide memory leaks.
 *
 * <p>Settings: {@code sessions} (slots per incarnation, default 500) and {@code workNanos} (CPU
 * time per request, default 2 ms).
 */
public final class LeakySessionServer implements Process {
  private final long sessions;
  private final long workNanos;
  /** Slots in use: volatile state, gone with a crash. */
  private long taken;

  public LeakySessionServer(Map<String, Object> settings) {
    this.sessions = ((Number) settings.getOrDefault("sessions", 500)).longValue();
    this.workNanos = ((Number) settings.getOrDefault("workNanos", 2_000_000)).longValue();
  }

  @Override
  public void onMessage(Context ctx, Message m) {
    if (!(m.payload() instanceof Request r)) {
      return;
    }
    if (taken >= sessions) {
      ctx.send(m.from(), new Response(r.id(), false)); // "too many open sessions"
      return;
    }
    taken++;
    ctx.compute(workNanos, () -> {
      // The bug: a successful request keeps its slot (the release is only on the error path).
      ctx.send(m.from(), new Response(r.id(), true));
    });
  }
}
