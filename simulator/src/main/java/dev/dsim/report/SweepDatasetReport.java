package dev.dsim.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a sweep streamed to its dataset found ({@code dsim sweep --dataset}): the totals of every
 * run, the first failing runs kept whole (results file, resolved scenario, replay command), and
 * {@code runs.jsonl} with one line per run for the rest. Its {@code sweep.json} is a normal
 * sweep's without the {@code "runs"} array (the dataset is that array, as lines).
 *
 * @param file the scenario file swept
 * @param tally the totals over every finished run
 * @param kept the failing runs kept whole, the first ones in job order
 * @param planned runs planned
 * @param errors runs that stopped with an error (event bound, invariant); they are in the dataset
 * @param interrupted whether Ctrl-C cut the sweep short
 * @param stopAfter the {@code --stop-after} bound, or null
 * @param keepFailing how many failing runs are kept whole at most
 */
public record SweepDatasetReport(String file, SweepTally tally, List<SweepReport.Row> kept,
    int planned, int errors, boolean interrupted, Integer stopAfter, int keepFailing) {
  public SweepDatasetReport {
    kept = List.copyOf(kept);
  }

  /** {@code sweep.json}: counts, the failing runs kept whole, swarm's tally, the dataset's name. */
  public String json() {
    ObjectNode root = SweepReport.MAPPER.createObjectNode();
    root.put("scenarioFile", file);
    root.put("planned", planned);
    root.put("finished", tally.runs());
    root.put("errors", errors);
    root.put("interrupted", interrupted);
    if (stopAfter != null) {
      root.put("stopAfter", stopAfter);
    }
    root.put("dataset", SweepDataset.FILE);
    root.put("failingRuns", tally.failing());
    root.put("keepFailing", keepFailing);
    SweepReport.failing(root.putArray("failing"), kept);
    SweepReport.swarm(root, tally);
    try {
      return SweepReport.MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code index.html}: the verdict, the summary, the failing runs kept, a link to the data. */
  public void writePage(Path dir, String scenario, String reproduce, boolean loads)
      throws IOException {
    Html html = new Html(scenario + ": dsim sweep");
    html.h1(scenario + ": sweep");
    if (interrupted) {
      html.warning("Interrupted: " + tally.runs() + " of " + planned
          + " planned runs finished; this report covers only those.");
    }
    html.raw("<p class=\"verdict\"><strong>" + Html.esc(tally.verdict()) + "</strong></p>\n");
    html.p(tally.runs() + " of " + planned + " planned runs finished"
        + (errors == 0 ? "" : ", " + errors + " stopped with an error")
        + (interrupted ? " (interrupted)." : "."));
    html.pre(tally.summary());
    html.h2("Failing runs");
    if (tally.failing() == 0) {
      html.p("None: every run met the scenario's expectations.");
    } else {
      List<String[]> rows = new ArrayList<>();
      for (SweepReport.Row r : kept) {
        rows.add(new String[] {r.point().groupName(), Long.toString(r.point().seed()),
          String.join("; ", r.failed()), Html.link(r.resultsFile(), "results.json"),
          r.replay()});
      }
      html.table(new String[] {"where", "seed", "what failed", "results", "replay it"}, rows);
      if (tally.failing() > kept.size()) {
        html.p("The first " + kept.size() + " of " + tally.failing() + " failing runs in job "
            + "order; every failing run's line in runs.jsonl has its failed expectations and "
            + "the command that replays it.");
      }
    }
    html.h2("Reproduce");
    html.pre(reproduce);
    html.raw("<p>Every run, one JSON object per line: <a href=\"" + SweepDataset.FILE + "\">"
        + SweepDataset.FILE + "</a>; the findings: <a href=\"sweep.json\">sweep.json</a>"
        + (loads ? ", per load: <a href=\"loads.csv\">loads.csv</a>" : "") + ".</p>\n");
    AtomicFiles.writeString(dir.resolve("index.html"), html.finish());
  }
}
