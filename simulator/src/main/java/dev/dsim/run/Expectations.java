package dev.dsim.run;

import dev.dsim.scenario.Expectation;
import java.util.ArrayList;
import java.util.List;

/** Judges a run's results against its scenario's {@code expect}. */
public final class Expectations {
  private Expectations() {}

  /** Each expectation with the run's value of its metric and whether it holds. */
  public static List<RunResult.ExpectationResult> evaluate(List<Expectation> expect,
      RunResult r) {
    List<RunResult.ExpectationResult> out = new ArrayList<>();
    for (Expectation e : expect) {
      Double actual = value(e.metric(), r);
      out.add(new RunResult.ExpectationResult(e.metric(), e.condition(), actual,
          actual != null && e.holds(actual)));
    }
    return out;
  }

  /**
   * The value of {@code metric} (a name from {@link Expectation#METRICS}) in {@code r}, or null
   * when the run did not measure it (consistency without a data tier, detection without
   * detectors). An expectation on an unmeasured metric fails.
   */
  public static Double value(String metric, RunResult r) {
    RunResult.Consistency c = r.consistency();
    String[] parts = metric.split("\\.");
    return switch (parts[0]) {
      case "availability" -> r.availability();
      case "throughput" -> r.throughputPerSecond();
      case "latencyMs" -> switch (parts[1]) {
        case "mean" -> r.latencyMs().mean();
        case "p50" -> r.latencyMs().p50();
        case "p90" -> r.latencyMs().p90();
        case "p99" -> r.latencyMs().p99();
        case "p999" -> r.latencyMs().p999();
        default -> r.latencyMs().max();
      };
      case "requests" -> (double) switch (parts[1]) {
        case "total" -> r.requests().total();
        case "ok" -> r.requests().ok();
        case "failed" -> r.requests().failed();
        case "timedOut" -> r.requests().timedOut();
        case "corrupt" -> r.requests().corrupt();
        case "retries" -> r.requests().retries();
        default -> r.requests().hedges();
      };
      case "cost" -> parts[1].equals("perHour") ? r.cost().perHour() : r.cost().total();
      case "consistency" -> c == null ? null : (Double) (double) switch (parts[1]) {
        case "lostWrites" -> c.lostWrites();
        case "staleReads" -> c.staleReads();
        case "corruptReads" -> c.corruptReads();
        case "linearizable" -> c.linearizability().asNumber();
        case "vanishedWrites" -> c.vanishedWrites();
        case "lostWritesCorrupt" -> c.lostWritesCorrupt();
        default -> c.unverifiedKeys();
      };
      case "detection" -> detector(parts[1].equals("loadBalancer")
          ? r.detection().loadBalancer() : r.detection().replicas(), parts[2]);
      default -> throw new IllegalArgumentException("unknown metric " + metric);
    };
  }

  private static Double detector(RunResult.Detector d, String field) {
    if (d == null) {
      return null;
    }
    return switch (field) {
      case "detections" -> (double) d.detections();
      case "meanDelayMs" -> d.meanDelayMs();
      case "maxDelayMs" -> d.maxDelayMs();
      default -> (double) d.falseSuspicions();
    };
  }

  /** True when every expectation held (or there were none). */
  public static boolean allHold(List<RunResult.ExpectationResult> results) {
    for (RunResult.ExpectationResult e : results) {
      if (!e.ok()) {
        return false;
      }
    }
    return true;
  }
}
