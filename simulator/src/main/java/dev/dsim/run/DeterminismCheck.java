package dev.dsim.run;

import dev.dsim.engine.Durations;
import dev.dsim.engine.Event;
import dev.dsim.engine.TraceListener;
import dev.dsim.scenario.Scenario;
import dev.dsim.world.World;
import java.util.Arrays;
import java.util.Objects;

/**
 * Runs a scenario twice with one seed and compares the two runs event by event, as they go:
 * what the trace fingerprint hashes of every event of the first run (time, kind, node, detail)
 * is kept, and the second run is stopped at the first event that differs. So a nondeterminism (a static field shared between
 * runs, an identity hash or a hash order reaching the simulation, the wall clock) is named where
 * it first shows (its time, its number, both events' kind, node and detail) instead of as two
 * final hashes that differ.
 *
 * <p>Memory: 28 bytes per event of the first run (280 MB for ten million events). The second
 * run's side is described in full (its {@code describe()}), the first run's by the number the
 * fingerprint took of its detail: the first run is over by then.
 */
public final class DeterminismCheck {
  private DeterminismCheck() {}

  /** One fired event, as the trace describes it. */
  public record EventSeen(long number, long timeNanos, String kind, String node,
      String detail) {
    @Override
    public String toString() {
      return "event " + number + " at " + Durations.format(timeNanos) + ": " + kind
          + (node.isEmpty() ? "" : " on " + node) + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
  }

  /**
   * What the check found: the events and trace hash of the first run, and the first divergent
   * event of each run (both null when the runs agree; {@code second} null when the second run
   * ended early, {@code first} null when it went on after the first ended).
   */
  public record Result(long events, String traceHash, EventSeen first, EventSeen second) {
    public boolean deterministic() {
      return first == null && second == null;
    }

    /** In words, for the command line. */
    public String describe() {
      if (deterministic()) {
        return "deterministic: two runs fired the same " + events + " events (traceHash "
            + traceHash + ")";
      }
      return "NOT deterministic: the two runs part at " + (first != null ? first : second)
          + "\n  first run:  " + (first == null ? "(had ended)" : first)
          + "\n  second run: " + (second == null ? "(had ended)" : second);
    }
  }

  /** Runs {@code scenario} with {@code seed} twice and compares the runs' events. */
  public static Result check(Scenario scenario, long seed, RunOptions options) {
    Objects.requireNonNull(scenario, "scenario");
    Recorder first = new Recorder();
    CompletedRun a = Runner.run(scenario, seed, options.withTrace(first::attach));
    Comparer second = new Comparer(first);
    try {
      Runner.run(scenario, seed, options.withTrace(second::attach));
    } catch (Diverged d) {
      long n = d.seen.number();
      return new Result(first.count, a.result().traceHash(),
          n <= first.count ? first.seen(n) : null, d.seen);
    }
    if (second.count < first.count) {
      return new Result(first.count, a.result().traceHash(), first.seen(second.count + 1), null);
    }
    return new Result(first.count, a.result().traceHash(), null, null);
  }

  private static EventSeen seen(World world, long number, long t, Event e) {
    String node = e.node() >= 0 ? world.node(e.node()).name() : "";
    return new EventSeen(number, t, e.kind().name(), node, e.describe());
  }

  /** Stops a run from inside its listener: the check has what it needs. */
  private static final class Diverged extends RuntimeException {
    final transient EventSeen seen;

    Diverged(EventSeen seen) {
      super(null, null, false, false);
      this.seen = seen;
    }
  }

  /**
   * Keeps what the fingerprint hashes of every event (time, kind, node, detail): 28 bytes an
   * event, so the first run's side of a divergence can be told without running it again (a
   * third run would share whatever leaked into the second).
   */
  private static final class Recorder implements TraceListener {
    long[] times = new long[1 << 16];
    long[] kinds = new long[1 << 16];
    long[] details = new long[1 << 16];
    int[] nodes = new int[1 << 16];
    final java.util.Map<Long, String> kindNames = new java.util.HashMap<>();
    private World world;
    int count;

    TraceListener attach(World w) {
      this.world = w;
      return this;
    }

    @Override
    public void onEvent(long t, Event e) {
      if (count == times.length) {
        int n = count * 2;
        times = Arrays.copyOf(times, n);
        kinds = Arrays.copyOf(kinds, n);
        details = Arrays.copyOf(details, n);
        nodes = Arrays.copyOf(nodes, n);
      }
      long kind = e.kind().code();
      kindNames.putIfAbsent(kind, e.kind().name());
      times[count] = t;
      kinds[count] = kind;
      details[count] = e.traceDetail();
      nodes[count] = e.node();
      count++;
    }

    boolean same(int index, long t, Event e) {
      return times[index] == t && kinds[index] == e.kind().code() && nodes[index] == e.node()
          && details[index] == e.traceDetail();
    }

    /** The {@code number}-th event (1-based), its detail as the summary the fingerprint took. */
    EventSeen seen(long number) {
      int i = (int) (number - 1);
      String node = nodes[i] >= 0 ? world.node(nodes[i]).name() : "";
      return new EventSeen(number, times[i], kindNames.get(kinds[i]), node,
          "summary " + Long.toHexString(details[i]));
    }
  }

  /** Compares each event with the first run's; stops at the first difference. */
  private static final class Comparer implements TraceListener {
    private final Recorder first;
    private World world;
    int count;

    Comparer(Recorder first) {
      this.first = first;
    }

    TraceListener attach(World w) {
      this.world = w;
      return this;
    }

    @Override
    public void onEvent(long t, Event e) {
      count++;
      if (count > first.count || !first.same(count - 1, t, e)) {
        throw new Diverged(seen(world, count, t, e));
      }
    }
  }

}
