package dev.dsim.testing;

import dev.dsim.engine.Durations;
import dev.dsim.engine.Simulation;
import dev.dsim.report.JsonLinesTrace;
import dev.dsim.report.TraceWindow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The trace a simulation test writes when asked ({@code -Ddsim.trace=FILE}), with the window and
 * node filters of {@code dsim replay}: {@code -Ddsim.traceFrom=20s}, {@code -Ddsim.traceTo=21s}
 * and {@code -Ddsim.traceNodes=n1,n2} keep only those events (the run, and its trace hash, stay
 * the same: filtering only chooses what is written).
 */
final class TraceOptions {
  static final String FROM = "dsim.traceFrom";
  static final String TO = "dsim.traceTo";
  static final String NODES = "dsim.traceNodes";

  private TraceOptions() {}

  /** Starts writing {@code file} for {@code sim}, filtered as the properties say. */
  static JsonLinesTrace start(Simulation sim, Path file) throws IOException {
    JsonLinesTrace writer = new JsonLinesTrace(file, sim::nodeName, true);
    String from = System.getProperty(FROM);
    String to = System.getProperty(TO);
    String nodes = System.getProperty(NODES);
    boolean window = present(from) || present(to);
    if (!window && !present(nodes)) {
      sim.setTraceListener(writer);
      return writer;
    }
    long fromNanos = present(from) ? parse(FROM, from) : 0;
    long toNanos = present(to) ? parse(TO, to) : Long.MAX_VALUE;
    List<String> names = present(nodes) ? List.of(nodes.trim().split("\\s*,\\s*")) : List.of();
    sim.setTraceListener(new TraceWindow(writer, fromNanos, toNanos,
        names.isEmpty() ? null : id -> names.contains(sim.nodeName(id))));
    return writer;
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }

  private static long parse(String property, String value) {
    try {
      return Durations.parse(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("-D" + property + "=" + value + ": " + e.getMessage(),
          e);
    }
  }
}
