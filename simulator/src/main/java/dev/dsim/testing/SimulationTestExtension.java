package dev.dsim.testing;

import dev.dsim.engine.Durations;
import dev.dsim.engine.InvariantViolation;
import dev.dsim.engine.Simulation;
import dev.dsim.report.JsonLinesTrace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/**
 * Runs a {@link SimulationTest} once per seed: provides each invocation its seeded
 * {@link Simulation} (and seed), writes the trace of a seed chosen with {@code -Ddsim.seed}
 * when {@code -Ddsim.trace} names a file, and rewrites a failure so it says how to get it back.
 */
final class SimulationTestExtension implements TestTemplateInvocationContextProvider {

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return context.getTestMethod().map(m -> m.isAnnotationPresent(SimulationTest.class))
        .orElse(false);
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(
      ExtensionContext context) {
    SimulationTest spec = context.getRequiredTestMethod().getAnnotation(SimulationTest.class);
    String only = System.getProperty(SeedSweep.SEED_PROPERTY);
    LongStream seeds = only != null && !only.isBlank()
        ? LongStream.of(Long.parseLong(only.trim()))
        : LongStream.range(spec.firstSeed(), spec.firstSeed() + spec.seeds());
    String trace = System.getProperty(SeedSweep.TRACE_PROPERTY);
    Path traceFile = only != null && trace != null && !trace.isBlank() ? Path.of(trace) : null;
    return seeds.mapToObj(seed -> new SeedInvocation(seed, traceFile));
  }

  /** One seed's invocation: its display name and its extensions. */
  private static final class SeedInvocation implements TestTemplateInvocationContext {
    private final long seed;
    private final Simulation sim;
    private final Path traceFile;
    private JsonLinesTrace trace;

    SeedInvocation(long seed, Path traceFile) {
      this.seed = seed;
      this.sim = new Simulation(seed);
      this.traceFile = traceFile;
    }

    @Override
    public String getDisplayName(int invocationIndex) {
      return "seed " + seed;
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
      return List.of(new Resolver(), new Failures(), (AfterTestExecutionCallback) c -> close());
    }

    private Simulation simulation() throws IOException {
      if (traceFile != null && trace == null) {
        trace = new JsonLinesTrace(traceFile, sim::nodeName, true);
        sim.setTraceListener(trace);
      }
      return sim;
    }

    private void close() throws IOException {
      if (trace != null) {
        trace.close();
      }
    }

    /** Supplies the {@code Simulation} and {@code long seed} parameters. */
    private final class Resolver implements ParameterResolver {
      @Override
      public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        Class<?> t = p.getParameter().getType();
        return t == Simulation.class || t == long.class || t == Long.class;
      }

      @Override
      public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        if (p.getParameter().getType() == Simulation.class) {
          try {
            return simulation();
          } catch (IOException io) {
            throw new java.io.UncheckedIOException(io);
          }
        }
        return seed;
      }
    }

    /** Turns a failure into one that says which seed, where, and how to re-run only it. */
    private final class Failures implements TestExecutionExceptionHandler {
      @Override
      public void handleTestExecutionException(ExtensionContext c, Throwable t)
          throws Throwable {
        long at = t instanceof InvariantViolation v ? v.atNanos() : sim.now();
        String hash = t instanceof InvariantViolation v ? v.traceHash() : sim.traceHashHex();
        String what = t.getMessage() == null ? t.getClass().getSimpleName()
            : t.getClass().getSimpleName() + ": " + t.getMessage();
        throw new AssertionError("seed " + seed + " failed at simulated time "
            + Durations.format(at) + ", traceHash " + hash + "\n  " + what
            + "\n  re-run only this seed: -D" + SeedSweep.SEED_PROPERTY + "=" + seed + " -D"
            + SeedSweep.TRACE_PROPERTY + "=target/dsim-seed-" + seed + ".jsonl", t);
      }
    }
  }
}
