package dev.dsim.spark;

import dev.dsim.run.CompletedRun;
import dev.dsim.run.InOrder;
import dev.dsim.run.JobRunner;
import dev.dsim.run.ParallelRunner;
import dev.dsim.run.RunEngine;
import dev.dsim.run.StreamedRun;
import dev.dsim.scenario.ProcessConstructionException;
import dev.dsim.scenario.Scenario;
import dev.dsim.scenario.ScenarioWriter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * Runs jobs on Spark: the work list is split into partitions, each task runs its seeds as pure
 * runs and sends back their results, and the driver puts them in job order, so what the command
 * writes is the same bytes as after a local run, whatever the partitioning or the order tasks
 * finish in. Results reach the driver partition by partition (the progress bar moves, and
 * Ctrl-C keeps what finished).
 *
 * <p>{@code stopAfter}: once every job up to the {@code stopAfter}-th failure in job order has
 * finished, the rest of the Spark job is cancelled, and the outcomes after that failure are
 * dropped (some may have finished meanwhile), which is what a serial run that stopped there
 * would have, and what the local runner returns.
 */
final class SparkJobRunner implements JobRunner {
  /** Partitions per core of the cluster: small enough tasks for an even spread and a moving bar. */
  private static final int PARTITIONS_PER_CORE = 4;
  /** Runs per partition at most, for large sweeps. */
  private static final int RUNS_PER_PARTITION = 2_000;

  private final JavaSparkContext spark;
  private final long maxEvents;
  private volatile boolean aborted;

  private SparkJobRunner(JavaSparkContext spark, long maxEvents) {
    this.spark = spark;
    this.maxEvents = maxEvents;
  }

  static SparkJobRunner open(String master, long maxEvents) throws RunEngine.Unavailable {
    // Reads spark-submit's settings (spark.* system properties): its --master unless dsim's
    // --master says otherwise, and Spark in this process when neither does.
    SparkConf conf = new SparkConf();
    if (master != null) {
      conf.setMaster(master);
    } else if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
    }
    String running = conf.get("spark.master");
    conf.setIfMissing("spark.app.name", "dsim")
        // No web UI by default: a sweep on a laptop should not open a port.
        .setIfMissing("spark.ui.enabled", "false")
        .setIfMissing("spark.ui.showConsoleProgress", "false");
    if (running.startsWith("local")) {
      // Embedded: everything on this machine, so on loopback (no warning about the host name).
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1")
          .setIfMissing("spark.driver.host", "127.0.0.1");
    }
    try {
      JavaSparkContext spark = new JavaSparkContext(conf);
      spark.setLogLevel("WARN");
      return new SparkJobRunner(spark, maxEvents);
    } catch (Exception e) { // SparkException, undeclared by Scala; IllegalArgumentException
      throw new RunEngine.Unavailable("Spark cannot start on master '" + running + "': "
          + e.getMessage(), "--master local[*] (Spark in this process), local[N], "
          + "spark://host:7077, yarn or k8s://...; on a cluster, start dsim with spark-submit "
          + "(see the README)");
    }
  }

  @Override
  public List<ParallelRunner.Outcome> run(List<ParallelRunner.Job> jobs,
      Predicate<CompletedRun> failed, int stopAfter, ParallelRunner.Listener listener)
      throws InterruptedException {
    Plan plan = Plan.of(jobs);
    CompletedRun[] runs = new CompletedRun[jobs.size()];
    String[] errors = new String[jobs.size()];
    SeedResult[] unbuildable = new SeedResult[1];
    if (!jobs.isEmpty() && !aborted) {
      Broadcast<List<RunPartition.ScenarioText>> shared = spark.broadcast(plan.texts());
      JavaRDD<SeedTask> rdd = spark.parallelize(plan.tasks(), partitions(jobs.size()));
      int[] done = {0};
      // With stopAfter: how far the finished prefix of the work list goes, and its failures.
      int[] prefix = {0};
      int[] prefixFailures = {0};
      boolean[] stoppedEarly = {false};
      ClassTag<SeedResult[]> tag = ClassTag$.MODULE$.apply(SeedResult[].class);
      try {
        spark.sc().runJob(rdd.rdd(), new RunPartition(shared, maxEvents, -1),
            new AbstractFunction2<Object, SeedResult[], BoxedUnit>() {
              @Override
              public BoxedUnit apply(Object partition, SeedResult[] results) {
                // On the driver, one partition at a time.
                for (SeedResult r : results) {
                  if (r.unbuildableTier() != null) {
                    unbuildable[0] = r;
                    continue;
                  }
                  runs[r.index()] = r.run();
                  errors[r.index()] = r.error();
                  done[0]++;
                  if (r.run() != null && listener != null) {
                    listener.finished(r.index(), new ParallelRunner.Outcome(
                        jobs.get(r.index()), r.run(), null), done[0], jobs.size());
                  }
                }
                if (stopAfter > 0 && !stoppedEarly[0]) {
                  // Once every job up to the stopAfter-th failure has finished, the rest are not
                  // needed: cancel them (the outcomes below drop them anyway).
                  while (prefix[0] < jobs.size() && (runs[prefix[0]] != null
                      || errors[prefix[0]] != null)) {
                    CompletedRun run = runs[prefix[0]++];
                    if (run != null && failed.test(run) && ++prefixFailures[0] == stopAfter) {
                      stoppedEarly[0] = true;
                      spark.cancelAllJobs();
                      break;
                    }
                  }
                }
                return BoxedUnit.UNIT;
              }
            }, tag);
      } catch (Exception e) { // SparkException too, which Scala does not declare
        if (!aborted && !stoppedEarly[0]) {
          throw e instanceof RuntimeException r ? r
              : new IllegalStateException("the Spark job failed: " + e.getMessage(), e);
        }
        // Cancelled by Ctrl-C, or once stopAfter failures were found: keep what finished.
      } finally {
        shared.destroy();
      }
    }
    unbuildable(unbuildable[0]);
    List<ParallelRunner.Outcome> outcomes = new ArrayList<>(jobs.size());
    int failures = 0;
    boolean stopped = false;
    for (int i = 0; i < jobs.size(); i++) {
      ParallelRunner.Job job = jobs.get(i);
      if (stopped) {
        outcomes.add(new ParallelRunner.Outcome(job, null, null));
        continue;
      }
      outcomes.add(new ParallelRunner.Outcome(job, runs[i], errors[i]));
      if (runs[i] != null && failed.test(runs[i]) && stopAfter > 0 && ++failures == stopAfter) {
        stopped = true;
      }
    }
    return outcomes;
  }

  @Override
  public void stream(List<ParallelRunner.Job> jobs, int stopAfter, int keepFailing,
      Consumer<StreamedRun> sink, Progress progress) throws InterruptedException {
    InOrder order = new InOrder(stopAfter, sink);
    SeedResult[] unbuildable = new SeedResult[1];
    if (!jobs.isEmpty() && !aborted) {
      Plan plan = Plan.of(jobs);
      Broadcast<List<RunPartition.ScenarioText>> shared = spark.broadcast(plan.texts());
      JavaRDD<SeedTask> rdd = spark.parallelize(plan.tasks(), partitions(jobs.size()));
      int[] done = {0};
      boolean[] stoppedEarly = {false};
      ClassTag<SeedResult[]> tag = ClassTag$.MODULE$.apply(SeedResult[].class);
      try {
        spark.sc().runJob(rdd.rdd(), new RunPartition(shared, maxEvents, keepFailing),
            new AbstractFunction2<Object, SeedResult[], BoxedUnit>() {
              @Override
              public BoxedUnit apply(Object partition, SeedResult[] results) {
                // On the driver, one partition at a time: the reorder buffer holds only the
                // partitions that finished ahead of an earlier one.
                for (SeedResult r : results) {
                  if (r.unbuildableTier() != null) {
                    unbuildable[0] = r;
                    continue;
                  }
                  StreamedRun run = new StreamedRun(r.index(), jobs.get(r.index()), r.digest(),
                      r.run(), r.error());
                  order.offer(run);
                  if (progress != null) {
                    progress.finished(++done[0], jobs.size(), run.failing());
                  }
                }
                if (order.stopped() && !stoppedEarly[0]) {
                  stoppedEarly[0] = true;
                  spark.cancelAllJobs();
                }
                return BoxedUnit.UNIT;
              }
            }, tag);
      } catch (Exception e) { // SparkException too, which Scala does not declare
        if (!aborted && !stoppedEarly[0]) {
          throw e instanceof RuntimeException r ? r
              : new IllegalStateException("the Spark job failed: " + e.getMessage(), e);
        }
      } finally {
        shared.destroy();
      }
    }
    unbuildable(unbuildable[0]);
    order.drain();
  }

  /**
   * Partitions for {@code jobs} runs: a few per core for an even spread, and at most about
   * {@link #RUNS_PER_PARTITION} runs each, so a million-run sweep reports progress often and no
   * one task result is large.
   */
  private int partitions(int jobs) {
    int byCores = spark.defaultParallelism() * PARTITIONS_PER_CORE;
    int bySize = (int) ((jobs + (long) RUNS_PER_PARTITION - 1) / RUNS_PER_PARTITION);
    return Math.max(1, Math.min(jobs, Math.max(byCores, bySize)));
  }

  /** A user's process class that could not be built stops the sweep as bad input. */
  private static void unbuildable(SeedResult u) {
    if (u != null) {
      throw new ProcessConstructionException(u.unbuildableTier(), u.unbuildableClass(),
          new RuntimeException(u.unbuildableCause()));
    }
  }

  /** The work as it travels: the distinct scenarios as text (broadcast once), and the tasks. */
  private record Plan(List<RunPartition.ScenarioText> texts, List<SeedTask> tasks) {
    static Plan of(List<ParallelRunner.Job> jobs) {
      // Each task names its scenario by number.
      Map<Scenario, Integer> numbers = new IdentityHashMap<>();
      List<RunPartition.ScenarioText> texts = new ArrayList<>();
      List<SeedTask> tasks = new ArrayList<>(jobs.size());
      for (int i = 0; i < jobs.size(); i++) {
        Scenario s = jobs.get(i).scenario();
        Integer n = numbers.get(s);
        if (n == null) {
          n = texts.size();
          numbers.put(s, n);
          texts.add(new RunPartition.ScenarioText(s.name() + ".json",
              ScenarioWriter.write(s, ScenarioWriter.Style.EXPLICIT), s.variant()));
        }
        tasks.add(new SeedTask(i, n, jobs.get(i).seed()));
      }
      return new Plan(texts, tasks);
    }
  }

  @Override
  public void abort() {
    aborted = true;
    spark.cancelAllJobs();
  }

  @Override
  public void close() {
    spark.close();
  }
}
