package dev.dsim.run;


import dev.dsim.fault.Fault;
import dev.dsim.fault.FaultPlan;
import dev.dsim.fault.Target;
import dev.dsim.scenario.Scenario;
import dev.dsim.scenario.Tier;
import dev.dsim.service.HealthCheck;
import dev.dsim.service.swim.SwimConfig;
import dev.dsim.service.Load;
import dev.dsim.service.kv.FsyncPolicy;

/**
 * A rough size of a run, worked out from the scenario before it runs, so that a run of billions
 * of events or millions of nodes is announced (or refused) up front instead of running for hours
 * or out of memory. It adds up the work requests cause and the work that fires on timers whatever
 * the requests: periodic fsyncs, kv heartbeats, load-balancer health checks, random faults (the
 * crash nemesis and the other random kinds), scheduled faults, and what nodes do when they start
 * (a static node writes its files). The costs per request and per tick are calibrated on the
 * shipped scenarios and on small scenarios dominated by each kind of periodic work
 * ({@code RunEstimateTest}); the estimate is meant to be right within a factor of two. It knows
 * nothing of what a user's own processes ("kind": "process") do on their timers.
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
  /** A pending event or message in flight, with its payload. */
  private static final double EVENT_BYTES = 100;
  /**
   * Per key held by a replica: its key, version and value in a table kept at most half full
   * (20 bytes a slot, so 40 to 80 bytes a key).
   */
  private static final double KV_KEY_BYTES = 80;
  /** Per kv node and peer with heartbeats: when it was last heard from, and whether suspected. */
  private static final double DETECTOR_BYTES = 9;
  /** Per kv node and peer with SWIM: the peer's rank (one int). */
  private static final double SWIM_RANK_BYTES = 4;
  /** Per kv node and SWIM period: see {@link #periodicEvents}. */
  private static final double SWIM_EVENTS_PER_PERIOD = 6;
  /** One blocked node pair of a partition (a map entry and the pair kept for the heal). */
  private static final double PAIR_BYTES = 120;
  /** Per stored file or value besides its bytes: the block, its key and map entry. */
  private static final double BLOCK_BYTES = 120;
  /** After the measured window a store is given this long (at least) to settle and be read. */
  private static final double QUIET_NANOS = 7e9;

  /** The estimate for {@code s}. */
  public static RunEstimate of(Scenario s) {
    double requests = offeredRate(s) * s.durationNanos() / 1e9;
    long nodes = 1 + s.loadBalancer().nodes();
    for (Tier t : s.tiers().values()) {
      nodes += t.nodes();
    }
    double horizon = horizonNanos(s);
    double events = requests * eventsPerRequest(s) + readBackEvents(s, requests)
        + periodicEvents(s, horizon) + faultEvents(s, horizon) + startEvents(s)
        + partitionPairs(s, nodes);
    return new RunEstimate(requests, events, nodes, bytes(s, nodes, requests));
  }

  /** Events one request costs: the client, the balancer and each tier it passes. */
  private static double eventsPerRequest(Scenario s) {
    double perRequest = 4;
    for (Tier t : s.tiers().values()) {
      perRequest += t instanceof Tier.Kv kv ? 3 + 4.0 * kv.store().replication() : 3;
    }
    return perRequest;
  }

  /**
   * How long the simulation lasts: the measured window; then the drain, which lasts the clients'
   * worst case, or a whole duration more when requests have no timeout and some are lost (to a
   * fault or a lossy network); then, with a store, the quiet period and the final read-back.
   */
  static double horizonNanos(Scenario s) {
    double duration = s.durationNanos();
    long worst = s.clients().retry().worstCaseNanos();
    boolean loses = losesRequests(s) || s.network().loss() > 0 || s.network().corrupt() > 0;
    double drain = worst != Long.MAX_VALUE ? Math.min(worst, duration) : loses ? duration : 0;
    return duration + drain + (hasStore(s) ? QUIET_NANOS : 0);
  }

  /** Work on timers that fire whatever the requests. */
  private static double periodicEvents(Scenario s, double horizon) {
    double events = 0;
    for (Tier tier : s.tiers().values()) {
      if (!(tier instanceof Tier.Kv t)) {
        continue;
      }
      FsyncPolicy fsync = t.store().fsync();
      if (fsync.mode() == FsyncPolicy.Mode.PERIODIC) {
        // Each tick: the timer and the disk's fsync completing.
        events += 2.0 * t.nodes() * ticks(horizon, fsync.periodNanos());
      }
      HealthCheck hb = t.store().heartbeat();
      if (hb != null) {
        // Each tick on each node: the timer, the send from the CPU queue, one delivery per peer.
        events += (double) t.nodes() * (t.nodes() + 1) * ticks(horizon, hb.intervalNanos());
      }
      SwimConfig swim = t.store().swim();
      if (swim != null) {
        // Each period on each node: the timer, the ping from the CPU queue, its delivery and
        // timeout, the ack from the CPU queue and its delivery.
        events += SWIM_EVENTS_PER_PERIOD * t.nodes() * ticks(horizon, swim.periodNanos());
      }
    }
    HealthCheck lb = s.loadBalancer().healthCheck();
    if (lb != null) {
      // Each tick on each balancer: the timer, then per backend the ping, the pong, its delivery.
      Tier entry = s.tiers().values().iterator().next();
      events += s.loadBalancer().nodes() * (1 + 3.0 * entry.nodes())
          * ticks(horizon, lb.intervalNanos());
    }
    return events;
  }

  /** Strikes and heals: the crash nemesis per node, each random kind, the schedule. */
  private static double faultEvents(Scenario s, double horizon) {
    FaultPlan f = s.faults();
    double events = 2.0 * f.schedule().size();
    FaultPlan.CrashNemesis crash = f.randomCrash();
    if (crash != null) {
      // Each candidate tries to fail every mttf while up (a try that maxDown forbids costs an
      // event too), and each failure is repaired: one event per try and per repair.
      double candidates = allOf(s, crash.candidates());
      events += candidates * horizon * (1.0 / crash.mttfNanos()
          + 1.0 / ((double) crash.mttfNanos() + crash.mttrNanos()));
    }
    for (FaultPlan.RandomFault r : f.random()) {
      boolean heals = !(r.fault() instanceof Fault.Corrupt c && !c.lasting().heals())
          && !(r.fault() instanceof Fault.ClockJump);
      events += (heals ? 2 : 1) * horizon / r.meanIntervalNanos();
    }
    return events;
  }

  /** What nodes do as they start: a static node writes each of its files to its disk. */
  private static double startEvents(Scenario s) {
    double events = 0;
    for (Tier t : s.tiers().values()) {
      if (t instanceof Tier.Static st) {
        events += (double) st.nodes() * st.files();
      }
    }
    return events;
  }

  /** Reading back every key written, from all its replicas, at the end of a run with a store. */
  private static double readBackEvents(Scenario s, double requests) {
    double events = 0;
    for (Tier t : s.tiers().values()) {
      if (t instanceof Tier.Kv kv) {
        double written = Math.min(s.clients().mix().keys(),
            requests * (1 - s.clients().mix().readFraction()));
        events += written * (4 + 4.0 * kv.store().replication());
      }
    }
    return events;
  }

  /**
   * Node pairs that partitions block, each one a little work and a little heap while it lasts:
   * a partition or an isolation of big tiers is quadratic in their size.
   */
  private static double partitionPairs(Scenario s, double total) {
    double pairs = 0;
    for (FaultPlan.Scheduled f : s.faults().schedule()) {
      pairs += pairsOf(s, f.fault(), total);
    }
    for (FaultPlan.RandomFault r : s.faults().random()) {
      pairs += pairsOf(s, r.fault().forNemesis(), total);
    }
    return pairs;
  }

  private static double pairsOf(Scenario s, Fault f, double total) {
    if (f instanceof Fault.Isolate i) {
      double n = targets(s, i.target());
      return 2 * n * (total - n);
    }
    if (f instanceof Fault.Split sp) {
      double n = allOf(s, sp.candidates()); // a random split of these candidates
      return 2 * (n / 2) * (n / 2);
    }
    if (!(f instanceof Fault.Partition p)) {
      return 0;
    }
    double all = 0;
    double squares = 0;
    for (Target g : p.groups()) {
      double n = targets(s, g);
      all += n;
      squares += n * n;
    }
    double pairs = all * all - squares; // every ordered pair across two groups
    return p.oneWay() ? pairs / p.groups().size() : pairs;
  }

  /** Nodes a target hits at one strike: one for a random one, else all it names. */
  private static double targets(Scenario s, Target t) {
    return t instanceof Target.OneOf ? 1 : allOf(s, t);
  }

  /** Nodes a target's names cover: a tier's nodes, or one node. */
  private static double allOf(Scenario s, Target t) {
    double n = 0;
    for (String name : t.names()) {
      Tier tier = s.tiers().get(name);
      n += tier == null ? 1 : tier.nodes();
    }
    return n;
  }

  private static double bytes(Scenario s, long nodes, double requests) {
    double bytes = nodes * NODE_BYTES;
    boolean kv = false;
    for (Tier t : s.tiers().values()) {
      if (t instanceof Tier.Kv store) {
        kv = true;
        int keys = s.clients().mix().keys();
        int value = s.clients().mix().valueBytes();
        bytes += (double) keys * store.store().replication() * (2.0 * value + BLOCK_BYTES);
        bytes += KV_KEY_BYTES * keys * store.store().replication();
        if (store.store().heartbeat() != null) {
          // a round of heartbeats in flight, and every node's failure detector over its peers
          bytes += (EVENT_BYTES + DETECTOR_BYTES) * t.nodes() * (double) t.nodes();
        }
        if (store.store().swim() != null) {
          // every node's rank of every member; a probe or two in flight per node
          bytes += SWIM_RANK_BYTES * t.nodes() * (double) t.nodes() + 4 * EVENT_BYTES * t.nodes();
        }
      } else if (t instanceof Tier.Static st) {
        bytes += (double) st.nodes() * st.files() * (st.fileBytes() + BLOCK_BYTES);
      }
    }
    if (s.loadBalancer().healthCheck() != null) {
      Tier entry = s.tiers().values().iterator().next();
      bytes += EVENT_BYTES * s.loadBalancer().nodes() * (double) entry.nodes();
    }
    bytes += PAIR_BYTES * partitionPairs(s, nodes);
    return bytes + (kv ? requests * HISTORY_BYTES_PER_OP : 0);
  }

  private static double ticks(double horizon, long periodNanos) {
    return horizon / periodNanos;
  }

  private static boolean hasStore(Scenario s) {
    for (Tier t : s.tiers().values()) {
      if (t instanceof Tier.Kv) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether faults can swallow a request for good (so that, without a timeout, the drain lasts a
   * whole duration): crashes, partitions and isolations in the schedule, random crashes and
   * isolations, lossy degradations and damaged messages. Slow nodes, disk damage, clock faults
   * and random splits of a tier (which the client's path through the balancer does not cross)
   * only delay or fail requests.
   */
  private static boolean losesRequests(Scenario s) {
    FaultPlan f = s.faults();
    if (f.randomCrash() != null) {
      return true;
    }
    for (FaultPlan.Scheduled x : f.schedule()) {
      if (loses(x.fault())) {
        return true;
      }
    }
    for (FaultPlan.RandomFault r : f.random()) {
      Fault nemesis = r.fault().forNemesis();
      if (nemesis instanceof Fault.Split ? false : loses(nemesis)) {
        return true;
      }
    }
    return false;
  }

  private static boolean loses(Fault f) {
    return f instanceof Fault.Crash || f instanceof Fault.Partition
        || f instanceof Fault.Isolate
        || f instanceof Fault.Degrade d && d.extraLoss() > 0
        || f instanceof Fault.Corrupt c && c.messages() > 0;
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

  /** "3.1 GiB", "120 MiB" (at least 1 MiB). */
  public static String size(double b) {
    if (b >= 1L << 30) {
      return String.format(java.util.Locale.ROOT, "%.1f GiB", b / (1L << 30));
    }
    return String.format(java.util.Locale.ROOT, "%.0f MiB", Math.max(1, b / (1L << 20)));
  }

  /** "2.5 h", "40 min", "12 s" (at least 1 s). */
  public static String time(double seconds) {
    if (seconds >= 3600) {
      return String.format(java.util.Locale.ROOT, "%.1f h", seconds / 3600);
    }
    if (seconds >= 60) {
      return String.format(java.util.Locale.ROOT, "%.0f min", seconds / 60);
    }
    return String.format(java.util.Locale.ROOT, "%.0f s", Math.max(1, seconds));
  }
}
