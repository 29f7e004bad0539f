package dev.dsim.spark;

import dev.dsim.cli.Main;
import java.util.Arrays;

/**
 * dsim-spark.jar's entry point: dsim's command line (with {@code --engine spark} available),
 * and {@code benchmark}, which times the local runner against Spark on the same seeds. Started
 * with {@code java -jar}, so the JDK module flags of the jar's manifest apply to both.
 */
public final class SparkMain {
  private SparkMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("benchmark")) {
      System.exit(SweepBenchmark.run(Arrays.copyOfRange(args, 1, args.length)));
    }
    Main.main(args);
  }
}
