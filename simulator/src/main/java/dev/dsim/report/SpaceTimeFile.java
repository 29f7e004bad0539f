package dev.dsim.report;

import dev.dsim.run.RunResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the space-time diagram of a trace file beside it ({@code t.jsonl} → {@code t.html}),
 * and the same window as a ShiViz log ({@code t.shiviz.log}): reads the trace back, draws it,
 * and moves each file into place atomically, never over a file unless told to
 * ({@code --force}), like the trace itself. The page comes first: if it cannot be placed, no
 * ShiViz log is written either.
 */
public final class SpaceTimeFile {
  /** Lines read from the trace at most: a limit, so a huge trace cannot exhaust the heap. */
  static final int MAX_LINES = 200_000;

  private SpaceTimeFile() {}

  /** What was drawn: where, how many lifelines and how many messages of each fate. */
  public record Written(Path page, int lifelines, long delivered, long notDelivered,
      int truncated) {}

  /** {@code dir/name.html} for {@code dir/name.jsonl} (or {@code name.ext}). */
  public static Path besideTrace(Path trace) {
    return beside(trace, ".html");
  }

  /** The ShiViz log written with the page: {@code dir/name.shiviz.log}. */
  public static Path shivizBeside(Path trace) {
    return beside(trace, ".shiviz.log");
  }

  private static Path beside(Path trace, String ext) {
    String name = trace.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return trace.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ext);
  }

  /**
   * Moves {@code content} into {@code target} atomically; without {@code replace}, a file
   * already there stays as it is and this throws {@link FileAlreadyExistsException}.
   */
  private static void place(Path target, byte[] content, boolean replace) throws IOException {
    Path tmp = AtomicFiles.newTempFile(target);
    try {
      Files.write(tmp, content);
      if (replace) {
        AtomicFiles.moveIntoPlace(tmp, target);
      } else if (!AtomicFiles.moveIfAbsent(tmp, target)) {
        throw new FileAlreadyExistsException(target.toString(), null,
            "dsim did not write it; it was left as it is");
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Draws {@code trace} into {@code page}, and writes its ShiViz log beside the trace.
   *
   * @param nodes the run's nodes in order
   * @param traced the nodes the trace was cut to (--node), or empty for every node: then
   *     every node gets a lifeline, otherwise those and the nodes they exchanged messages with
   * @param result the finished run, whose checkers' examples are highlighted; null when the
   *     run stopped early (an invariant was violated), with nothing to highlight
   * @param replace whether an existing page may be replaced; without it, an existing file
   *     stays as it is and this throws {@link FileAlreadyExistsException}
   */
  public static Written write(Path trace, Path page, List<String> nodes, List<String> traced,
      long fromNanos, long toNanos, long seed, String traceHash, RunResult result, String title,
      boolean replace) throws IOException {
    List<TraceLine> lines = TraceLine.read(trace, MAX_LINES);
    SpaceTime st = SpaceTime.of(lines, nodes,
        traced.isEmpty() ? null : new java.util.HashSet<>(traced), fromNanos, toNanos,
        highlights(result));
    String subtitle = "Space-time diagram of " + trace.getFileName() + ", "
        + SpaceTimeDiagram.seconds(st.fromNanos()) + " to " + SpaceTimeDiagram.seconds(st.toNanos())
        + ", seed " + seed + ", trace hash " + traceHash + ".";
    byte[] html = SpaceTimeDiagram.page(st, title, subtitle).getBytes(StandardCharsets.UTF_8);
    place(page, html, replace);
    Path shiviz = beside(trace, ".shiviz.log");
    place(shiviz, ShiVizLog.of(lines).getBytes(StandardCharsets.UTF_8), replace);
    return new Written(page, st.nodes().size(), st.count(SpaceTime.Fate.DELIVERED),
        st.arrows().size() - st.count(SpaceTime.Fate.DELIVERED), st.truncated());
  }

  /**
   * The violating operation of each example the consistency checkers give (the first of its
   * operations) and the linearizability checker's core: drawn in red.
   */
  static List<SpaceTime.Highlight> highlights(RunResult result) {
    List<SpaceTime.Highlight> h = new ArrayList<>();
    if (result == null || result.consistency() == null) {
      return h;
    }
    for (RunResult.Example e : result.consistency().examples()) {
      if (!e.operations().isEmpty()) { // the violating one comes first, the others are context
        RunResult.Operation op = e.operations().get(0);
        h.add(new SpaceTime.Highlight(op.key(), Math.round(op.invokedAtSeconds() * 1e9)));
      }
    }
    for (RunResult.Operation op : result.consistency().linearizability().core()) {
      h.add(new SpaceTime.Highlight(op.key(), Math.round(op.invokedAtSeconds() * 1e9)));
    }
    return h;
  }
}
