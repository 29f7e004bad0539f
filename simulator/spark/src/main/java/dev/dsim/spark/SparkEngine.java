package dev.dsim.spark;

import dev.dsim.run.JobRunner;
import dev.dsim.run.RunEngine;
import dev.dsim.run.RunOptions;

/**
 * {@code --engine spark}: sweeps and comparisons on Apache Spark, found by
 * {@link RunEngine#find} through this module's {@code META-INF/services}. With
 * {@code --master local[*]} Spark runs inside the dsim process; with a cluster's master, its
 * executors run the seeds.
 */
public final class SparkEngine implements RunEngine {
  @Override
  public String name() {
    return "spark";
  }

  @Override
  public JobRunner open(String master, RunOptions options) throws Unavailable {
    return SparkJobRunner.open(master, options.maxEvents());
  }
}
