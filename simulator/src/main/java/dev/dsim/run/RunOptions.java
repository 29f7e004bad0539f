package dev.dsim.run;

import dev.dsim.engine.AbortSignal;
import dev.dsim.engine.TraceListener;
import dev.dsim.world.World;
import java.util.function.Function;

/**
 * How to run: an optional trace listener (built once the world exists, so it can name nodes) and
 * a bound on the number of events.
 *
 * @param trace builds the listener for a world, or null for no trace
 * @param maxEvents the run fails beyond this many events (a bound, never a hang)
 * @param abort lets another thread abandon the run (null: it cannot be abandoned)
 */
public record RunOptions(Function<World, TraceListener> trace, long maxEvents,
    AbortSignal abort) {
  /** Default bound: far above any shipped scenario, far below "runs all night". */
  public static final long DEFAULT_MAX_EVENTS = 2_000_000_000L;

  public RunOptions {
    if (maxEvents <= 0) {
      throw new IllegalArgumentException("maxEvents must be > 0: " + maxEvents);
    }
  }

  public static RunOptions defaults() {
    return new RunOptions(null, DEFAULT_MAX_EVENTS, null);
  }

  public RunOptions withMaxEvents(long max) {
    return new RunOptions(trace, max, abort);
  }

  public RunOptions withTrace(Function<World, TraceListener> trace) {
    return new RunOptions(trace, maxEvents, abort);
  }

  public RunOptions withAbort(AbortSignal signal) {
    return new RunOptions(trace, maxEvents, signal);
  }
}
