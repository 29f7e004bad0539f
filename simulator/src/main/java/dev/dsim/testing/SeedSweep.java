package dev.dsim.testing;

import dev.dsim.engine.AbortSignal;
import dev.dsim.engine.InvariantViolation;
import dev.dsim.engine.LivenessViolation;
import dev.dsim.engine.Sometimes;
import dev.dsim.engine.RunAbortedException;
import dev.dsim.engine.Simulation;
import dev.dsim.report.JsonLinesTrace;
import dev.dsim.run.OrderedSearch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A body run for a range of seeds, as {@link Simulations#seeds} builds it. Seeds run in
 * parallel (one simulation per thread) unless told otherwise; the result is the same either way:
 * the smallest failing seed, found as a serial loop would find it, re-run once in the same JVM
 * to see that it replays to the same trace hash.
 *
 * <p>A seed whose run could not have failed fails with a {@link VacuousRunError}: no event
 * fired, invariants registered but never evaluated, or a settle check nothing decided.
 *
 * <p>System properties narrow it down from the command line: {@code -Ddsim.seed=N} runs only
 * seed N in every sweep of the JVM, {@code -Ddsim.seed=Class#method:N} only in the sweeps of
 * that test method (found on the calling thread's stack), and {@code -Ddsim.trace=FILE} then
 * writes that run's events as JSON lines. A failure prints the complete command re-running its
 * seed of its test alone.
 */
public final class SeedSweep {
  /** Property naming the one seed to run. */
  public static final String SEED_PROPERTY = "dsim.seed";
  /** Property naming the trace file of that seed's run. */
  public static final String TRACE_PROPERTY = "dsim.trace";

  private final long from;
  private final long to;
  private int threads = Runtime.getRuntime().availableProcessors();
  /** Probability that {@code ctx.buggify()} answers true in each run; 0: off. */
  private double buggify;
  /** The user's format for the rerun line, or null: the command {@link Rerun} builds. */
  private String rerunHint;

  SeedSweep(long from, long to) {
    if (to < from) {
      throw new IllegalArgumentException("empty seed range " + from + ".." + to);
    }
    this.from = from;
    this.to = to;
  }

  /** Seeds at once (1: serially). Results do not depend on it. */
  public SeedSweep threads(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("threads must be >= 1: " + n);
    }
    this.threads = n;
    return this;
  }

  /**
   * How to re-run one seed, as a format with the seed twice (default: the command for the test
   * method running the sweep, {@code mvn test -Dtest=RaftTest#elects
   * -Ddsim.seed=RaftTest#elects:17 -Ddsim.trace=target/dsim-seed-17.jsonl}, with
   * {@code -pl module} in a multi-module build); a test can give its own command line, e.g.
   * {@code "./gradlew test --tests RaftTest -Ddsim.seed=%d -Ddsim.trace=seed-%d.jsonl"}.
   */
  public SeedSweep rerunWith(String format) {
    this.rerunHint = format;
    return this;
  }

  /**
   * The outcome of a sweep: how many seeds ran, the first failure (null if none), and the
   * coverage of the situations the body checked with {@code sometimes} (in the order they were
   * first checked, seed by seed).
   */
  public record Result(long seedsRun, SeedFailure failure, List<Coverage> sometimes) {
    public Result {
      sometimes = List.copyOf(sometimes);
    }

    public boolean passed() {
      return failure == null;
    }

    /** Seeds in which {@code name} held at least once (0 if it was never checked). */
    public long seedsReaching(String name) {
      for (Coverage c : sometimes) {
        if (c.name().equals(name)) {
          return c.seedsReached();
        }
      }
      return 0;
    }

    /** The coverage table, a line per situation: "split vote: 12 of 100 seeds". */
    public String coverageTable() {
      StringBuilder sb = new StringBuilder();
      for (Coverage c : sometimes) {
        sb.append(c.name()).append(": ").append(c.seedsReached()).append(" of ")
            .append(c.seedsChecked()).append(" seeds").append(c.seedsReached() == 0
                ? " (never reached: the tests do not drive the protocol there)" : "")
            .append('\n');
      }
      return sb.toString();
    }
  }

  /** A situation checked with {@code sometimes}: in how many seeds it held, of those checking. */
  public record Coverage(String name, long seedsReached, long seedsChecked) {}

  /**
   * Enables {@code ctx.buggify()} in every seed's run, true with {@code probability} (default:
   * off).
   */
  public SeedSweep buggify(double probability) {
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("a probability, got " + probability);
    }
    this.buggify = probability;
    return this;
  }

  /** Runs the body for every seed; throws an AssertionError describing the first failure. */
  public void check(SimulationBody body) {
    Result r = run(body);
    if (!r.passed()) {
      throw new AssertionError(r.failure().describe(), r.failure().cause());
    }
  }

  /**
   * Runs the body for every seed (or only the one {@code -Ddsim.seed} chooses for the calling
   * test) and returns what happened.
   */
  public Result run(SimulationBody body) {
    Rerun.TestId test = Rerun.callingTest().orElse(null);
    java.util.Optional<Long> only = Rerun.chosenSeed(System.getProperty(SEED_PROPERTY), test);
    if (only.isPresent()) {
      long seed = only.get();
      String trace = System.getProperty(TRACE_PROPERTY);
      Attempt a = attempt(body, seed, trace == null || trace.isBlank() ? null : Path.of(trace),
          null);
      return new Result(1, a.failed() ? failure(body, seed, a, test) : null,
          coverage(List.of(a)));
    }
    int n = (int) Math.min(Integer.MAX_VALUE, to - from + 1);
    // The smallest failing seed, as a serial loop finds it: later seeds are abandoned.
    List<Attempt> attempts = new OrderedSearch<Attempt>(Math.min(threads, n), new AbortSignal())
        .run(n, (i, signal) -> {
          Attempt a = attempt(body, from + i, null, signal);
          return a.aborted() ? null : a;
        }, Attempt::failed, 1, null);
    for (int i = 0; i < n; i++) {
      Attempt a = attempts.get(i);
      if (a != null && a.failed()) {
        return new Result(i + 1, failure(body, from + i, a, test),
            coverage(attempts.subList(0, i + 1)));
      }
    }
    return new Result(n, null, coverage(attempts));
  }

  /** The sometimes-tallies of the attempts, summed seed by seed, in first-checked order. */
  private static List<Coverage> coverage(List<Attempt> attempts) {
    java.util.Map<String, long[]> seeds = new java.util.LinkedHashMap<>();
    for (Attempt a : attempts) {
      if (a == null) {
        continue;
      }
      for (Sometimes.Tally t : a.sometimes()) {
        long[] c = seeds.computeIfAbsent(t.name(), k -> new long[2]);
        c[1]++;
        if (t.hits() > 0) {
          c[0]++;
        }
      }
    }
    List<Coverage> out = new java.util.ArrayList<>();
    seeds.forEach((name, c) -> out.add(new Coverage(name, c[0], c[1])));
    return out;
  }

  /** One run of the body: how it ended, where, and the trace hash there. */
  /**
   * One run's end: {@code faultsInForce} lists what struck through {@link RunFaults} and was in
   * force at {@code atNanos} (null when the body struck no RunFaults).
   */
  private record Attempt(Throwable failure, long atNanos, String traceHash, boolean aborted,
      List<Sometimes.Tally> sometimes, List<String> faultsInForce) {
    Attempt(Throwable failure, long atNanos, String traceHash, boolean aborted,
        List<Sometimes.Tally> sometimes) {
      this(failure, atNanos, traceHash, aborted, sometimes, null);
    }

    Attempt withFaults(List<RunFaults> struck) {
      return struck.isEmpty() || failure == null ? this : new Attempt(failure, atNanos,
          traceHash, aborted, sometimes, RunFaults.inForce(struck, atNanos));
    }

    boolean failed() {
      return failure != null;
    }
  }

  private Attempt attempt(SimulationBody body, long seed, Path trace, AbortSignal signal) {
    List<RunFaults> outer = RunFaults.watch();
    Attempt a = null;
    try {
      a = attemptWatched(body, seed, trace, signal);
    } finally {
      List<RunFaults> struck = RunFaults.unwatch(outer);
      if (a != null) {
        a = a.withFaults(struck);
      }
    }
    return a;
  }

  private Attempt attemptWatched(SimulationBody body, long seed, Path trace,
      AbortSignal signal) {
    Simulation sim = new Simulation(seed);
    sim.setAbortSignal(signal);
    if (buggify > 0) {
      sim.enableBuggify(buggify);
    }
    JsonLinesTrace writer = null;
    try {
      if (trace != null) {
        writer = TraceOptions.start(sim, trace);
      }
      body.run(sim);
      Throwable vacuous = VacuousRunError.judge(sim, null);
      return new Attempt(vacuous, sim.now(), sim.traceHashHex(), false, sim.sometimesTallies());
    } catch (RunAbortedException e) {
      return new Attempt(null, sim.now(), sim.traceHashHex(), true, sim.sometimesTallies());
    } catch (InvariantViolation e) {
      return new Attempt(VacuousRunError.judge(sim, e), e.atNanos(), e.traceHash(), false,
          sim.sometimesTallies());
    } catch (LivenessViolation e) {
      return new Attempt(VacuousRunError.judge(sim, e), e.deadlineNanos(), e.traceHash(), false,
          sim.sometimesTallies());
    } catch (Exception | AssertionError e) {
      return new Attempt(e, sim.now(), sim.traceHashHex(), false, sim.sometimesTallies());
    } finally {
      if (writer != null) {
        try {
          writer.close();
        } catch (IOException e) {
          writer.abandon();
        }
      }
    }
  }

  private SeedFailure failure(SimulationBody body, long seed, Attempt a, Rerun.TestId test) {
    Attempt again = attempt(body, seed, null, null);
    return new SeedFailure(seed, a.failure(), a.atNanos(), a.traceHash(), again.traceHash(),
        rerunHint != null ? String.format(java.util.Locale.ROOT, rerunHint, seed, seed)
            : Rerun.command(test, seed), a.faultsInForce());
  }
}
