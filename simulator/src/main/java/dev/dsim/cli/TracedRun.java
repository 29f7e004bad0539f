package dev.dsim.cli;

import dev.dsim.engine.TraceListener;
import dev.dsim.report.JsonLinesTrace;
import dev.dsim.report.TraceWindow;
import dev.dsim.run.CompletedRun;
import dev.dsim.run.RunOptions;
import dev.dsim.run.Runner;
import dev.dsim.scenario.Scenario;
import dev.dsim.world.Node;
import dev.dsim.world.World;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A run that writes its trace as JSON lines, filtered to a window and to nodes; the file appears
 * only if the run completes (see {@link JsonLinesTrace}) and, when filtered, only if the filter
 * let some event through.
 */
final class TracedRun {
  private TracedRun() {}

  /**
   * Runs with the trace written to {@code file}; {@code replace} lets it overwrite an existing
   * file ({@code --force}), otherwise a file that is already there is never overwritten.
   */
  static CompletedRun run(Scenario s, long seed, RunOptions base, Path file, TraceFilter filter,
      boolean replace) throws IOException {
    return runWithTrace(s, seed, base, file, filter, replace).run();
  }

  /** A finished traced run and how many lines its trace holds. */
  record Traced(CompletedRun run, long lines) {}

  static Traced runWithTrace(Scenario s, long seed, RunOptions base, Path file,
      TraceFilter filter, boolean replace) throws IOException {
    JsonLinesTrace[] writer = new JsonLinesTrace[1];
    RunOptions options = base.withTrace(world -> {
      try {
        writer[0] = new JsonLinesTrace(file, id -> world.node(id).name(), replace);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return filter.isAll() ? writer[0] : window(world, writer[0], filter);
    });
    try {
      CompletedRun run = Runner.run(s, seed, options);
      if (writer[0].lines() == 0 && !filter.isAll()) {
        writer[0].abandon(); // An empty window: no file, and the caller says why.
      } else {
        writer[0].close();
      }
      return new Traced(run, writer[0].lines());
    } catch (dev.dsim.engine.InvariantViolation e) {
      // The events up to the violation are what the user needs to read: keep them.
      if (writer[0] != null) {
        writer[0].close();
      }
      throw e;
    } catch (RuntimeException e) {
      if (writer[0] != null) {
        writer[0].abandon();
      }
      if (e instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      throw e;
    }
  }

  private static TraceListener window(World world, TraceListener to, TraceFilter filter) {
    boolean[] nodes = null;
    if (!filter.nodes().isEmpty()) {
      nodes = new boolean[world.nodes().size()];
      for (Node n : world.nodes()) {
        nodes[n.id()] = filter.nodes().contains(n.name());
      }
    }
    return new TraceWindow(to, filter.fromNanos(), filter.toNanos(), nodes);
  }
}
