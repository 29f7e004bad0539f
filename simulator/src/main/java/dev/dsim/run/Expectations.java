package dev.dsim.run;

import dev.dsim.scenario.Expectation;
import dev.dsim.scenario.Metric;
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
    Metric m = Metric.named(metric);
    if (m == null) {
      throw new IllegalArgumentException("unknown metric " + metric);
    }
    return value(m, r);
  }

  /**
   * The value of {@code m} in {@code r}, or null when the run did not measure it. A switch with
   * no default: a new {@link Metric} does not compile until it says where its value is.
   */
  public static Double value(Metric m, RunResult r) {
    RunResult.Consistency c = r.consistency();
    RunResult.LatencyMs l = r.latencyMs();
    RunResult.Requests q = r.requests();
    RunResult.Detector lb = r.detection().loadBalancer();
    RunResult.Detector replicas = r.detection().replicas();
    return switch (m) {
      case AVAILABILITY -> r.availability();
      case THROUGHPUT -> r.throughputPerSecond();
      case LATENCY_MS_MEAN -> l.mean();
      case LATENCY_MS_P50 -> l.p50();
      case LATENCY_MS_P90 -> l.p90();
      case LATENCY_MS_P99 -> l.p99();
      case LATENCY_MS_P999 -> l.p999();
      case LATENCY_MS_MAX -> l.max();
      case REQUESTS_TOTAL -> (double) q.total();
      case REQUESTS_OK -> (double) q.ok();
      case REQUESTS_FAILED -> (double) q.failed();
      case REQUESTS_TIMED_OUT -> (double) q.timedOut();
      case REQUESTS_CORRUPT -> (double) q.corrupt();
      case REQUESTS_RETRIES -> (double) q.retries();
      case REQUESTS_HEDGES -> (double) q.hedges();
      case COST_PER_HOUR -> r.cost().perHour();
      case COST_TOTAL -> r.cost().total();
      case LOST_WRITES -> c == null ? null : (double) c.lostWrites();
      case STALE_READS -> c == null ? null : (double) c.staleReads();
      case CORRUPT_READS -> c == null ? null : (double) c.corruptReads();
      case UNVERIFIED_KEYS -> c == null ? null : (double) c.unverifiedKeys();
      case LINEARIZABLE -> c == null ? null : c.linearizability().asNumber();
      case VANISHED_WRITES -> c == null ? null : (double) c.vanishedWrites();
      case LOST_WRITES_CORRUPT -> c == null ? null : (double) c.lostWritesCorrupt();
      case LB_DETECTIONS -> lb == null ? null : (double) lb.detections();
      case LB_MEAN_DELAY_MS -> lb == null ? null : lb.meanDelayMs();
      case LB_MAX_DELAY_MS -> lb == null ? null : lb.maxDelayMs();
      case LB_FALSE_SUSPICIONS -> lb == null ? null : (double) lb.falseSuspicions();
      case REPLICAS_DETECTIONS -> replicas == null ? null : (double) replicas.detections();
      case REPLICAS_MEAN_DELAY_MS -> replicas == null ? null : replicas.meanDelayMs();
      case REPLICAS_MAX_DELAY_MS -> replicas == null ? null : replicas.maxDelayMs();
      case REPLICAS_FALSE_SUSPICIONS -> replicas == null ? null
          : (double) replicas.falseSuspicions();
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
