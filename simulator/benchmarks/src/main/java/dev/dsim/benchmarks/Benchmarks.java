package dev.dsim.benchmarks;

import java.util.Arrays;

/**
 * Entry point of dsim-benchmarks.jar: {@code hold} (the engine against peer simulators, the
 * default) or {@code jmh} (the JMH suite, with JMH's own options).
 */
public final class Benchmarks {
  private Benchmarks() {}

  public static void main(String[] args) throws Exception {
    String what = args.length == 0 ? "hold" : args[0];
    String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
    switch (what) {
      case "hold" -> HoldPeersBenchmark.main(rest);
      case "jmh" -> org.openjdk.jmh.Main.main(rest);
      default -> {
        System.err.println("usage: java -jar dsim-benchmarks.jar [hold [--sizes N,N,...] "
            + "[--events N] [--warmup N] [--rounds N] | jmh [JMH options, e.g. EngineJmh "
            + "-prof gc]]");
        System.exit(2);
      }
    }
  }
}
