package dev.dsim.testing;

import dev.dsim.engine.Durations;
import dev.dsim.engine.InvariantViolation;
import dev.dsim.engine.LivenessViolation;
import dev.dsim.engine.Simulation;
import dev.dsim.report.JsonLinesTrace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
 * Runs a {@link SimulationTest} once per seed, each invocation named "seed N": provides each
 * invocation its seeded {@link Simulation} (and seed), writes the trace of a seed chosen with
 * {@code -Ddsim.seed} (plain, or scoped to this test: {@code Class#method:N}) when
 * {@code -Ddsim.trace} names a file, fails a run that checked nothing ({@link VacuousRunError};
 * only when the invocation took the {@code Simulation}), and rewrites a failure so it says the
 * command that gets it back.
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
    Rerun.TestId test = new Rerun.TestId(context.getRequiredTestClass().getName(),
        context.getRequiredTestMethod().getName());
    Optional<Long> only = Rerun.chosenSeed(System.getProperty(SeedSweep.SEED_PROPERTY), test);
    LongStream seeds = only.isPresent() ? LongStream.of(only.get())
        : LongStream.range(spec.firstSeed(), spec.firstSeed() + spec.seeds());
    String trace = System.getProperty(SeedSweep.TRACE_PROPERTY);
    Path traceFile = only.isPresent() && trace != null && !trace.isBlank() ? Path.of(trace)
        : null;
    return seeds.mapToObj(seed -> new SeedInvocation(seed, traceFile, test));
  }

  /** One seed's invocation: its display name and its extensions. */
  private static final class SeedInvocation implements TestTemplateInvocationContext {
    private final long seed;
    private final Simulation sim;
    private final Path traceFile;
    private final Rerun.TestId test;
    private JsonLinesTrace trace;
    /** Whether the test method took the simulation (only then is its run judged vacuous). */
    private boolean simulationTaken;
    /** Whether the failure handler already reported this invocation's failure. */
    private boolean failed;

    SeedInvocation(long seed, Path traceFile, Rerun.TestId test) {
      this.seed = seed;
      this.sim = new Simulation(seed);
      this.traceFile = traceFile;
      this.test = test;
    }

    @Override
    public String getDisplayName(int invocationIndex) {
      return "seed " + seed;
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
      return List.of(new Resolver(), new Failures(), (AfterTestExecutionCallback) c -> {
        close();
        if (simulationTaken && !failed && c.getExecutionException().isEmpty()) {
          Throwable vacuous = VacuousRunError.judge(sim, null);
          if (vacuous != null) {
            throw report(vacuous, sim.now(), sim.traceHashHex());
          }
        }
      });
    }

    /** The failure as the developer reads it: which seed, where, what, and the command. */
    private AssertionError report(Throwable t, long at, String hash) {
      String what = t.getMessage() == null ? t.getClass().getSimpleName()
          : t.getClass().getSimpleName() + ": " + t.getMessage();
      return new AssertionError("seed " + seed + " failed at simulated time "
          + Durations.format(at) + ", traceHash " + hash + "\n  " + what
          + "\n  re-run only this seed: " + Rerun.command(test, seed), t);
    }

    private Simulation simulation() throws IOException {
      simulationTaken = true;
      if (traceFile != null && trace == null) {
        trace = TraceOptions.start(sim, traceFile);
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
        failed = true;
        long at = t instanceof InvariantViolation v ? v.atNanos()
            : t instanceof LivenessViolation l ? l.deadlineNanos() : sim.now();
        String hash = t instanceof InvariantViolation v ? v.traceHash()
            : t instanceof LivenessViolation l ? l.traceHash() : sim.traceHashHex();
        throw report(simulationTaken ? VacuousRunError.judge(sim, t) : t, at, hash);
      }
    }
  }
}
