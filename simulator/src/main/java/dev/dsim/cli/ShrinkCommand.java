package dev.dsim.cli;

import dev.dsim.engine.Durations;
import dev.dsim.report.AtomicFiles;
import dev.dsim.run.RunOptions;
import dev.dsim.run.Shrinker;
import dev.dsim.scenario.Scenario;
import dev.dsim.scenario.ScenarioException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dsim shrink FILE --seed N [--variant V]}: turns a failing run into a small scenario
 * that fails the same way ({@link Shrinker}), writes it as a file of its own (the seed in it),
 * and prints how it got there and the command that runs it.
 */
@Command(
    name = "shrink",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Shrink a failing run to a small scenario that fails the same way.",
      "Every fault the random nemeses drew (crashes, partitions, slow nodes, clock and "
          + "corruption faults) becomes an explicit schedule, which is minimised (delta "
          + "debugging); then the run is shortened, and the load, the key count and each tier's "
          + "node count lowered, as far as the same expectation still fails. The file is read "
          + "back and run once more before it is written, so it is proven to fail.",
      "Exit status: 0 shrunk, 1 the run does not fail, 2 bad input."
    })
final class ShrinkCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "Scenario JSON file.")
  Path file;

  @Option(names = "--seed", paramLabel = "N", required = true, description = "The failing seed.")
  long seed;

  @Option(names = "--variant", paramLabel = "NAME",
      description = "The variant that fails (required when the file has variants).")
  String variant;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Where to write the shrunk scenario (default: "
          + "reports/shrunk/<scenario>-<variant>-seed-<n>.json, a free name).")
  Path out;

  @Option(names = "--max-candidates", paramLabel = "N",
      description = "Runs to try at most (default: ${DEFAULT-VALUE}).")
  int maxCandidates = 200;

  @Mixin
  ScenarioOptions scenarioOptions;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    if (maxCandidates < 1) {
      return ScenarioOptions.usageError(err, "--max-candidates must be at least 1", "");
    }
    if (out != null && Files.exists(out)) {
      return ScenarioOptions.usageError(err, "--out " + out + " already exists",
          "choose a new file: shrink never overwrites one");
    }
    Scenario s;
    try {
      s = scenarioOptions.loadOne(file, variant);
    } catch (ScenarioException e) {
      ErrorPrinter.print(err, e);
      return ExitCodes.BAD_INPUT;
    }
    int size = scenarioOptions.checkSize(err, file, List.of(s));
    if (size >= 0) {
      return size;
    }
    Shrinker.Outcome o;
    try {
      o = Shrinker.shrink(s, seed, RunOptions.defaults().withMaxEvents(
          scenarioOptions.maxEvents), line -> {
            stdout.println(line);
            stdout.flush();
          }, maxCandidates);
    } catch (IllegalArgumentException noFailure) {
      err.println("error: " + noFailure.getMessage());
      err.println("  hint: find a failing seed first: dsim sweep " + file + " --seeds 1..100");
      err.flush();
      return ExitCodes.RUN_FAILED;
    }
    Path target = out != null ? out : ReplayCommand.freeName(Path.of("reports", "shrunk"),
        s.name() + "-" + ScenarioOptions.variantName(s) + "-seed-" + seed, ".json");
    Path parent = target.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Path tmp = AtomicFiles.newTempFile(target);
    try {
      Files.writeString(tmp, o.text());
      if (!AtomicFiles.moveIfAbsent(tmp, target)) {
        return ScenarioOptions.usageError(err, target + " appeared while shrinking; it was "
            + "left as it is", "run again with --out FILE");
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
    stdout.println("shrunk in " + o.candidates() + " runs" + (o.budgetSpent()
        ? " (stopped at --max-candidates: it may shrink further)" : "") + ": faults "
        + o.faultsBefore() + " -> " + o.faultsAfter() + ", duration "
        + Durations.format(o.durationBefore()) + " -> " + Durations.format(o.durationAfter())
        + ", nodes " + o.nodesBefore() + " -> " + o.nodesAfter() + "; it still fails " + String.join(", ", o.failing()));
    stdout.println("wrote " + RunCommand.display(target));
    stdout.println("  replay it: " + Reproduce.replay(target, seed, null, List.of(),
        o.result().traceHash()));
    stdout.flush();
    return ExitCodes.OK;
  }

}
