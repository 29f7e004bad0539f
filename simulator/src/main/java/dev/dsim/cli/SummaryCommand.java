package dev.dsim.cli;

import dev.dsim.report.FileProblem;
import dev.dsim.report.SweepDataset;
import dev.dsim.report.SweepTally;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dsim summary runs.jsonl…}: a sweep's summary computed again from its dataset, or from
 * several (one sweep split by seed range over several machines or commands), merged in the
 * order given: the table {@code sweep} prints, to the last digit, and its verdict.
 */
@Command(
    name = "summary",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Summarise sweep datasets (runs.jsonl of sweep --dataset).",
      "Reads the runs of one or more datasets, in the order given, and prints the summary "
          + "sweep prints (per variant, grid point and load: runs, failing runs, mean "
          + "availability, throughput and latency) and its verdict. The datasets of one sweep "
          + "split by --seeds, given in seed order, give the whole sweep's summary, to the last "
          + "digit; a run found twice is an error.",
      "Exit status: 0 no failing run, 1 some run failed an expectation, 2 bad input."
    })
final class SummaryCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", arity = "1..*",
      description = "Datasets (runs.jsonl), in seed order.")
  List<Path> files;

  @Option(names = "--csv",
      description = "Print the table as CSV instead (loads.csv's columns: each metric's mean "
          + "over the seeds with its 95% interval's half-width).")
  boolean csv;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    SweepTally tally;
    try {
      tally = SweepDataset.tally(files);
    } catch (SweepDataset.BadLine e) {
      err.println("error: " + e.format());
      err.flush();
      return ExitCodes.BAD_INPUT;
    } catch (java.nio.charset.CharacterCodingException e) {
      return ScenarioOptions.usageError(err, "a dataset is not UTF-8 text: " + files,
          "give the runs.jsonl that dsim sweep --dataset wrote");
    } catch (IOException e) {
      FileProblem problem = FileProblem.of(e);
      if (problem == null) {
        throw new java.io.UncheckedIOException(e);
      }
      return ScenarioOptions.usageError(err, "cannot read " + problem.message(),
          problem.hint());
    }
    if (tally.runs() == 0) {
      return ScenarioOptions.usageError(err, "no finished run in " + files,
          "give the runs.jsonl that dsim sweep --dataset wrote");
    }
    out.print(csv ? tally.loadsCsv() : tally.summary());
    if (!csv) {
      out.println();
      out.println(tally.verdict());
    }
    out.flush();
    return tally.failing() > 0 ? ExitCodes.RUN_FAILED : ExitCodes.OK;
  }
}
