package dev.dsim.cli;

import dev.dsim.engine.AbortSignal;
import dev.dsim.engine.Durations;
import dev.dsim.engine.EventLimitExceededException;
import dev.dsim.engine.RunAbortedException;
import dev.dsim.report.ResolvedScenario;
import dev.dsim.report.SpaceTimeFile;
import dev.dsim.report.SummaryTable;
import dev.dsim.run.CompletedRun;
import dev.dsim.run.RunOptions;
import dev.dsim.run.RunResult;
import dev.dsim.scenario.ProcessConstructionException;
import dev.dsim.scenario.Scenario;
import dev.dsim.scenario.ScenarioError;
import dev.dsim.scenario.ScenarioException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dsim replay FILE --seed N}: runs one seed again, proves it is the same run (same trace
 * hash; {@code --expect-hash} fails loudly otherwise) and writes its event trace, cut to a time
 * window and to some nodes, as JSON lines: the way to read what led to a failure.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Re-run one seed exactly and write its event trace.",
      "Re-runs one seed of one variant, prints its traceHash (with --expect-hash, check it is "
          + "the same run) and write its event trace as JSON lines, optionally only a time "
          + "window (--from/--to) and some nodes (--node).",
      "The trace goes to --trace FILE, or reports/replays/<scenario>-<variant>-seed-<n>.jsonl "
          + "(-2, -3, … when that exists: an earlier trace is never overwritten).",
      "With --from or --to it also writes, beside the trace (same name, .html), a page with "
          + "a space-time diagram of the window: a lifeline per node, an arrow per message, "
          + "crashes, partitions and client operations; and the same window as a ShiViz log "
          + "(.shiviz.log).",
      "Exit status: 0 same run and expectations hold, 1 hash mismatch or an expectation "
          + "failed, 2 bad input."
    })
final class ReplayCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "Scenario JSON file.")
  Path file;

  @Option(names = "--seed", paramLabel = "N", required = true, description = "The seed.")
  long seed;

  @Option(names = "--variant", paramLabel = "NAME",
      description = "The variant (required when the file has variants; \"base\" for none).")
  String variant;

  @Option(names = "--trace", paramLabel = "FILE",
      description = "Where to write the trace (it must not exist, unless --force).")
  Path trace;

  @Option(names = "--force", description = "Overwrite an existing --trace file.")
  boolean force;

  @Option(names = "--from", paramLabel = "TIME",
      description = "Write events from this simulated time on (e.g. 29s, 1m30s).")
  String from;

  @Option(names = "--to", paramLabel = "TIME",
      description = "Write events up to this simulated time (inclusive).")
  String to;

  @Option(names = "--node", paramLabel = "NAME", split = ",",
      description = "Write only the events of these nodes (repeatable or comma-separated).")
  List<String> nodes = new ArrayList<>();

  @Option(names = "--expect-hash", paramLabel = "HASH",
      description = "The traceHash the run must have (from results.json or a sweep); a "
          + "different one is reported as a failure.")
  String expectHash;

  @Mixin
  ScenarioOptions scenarioOptions;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    long fromNanos = 0;
    long toNanos = Long.MAX_VALUE;
    try {
      if (from != null) {
        fromNanos = Durations.parse(from);
      }
      if (to != null) {
        toNanos = Durations.parse(to);
      }
    } catch (IllegalArgumentException e) {
      return ScenarioOptions.usageError(err, "--from/--to: " + e.getMessage(),
          "write a simulated time like 30s, 1m30s or 250ms");
    }
    if (toNanos < fromNanos) {
      return ScenarioOptions.usageError(err, "--to (" + to + ") is before --from (" + from + ")",
          "the window is --from T1 --to T2 with T1 <= T2");
    }
    Scenario s;
    try {
      s = scenarioOptions.loadOne(file, variant);
      List<ScenarioError> unknown = new ArrayList<>();
      for (String n : nodes) {
        if (!s.nodeNames().contains(n)) {
          unknown.add(new ScenarioError("command line", 0, 0, "--node " + n, "no node named '" + n
              + "' in this scenario", "its nodes are " + String.join(", ", s.nodeNames())));
        }
      }
      if (!unknown.isEmpty()) {
        throw new ScenarioException(unknown);
      }
    } catch (ScenarioException e) {
      ErrorPrinter.print(err, e);
      return ExitCodes.BAD_INPUT;
    }
    int size = scenarioOptions.checkSize(err, file, List.of(s));
    if (size >= 0) {
      return size;
    }
    String variantName = ScenarioOptions.variantName(s);
    Path traceFile;
    if (trace != null) {
      if (!force && Files.exists(trace, LinkOption.NOFOLLOW_LINKS)) {
        return ScenarioOptions.usageError(err, "--trace " + trace + " already exists",
            "add --force to overwrite it, or choose another file");
      }
      traceFile = trace;
    } else {
      traceFile = freeName(Path.of("reports", "replays"),
          s.name() + "-" + variantName + "-seed-" + seed, ".jsonl");
    }
    CompletedRun run;
    long lines;
    AbortSignal abort = new AbortSignal();
    try (Interruption ctrlC = new Interruption(abort::raise, err)) {
      TracedRun.Traced traced = TracedRun.runWithTrace(s, seed,
          RunOptions.defaults().withMaxEvents(scenarioOptions.maxEvents).withAbort(abort),
          traceFile, new TraceFilter(fromNanos, toNanos, nodes), force);
      run = traced.run();
      lines = traced.lines();
    } catch (ProcessConstructionException e) {
      return Main.userConstructorFailed(err, file, e);
    } catch (RunAbortedException stopped) {
      err.println("interrupted before the run ended; no trace was written");
      err.flush();
      return ExitCodes.INTERRUPTED;
    } catch (dev.dsim.engine.InvariantViolation e) {
      // The trace up to the violation is what the user came for: keep it.
      stdout.println("traceHash " + e.traceHash() + " at the violation");
      if ((from != null || to != null) && Files.exists(traceFile)) {
        writeDiagram(s, null, e.traceHash(), traceFile, fromNanos, toNanos, stdout, err);
      }
      stdout.flush();
      err.println("error: " + e.getMessage());
      boolean same = expectHash == null || e.traceHash().equalsIgnoreCase(expectHash.trim());
      if (!same) {
        err.println("TRACE HASH MISMATCH: expected " + expectHash.trim() + ", got "
            + e.traceHash());
      }
      err.flush();
      return ExitCodes.RUN_FAILED;
    } catch (EventLimitExceededException e) {
      err.println("error: " + e.getMessage() + "; no trace was written");
      err.println("  hint: raise --max-events");
      err.flush();
      return ExitCodes.RUN_FAILED;
    }
    stdout.print(SummaryTable.render(List.of(run)));
    String hash = run.result().traceHash();
    stdout.println("traceHash " + hash + (expectHash == null ? ""
        : hash.equalsIgnoreCase(expectHash.trim()) ? " (as expected: the same run)" : ""));
    boolean empty = lines == 0;
    boolean diagramFailed = false;
    if (!empty) {
      stdout.println("wrote trace " + RunCommand.display(traceFile) + describeFilter());
      try {
        stdout.println("wrote the scenario it ran " + RunCommand.display(
            ResolvedScenario.writeBeside(traceFile, s, seed, run.result(), force)) + " (dsim run it for the "
            + "same trace hash)");
      } catch (FileAlreadyExistsException e) {
        err.println("note: " + e.getFile() + " already exists and was left as it is; add "
            + "--force to replace it");
      }
      if (from != null || to != null) {
        diagramFailed = !writeDiagram(s, run.result(), run.result().traceHash(), traceFile,
            fromNanos, toNanos, stdout, err);
      }
    }
    stdout.flush();
    boolean failed = ExpectationMessages.print(err, run.result());
    if (empty) {
      err.println("error: no event matches" + describeFilter() + ": the run's events span 0s to "
          + Durations.format(Math.round(run.result().simulated().seconds() * 1e9)) + "; no trace was "
          + "written");
      err.println("  hint: choose --from/--to within the run" + (nodes.isEmpty() ? ""
          : " and check the --node names"));
    }
    if (expectHash != null && !hash.equalsIgnoreCase(expectHash.trim())) {
      err.println("TRACE HASH MISMATCH: expected " + expectHash.trim() + ", got " + hash
          + ": this is not the same run.");
      err.println("  hint: the scenario file, the --set/--variant arguments or the dsim version "
          + "differ from the run that printed " + expectHash.trim()
          + " (or dsim has a determinism bug: please report it)");
      failed = true;
    }
    err.flush();
    return failed ? ExitCodes.RUN_FAILED
        : empty || diagramFailed ? ExitCodes.BAD_INPUT : ExitCodes.OK;
  }

  /**
   * Writes the window's space-time diagram beside the trace (same name, {@code .html}); a file
   * already there that {@code --force} does not cover is left alone, with a note. Returns false
   * if the page could not be written.
   */
  private boolean writeDiagram(Scenario s, RunResult result, String hash, Path traceFile,
      long fromNanos, long toNanos, PrintWriter stdout, PrintWriter err) {
    Path page = SpaceTimeFile.besideTrace(traceFile);
    try {
      SpaceTimeFile.Written w = SpaceTimeFile.write(traceFile, page, s.nodeNames(),
          nodes, fromNanos, toNanos, seed, hash, result,
          s.name() + " seed " + seed + ": space-time diagram", force);
      stdout.println("wrote space-time diagram " + RunCommand.display(page) + " ("
          + w.lifelines() + " nodes, " + w.delivered() + " messages delivered, "
          + w.notDelivered() + " dropped or in flight"
          + (w.truncated() > 0 ? ", " + w.truncated() + " not drawn" : "") + ") and its ShiViz "
          + "log " + RunCommand.display(SpaceTimeFile.shivizBeside(traceFile)));
      return true;
    } catch (FileAlreadyExistsException e) {
      err.println("note: " + e.getFile() + " already exists and was left as it is; add --force "
          + "to replace it");
      return true;
    } catch (IOException e) {
      err.println("error: cannot write the diagram " + RunCommand.display(page) + ": " + e);
      return false;
    }
  }

  /**
   * {@code dir/base.ext}, or {@code dir/base-2.ext}, … if that is taken: a replay's default
   * trace never overwrites an earlier one.
   */
  static Path freeName(Path dir, String base, String ext) {
    Path p = dir.resolve(base + ext);
    for (int i = 2; Files.exists(p, LinkOption.NOFOLLOW_LINKS); i++) {
      p = dir.resolve(base + "-" + i + ext);
    }
    return p;
  }

  private String describeFilter() {
    List<String> parts = new ArrayList<>();
    if (from != null || to != null) {
      parts.add("from " + (from == null ? "0s" : from) + " to " + (to == null ? "the end" : to));
    }
    if (!nodes.isEmpty()) {
      parts.add("nodes " + String.join(", ", nodes));
    }
    return parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")";
  }
}
