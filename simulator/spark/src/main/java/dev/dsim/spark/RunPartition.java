package dev.dsim.spark;

import dev.dsim.engine.EventLimitExceededException;
import dev.dsim.engine.InvariantViolation;
import dev.dsim.run.CompletedRun;
import dev.dsim.run.RunDigest;
import dev.dsim.run.Runner;
import dev.dsim.run.RunOptions;
import dev.dsim.scenario.ProcessConstructionException;
import dev.dsim.scenario.Scenario;
import dev.dsim.scenario.ScenarioException;
import dev.dsim.scenario.ScenarioLoader;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.broadcast.Broadcast;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction1;

/**
 * What an executor does with one partition of the work: reads each distinct scenario it needs
 * once from its text (the resolved scenario, written by {@link dev.dsim.scenario.ScenarioWriter}
 * on the driver: reading it back gives an equal scenario), and runs every seed, one at a time,
 * exactly as the local runner does. For a streamed sweep ({@code keepFailing} at least 0) it
 * sends back each run's digest, and the whole run only for the first {@code keepFailing} failing
 * runs of the partition: the sweep keeps the first {@code keepFailing} failing runs in job order,
 * and each of those is among the first of its own partition.
 */
final class RunPartition extends AbstractFunction1<Iterator<SeedTask>, SeedResult[]>
    implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Broadcast<List<ScenarioText>> scenarios;
  private final long maxEvents;
  private final int keepFailing;

  /** @param keepFailing -1: send back whole runs; else digests, and this many failing runs */
  RunPartition(Broadcast<List<ScenarioText>> scenarios, long maxEvents, int keepFailing) {
    this.scenarios = scenarios;
    this.maxEvents = maxEvents;
    this.keepFailing = keepFailing;
  }

  /** A resolved scenario as text, and the variant it was (the text has no variants). */
  record ScenarioText(String name, String json, String variant) implements Serializable {}

  @Override
  public SeedResult[] apply(Iterator<SeedTask> tasks) {
    List<ScenarioText> texts = scenarios.value();
    Scenario[] read = new Scenario[texts.size()];
    RunOptions options = RunOptions.defaults().withMaxEvents(maxEvents);
    List<SeedResult> out = new ArrayList<>();
    int keptFailing = 0;
    while (tasks.hasNext()) {
      SeedTask t = tasks.next();
      if (read[t.scenario()] == null) {
        ScenarioText text = texts.get(t.scenario());
        try {
          read[t.scenario()] = ScenarioLoader.parse(text.name(), text.json()).resolve(null)
              .withVariant(text.variant());
        } catch (ScenarioException e) {
          // The driver wrote this text from a scenario it had read: a bug of dsim's, not input.
          throw new IllegalStateException("a written scenario did not read back: " + e, e);
        }
      }
      try {
        CompletedRun run = Runner.run(read[t.scenario()], t.seed(), options);
        if (keepFailing < 0) {
          out.add(SeedResult.of(t.index(), run));
        } else {
          RunDigest d = RunDigest.of(run.result());
          boolean keep = d.failing() && keptFailing < keepFailing;
          keptFailing += keep ? 1 : 0;
          out.add(SeedResult.digested(t.index(), d, keep ? run : null));
        }
      } catch (EventLimitExceededException | InvariantViolation e) {
        out.add(SeedResult.failed(t.index(), e.getMessage()));
      } catch (ProcessConstructionException e) {
        out.add(new SeedResult(t.index(), null, null, null, e.tier(), e.className(),
            String.valueOf(e.getCause())));
        break; // every other run would fail alike
      }
    }
    return out.toArray(new SeedResult[0]);
  }
}
