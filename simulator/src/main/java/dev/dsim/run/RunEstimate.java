package dev.dsim.run;

import dev.dsim.scenario.Scenario;
import dev.dsim.scenario.TierKind;
import dev.dsim.scenario.TierSpec;
import dev.dsim.service.HealthCheck;
import dev.dsim.service.Load;

/**
 * A rough size of a run, worked out from the scenario before it runs, so that a run of billions
 * of events or millions of nodes is announced (or refused) up front instead of running for hours
 * or out of memory. The event costs per request are calibrated on the shipped scenarios (about 6
 * events per request through a balancer and one stateless tier, about 20 through web + a
 * three-way replicated store); the estimate is meant to be right within a factor of two.
 *
 * @param requests requests the clients will issue
 * @param events events the run will fire
 * @param nodes simulated nodes
 * @param bytes heap the run will need, roughly
 */
public record RunEstimate(double requests, double events, long nodes, double bytes) {
  /** Whole-stack speed used for the wall-time guess (the web-kv benchmark, rounded down). */
  static final double EVENTS_PER_SECOND = 4e6;
  /** Above these a run is worth a word before it starts. */
  static final double LARGE_EVENTS = 2e8;
  static final long LARGE_NODES = 100_000;
  static final double LARGE_BYTES = 1L << 30;

  private static final double NODE_BYTES = 16 * 1024;
  private static final double HISTORY_BYTES_PER_OP = 40;

  /** The estimate for {@code s}. */
  public static RunEstimate of(Scenario s) {
    double seconds = s.durationNanos() / 1e9;
    double requests = offeredRate(s) * seconds;
    double perRequest = 2 + (s.loadBalancer().nodes() > 0 ? 2 : 0);
    long nodes = 1 + s.loadBalancer().nodes();
    double background = 0;
    double bytes = 0;
    boolean kv = false;
    for (TierSpec t : s.tiers().values()) {
      nodes += t.nodes();
      if (t.kind() == TierKind.KV) {
        kv = true;
        perRequest += 3 + 4.0 * t.kv().replication();
        HealthCheck hb = t.kv().heartbeat();
        if (hb != null) {
          background += 3.0 * t.nodes() * (t.nodes() - 1) * (s.durationNanos()
              / (double) hb.intervalNanos());
        }
        int keys = s.clients().mix() == null ? 1000 : s.clients().mix().keys();
        int value = s.clients().mix() == null ? 100 : s.clients().mix().valueBytes();
        bytes += (double) keys * t.kv().replication() * (2.0 * value + 120);
      } else {
        perRequest += 3;
      }
    }
    HealthCheck lb = s.loadBalancer().healthCheck();
    if (lb != null) {
      TierSpec entry = s.tiers().values().iterator().next();
      background += 4.0 * s.loadBalancer().nodes() * entry.nodes()
          * (s.durationNanos() / (double) lb.intervalNanos());
    }
    double events = requests * perRequest + background;
    bytes += nodes * NODE_BYTES + (kv ? requests * HISTORY_BYTES_PER_OP : 0);
    return new RunEstimate(requests, events, nodes, bytes);
  }

  /** Requests per simulated second the clients offer (the peak of a schedule). */
  static double offeredRate(Scenario s) {
    Load load = s.clients().load();
    if (load instanceof Load.Open open) {
      return open.rate().maxRate();
    }
    Load.Closed closed = (Load.Closed) load;
    // A user sends at most one request per think time plus a round trip (taken as 1 ms).
    return closed.users() / ((closed.thinkNanos().mean() + 1e6) / 1e9);
  }

  /** Worth telling the user before it starts. */
  public boolean isLarge() {
    return events > LARGE_EVENTS || nodes > LARGE_NODES || bytes > LARGE_BYTES;
  }

  /** Rough wall-clock seconds on one thread. */
  public double wallSeconds() {
    return events / EVENTS_PER_SECOND;
  }

  /** One line for a human: "about 2.4 billion events, 1,200 nodes, ~3.1 GiB, ~10 min". */
  public String describe() {
    return "about " + count(requests) + " requests, " + count(events) + " events, "
        + count(nodes) + " nodes, ~" + size(bytes) + " of memory, ~" + time(wallSeconds())
        + " on one core";
  }

  static String count(double v) {
    if (v >= 1e9) {
      return String.format(java.util.Locale.ROOT, "%.1f billion", v / 1e9);
    }
    if (v >= 1e6) {
      return String.format(java.util.Locale.ROOT, "%.1f million", v / 1e6);
    }
    return String.format(java.util.Locale.ROOT, "%,.0f", v);
  }

  static String size(double b) {
    if (b >= 1L << 30) {
      return String.format(java.util.Locale.ROOT, "%.1f GiB", b / (1L << 30));
    }
    return String.format(java.util.Locale.ROOT, "%.0f MiB", Math.max(1, b / (1L << 20)));
  }

  static String time(double seconds) {
    if (seconds >= 3600) {
      return String.format(java.util.Locale.ROOT, "%.1f h", seconds / 3600);
    }
    if (seconds >= 60) {
      return String.format(java.util.Locale.ROOT, "%.0f min", seconds / 60);
    }
    return String.format(java.util.Locale.ROOT, "%.0f s", Math.max(1, seconds));
  }
}
