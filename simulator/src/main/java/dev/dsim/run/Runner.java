package dev.dsim.run;

import dev.dsim.check.ConsistencyChecker;
import dev.dsim.check.ConsistencyReport;
import dev.dsim.check.Violation;
import dev.dsim.check.linearizability.Budget;
import dev.dsim.check.linearizability.KvHistory;
import dev.dsim.check.linearizability.Verdict;
import dev.dsim.engine.Simulation;
import dev.dsim.fault.FaultRecord;
import dev.dsim.fault.Swarm;
import dev.dsim.metrics.DetectionStats;
import dev.dsim.metrics.History;
import dev.dsim.metrics.LatencyRecorder;
import dev.dsim.metrics.RequestMetrics;
import dev.dsim.run.theory.ScenarioTheory;
import dev.dsim.scenario.CompiledSystem;
import dev.dsim.scenario.Scenario;
import dev.dsim.scenario.ScenarioCompiler;
import dev.dsim.scenario.Tier;
import dev.dsim.service.Client;
import dev.dsim.service.HealthCheck;
import dev.dsim.service.RetryPolicy;
import dev.dsim.service.kv.KvStats;
import dev.dsim.service.kv.KvTier;
import dev.dsim.world.Disk;
import dev.dsim.world.Network;
import dev.dsim.world.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs one scenario with one seed.
 *
 * <p>Phases: clients issue requests from time 0 until the scenario's duration; only requests
 * issued after the warm-up are measured. Then the run drains: it goes on until every issued
 * request has an outcome (replied, failed or timed out after its retries), bounded by the
 * clients' worst case, or, with no timeout, by one more duration; what is still unanswered then
 * counts as failed. A system with a key-value tier then has a final quiet period: every fault
 * heals, the replicas get time to catch up, and every key written is read back for the
 * consistency checkers. The result is a
 * pure function of (scenario, seed): nothing from the wall clock reaches the simulation.
 */
public final class Runner {
  private Runner() {}

  /** Read-backs in flight at once during the final quiet period. */
  static final int READ_BACK_CONCURRENCY = 32;

  /** Runs {@code scenario} with {@code seed}. */
  public static CompletedRun run(Scenario scenario, long seed, RunOptions options) {
    Objects.requireNonNull(scenario, "scenario");
    long wallStart = System.nanoTime();
    Simulation sim = new Simulation(seed);
    sim.setMaxEvents(options.maxEvents());
    sim.setAbortSignal(options.abort());
    // Clients report "drained" when they have stopped and nothing is open: that ends the drain
    // after the window, but not the quiet period's fixed settling time.
    boolean[] stopWhenDrained = {true};
    CompiledSystem system = ScenarioCompiler.compile(scenario, sim, () -> {
      if (stopWhenDrained[0]) {
        sim.stop();
      }
    });
    if (options.trace() != null) {
      sim.setTraceListener(options.trace().apply(system.world()));
    }
    system.world().start();

    long end = scenario.durationNanos();
    sim.runUntil(end);
    long worst = scenario.clients().retry().worstCaseNanos();
    if (system.history() == null) {
      if (system.requestsInFlight() > 0) {
        sim.runUntil(end + (worst == Long.MAX_VALUE ? end : worst + 1));
      }
    } else {
      quietPeriod(scenario, sim, system, worst == Long.MAX_VALUE ? end : worst + 1,
          stopWhenDrained);
    }
    system.finishClients(sim.now());
    RunResult result = summarise(scenario, seed, sim, system);
    return new CompletedRun(result, System.nanoTime() - wallStart);
  }

  /**
   * The end of a run over a data store: every fault heals and none strikes again; the workload's
   * last operations finish; the replicas get time to catch up; then every key that was ever
   * written is read back from all its replicas, for the lost-writes checker.
   */
  private static void quietPeriod(Scenario scenario, Simulation sim, CompiledSystem system,
      long drainBound, boolean[] stopWhenDrained) {
    system.faults().healAll();
    if (system.requestsInFlight() > 0) {
      sim.runUntil(sim.now() + drainBound);
    }
    system.finishClients(sim.now());
    stopWhenDrained[0] = false;
    sim.runUntil(sim.now() + settleNanos(scenario));
    int[] keys = writtenKeys(system.history());
    Client client = system.clients().get(0).get();
    RetryPolicy policy = readBackPolicy(scenario);
    client.readBack(keys, READ_BACK_CONCURRENCY, policy, sim::stop);
    long rounds = (keys.length + READ_BACK_CONCURRENCY - 1) / READ_BACK_CONCURRENCY;
    sim.runUntil(sim.now() + Math.max(1, rounds) * policy.worstCaseNanos() + 1);
  }

  /**
   * How long the store gets after the faults heal before it is read back: long enough for every
   * failure detector to notice that its peers are back (and start catching them up), and for
   * restarted replicas to reload their disks.
   */
  static long settleNanos(Scenario scenario) {
    long settle = 2_000_000_000L;
    HealthCheck lb = scenario.loadBalancer().healthCheck();
    if (lb != null) {
      settle = Math.max(settle, lb.timeoutNanos() + 2 * lb.intervalNanos());
    }
    for (Tier t : scenario.tiers().values()) {
      if (t instanceof Tier.Kv kv && kv.store().heartbeat() != null) {
        HealthCheck h = kv.store().heartbeat();
        settle = Math.max(settle, h.timeoutNanos() + 2 * h.intervalNanos());
      }
      if (t instanceof Tier.Kv kv && kv.store().swim() != null) {
        // A returning node is trusted once its refutation has spread.
        settle = Math.max(settle, kv.store().swim().detectionWindowNanos(kv.nodes())
            + 2 * kv.store().swim().periodNanos());
      }
    }
    return settle;
  }

  /** Patient reads: a few retries, each allowed longer than any replica timeout. */
  private static RetryPolicy readBackPolicy(Scenario scenario) {
    long timeout = Math.max(1_000_000_000L, scenario.clients().timeoutNanos());
    for (Tier t : scenario.tiers().values()) {
      if (t instanceof Tier.Kv kv) {
        timeout = Math.max(timeout, 2 * kv.store().timeoutNanos());
      }
    }
    return new RetryPolicy(timeout, 3, 100_000_000L, 1_000_000_000L, RetryPolicy.Jitter.NONE, 0);
  }

  /** Every key some workload operation wrote (or tried to), ascending. */
  static int[] writtenKeys(History h) {
    java.util.BitSet written = new java.util.BitSet();
    for (int i = 0; i < h.size(); i++) {
      if (h.kind(i) == History.Kind.WRITE) {
        written.set(h.key(i));
      }
    }
    return written.stream().toArray();
  }

  private static RunResult summarise(Scenario scenario, long seed, Simulation sim,
      CompiledSystem system) {
    RequestMetrics m = system.metrics();
    LatencyRecorder lat = m.latency();
    List<RunResult.Percentile> distribution = new ArrayList<>();
    if (lat.count() > 0) {
      for (double p : LatencyRecorder.DISTRIBUTION_PERCENTILES) {
        distribution.add(new RunResult.Percentile(p, p == 100 ? lat.maxNanos() / 1e6
            : lat.percentileNanos(p) / 1e6));
      }
    }
    RunResult.LatencyMs latency = new RunResult.LatencyMs(lat.meanNanos() / 1e6,
        lat.percentileNanos(50) / 1e6, lat.percentileNanos(90) / 1e6,
        lat.percentileNanos(99) / 1e6, lat.percentileNanos(99.9) / 1e6, lat.maxNanos() / 1e6,
        distribution);
    double simulatedSeconds = sim.now() / 1e9;
    List<RunResult.NodeResult> nodes = new ArrayList<>();
    double perHour = 0;
    for (Node n : system.world().nodes()) {
      double capacity = n.cpu().cores() * (double) sim.now();
      double uptime = sim.now() == 0 ? 1.0 : n.upNanos() / (double) sim.now();
      perHour += n.config().pricePerHour();
      nodes.add(new RunResult.NodeResult(n.name(), system.tierOf(n), n.cpu().cores(),
          n.cpu().speed(), n.config().pricePerHour(), uptime, n.crashes(),
          n.cpu().completedJobs(), capacity == 0 ? 0 : n.cpu().busyNanos() / capacity,
          disk(n.disk()), store(system, n)));
    }
    Network net = system.world().network();
    RunResult.NetworkResult network = new RunResult.NetworkResult(net.messagesSent(),
        net.messagesDelivered(), net.messagesDropped(), net.messagesLost(),
        net.messagesDuplicated(), net.messagesCorrupted(), net.corruptMessagesDiscarded());
    List<RunResult.FaultRecord> faults = new ArrayList<>();
    for (FaultRecord f : system.faultLog().records()) {
      faults.add(new RunResult.FaultRecord(f.kind(), f.targets(), f.atNanos() / 1e9,
          f.healedAtNanos() < 0 ? null : f.healedAtNanos() / 1e9, f.source(), f.asScheduled()));
    }
    String variant = scenario.variant() == null ? "base" : scenario.variant();
    RunResult result = new RunResult(scenario.name(), variant, seed, sim.traceHashHex(),
        new RunResult.Simulated(simulatedSeconds, sim.eventsFired()),
        new RunResult.Requests(m.total(), m.ok(), m.failed(), m.timedOut(), m.corrupt(),
            m.retries(), m.hedges(), m.firstFailureOutcome() == null ? null
                : new RunResult.RequestSpan(m.firstFailureIssuedNanos() / 1e9,
                    m.firstFailureEndedNanos() / 1e9, m.firstFailureOutcome()
                        == dev.dsim.metrics.Outcome.TIMED_OUT ? "timedOut" : "failed"),
            m.slowestNanos() < 0 ? null : new RunResult.RequestSpan(
                m.slowestIssuedNanos() / 1e9, (m.slowestIssuedNanos() + m.slowestNanos()) / 1e9,
                "ok")),
        m.availability(), m.throughputPerSecond(), latency,
        new RunResult.Cost(perHour, perHour * simulatedSeconds / 3600,
            scenario.pricing().currency()), network,
        new RunResult.Timeline(m.bucketNanos() / 1e9, m.windowStartNanos() / 1e9,
            m.bucketTotal(), m.bucketOk(), m.bucketLatencyMs(50), m.bucketLatencyMs(99)),
        detection(scenario, system), consistency(system), faults, swarm(system), nodes,
        List.of(), ScenarioTheory.of(scenario));
    return result.withExpectations(Expectations.evaluate(scenario.expect(), result));
  }

  /** The random kinds swarm testing enabled and disabled, or null without it. */
  private static RunResult.Swarm swarm(CompiledSystem system) {
    Swarm.Draw draw = system.faultLog().swarm();
    return draw == null ? null : new RunResult.Swarm(draw.enabled(), draw.disabled());
  }

  private static RunResult.Detection detection(Scenario scenario, CompiledSystem system) {
    boolean detectors = false;
    for (Tier t : scenario.tiers().values()) {
      detectors |= t instanceof Tier.Kv kv && kv.store().detectsFailures();
    }
    return new RunResult.Detection(
        scenario.loadBalancer().healthCheck() == null ? null : detector(system.lbDetection()),
        detectors ? detector(system.replicaDetection()) : null);
  }

  private static RunResult.Detector detector(DetectionStats d) {
    return new RunResult.Detector(d.detections(), d.meanDelayNanos() / 1e6,
        d.maxDelayNanos() / 1e6, d.falseSuspicions());
  }

  /** The key-value counters of a node of a kv tier, by name; null for other nodes. */
  private static Map<String, Long> store(CompiledSystem system, Node n) {
    KvTier tier = system.stores().get(system.tierOf(n));
    if (tier == null) {
      return null;
    }
    int index = tier.config().nodes().indexOf(n.name());
    Map<String, Long> counters = new LinkedHashMap<>();
    for (KvStats.Counter c : KvStats.Counter.values()) {
      counters.put(c.jsonName(), tier.stats().get(c, index));
    }
    return counters;
  }

  /** Examples of each kind of violation kept in results.json. */
  static final int EXAMPLES = 3;

  private static RunResult.Consistency consistency(CompiledSystem system) {
    if (system.history() == null) {
      return null;
    }
    ConsistencyReport c = ConsistencyChecker.check(system.history(), EXAMPLES);
    List<RunResult.Example> examples = new ArrayList<>();
    for (List<Violation> kind : List.of(c.lostWriteExamples(), c.staleReadExamples(),
        c.corruptReadExamples())) {
      for (Violation v : kind) {
        List<RunResult.Operation> ops = new ArrayList<>();
        for (History.Operation o : v.operations()) {
          ops.add(operation(o));
        }
        examples.add(new RunResult.Example(v.kind().jsonName(), v.explanation(), ops));
      }
    }
    return new RunResult.Consistency(c.lostWrites(), c.vanishedWrites(),
        c.lostWritesCorrupt(), c.staleReads(), c.corruptReads(),
        c.unverifiedKeys(), c.readsChecked(), c.writesAcknowledged(), c.keysVerified(),
        examples, linearizability(system.history()));
  }

  /** An operation of the history as results.json shows it. */
  private static RunResult.Operation operation(History.Operation o) {
    return new RunResult.Operation((o.phase() == History.Phase.FINAL ? "final-" : "")
        + o.kind().name().toLowerCase(java.util.Locale.ROOT), o.key(),
        Long.toHexString(o.value()), o.invokedAtNanos() / 1e9,
        o.completedAtNanos() == History.NEVER ? null : o.completedAtNanos() / 1e9,
        o.outcome().name().toLowerCase(java.util.Locale.ROOT));
  }

  /** The linearizability checker's verdict on the workload's history, for results.json. */
  static RunResult.Linearizability linearizability(History history) {
    Verdict v = KvHistory.check(history, Budget.DEFAULT);
    if (v instanceof Verdict.Violation bad) {
      List<RunResult.Operation> core = new ArrayList<>();
      for (int id : bad.coreIds()) {
        core.add(operation(history.get(id))); // ids are positions in the history
      }
      return new RunResult.Linearizability(v.word(), bad.key(), bad.core(), bad.explanation(),
          bad.violatingKeys(), 0, bad.fromNanos() / 1e9, bad.toNanos() / 1e9, core);
    }
    if (v instanceof Verdict.Unknown u) {
      return new RunResult.Linearizability(v.word(), u.key(), List.of(), "key " + u.key()
          + " could not be decided: " + u.reason(), 0, u.unknownKeys(), Double.NaN, Double.NaN,
          List.of());
    }
    return new RunResult.Linearizability(v.word(), null, List.of(), "", 0, 0, Double.NaN,
        Double.NaN, List.of());
  }

  private static RunResult.DiskResult disk(Disk d) {
    if (d.reads() + d.writes() + d.fsyncs() + d.fullErrors() == 0) {
      return null;
    }
    return new RunResult.DiskResult(d.reads(), d.writes(), d.fsyncs(), d.corruptReadsDetected(),
        d.corruptReadsReturned(), d.ioErrors(), d.fullErrors(), d.writesLostOnCrash(),
        d.tornWrites(), d.usedBytes());
  }
}
