package dev.dsim.run;

import dev.dsim.engine.Simulation;
import dev.dsim.fault.FaultRecord;
import dev.dsim.metrics.LatencyRecorder;
import dev.dsim.metrics.RequestMetrics;
import dev.dsim.scenario.CompiledSystem;
import dev.dsim.scenario.Scenario;
import dev.dsim.scenario.ScenarioCompiler;
import dev.dsim.world.Disk;
import dev.dsim.world.Network;
import dev.dsim.world.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs one scenario with one seed.
 *
 * <p>Phases: clients issue requests from time 0 until the scenario's duration; only requests
 * issued after the warm-up are measured. Then the run drains: it goes on until every issued
 * request has an outcome (replied or timed out), bounded by the client timeout, or, with no
 * timeout, by one more duration; what is still unanswered then counts as failed. The result is a
 * pure function of (scenario, seed): nothing from the wall clock reaches the simulation.
 */
public final class Runner {
  private Runner() {}

  /** Runs {@code scenario} with {@code seed}. */
  public static CompletedRun run(Scenario scenario, long seed, RunOptions options) {
    Objects.requireNonNull(scenario, "scenario");
    long wallStart = System.nanoTime();
    Simulation sim = new Simulation(seed);
    sim.setMaxEvents(options.maxEvents());
    CompiledSystem system = ScenarioCompiler.compile(scenario, sim, sim::stop);
    if (options.trace() != null) {
      sim.setTraceListener(options.trace().apply(system.world()));
    }
    system.world().start();

    long end = scenario.durationNanos();
    sim.runUntil(end);
    if (system.requestsInFlight() > 0) {
      long timeout = scenario.clients().timeoutNanos();
      long drainBound = timeout > 0 ? timeout + 1 : end;
      sim.runUntil(end + drainBound);
    }
    system.finishClients(sim.now());
    RunResult result = summarise(scenario, seed, sim, system);
    return new CompletedRun(result, System.nanoTime() - wallStart);
  }

  private static RunResult summarise(Scenario scenario, long seed, Simulation sim,
      CompiledSystem system) {
    RequestMetrics m = system.metrics();
    LatencyRecorder lat = m.latency();
    RunResult.LatencyMs latency = new RunResult.LatencyMs(lat.meanNanos() / 1e6,
        lat.percentileNanos(50) / 1e6, lat.percentileNanos(90) / 1e6,
        lat.percentileNanos(99) / 1e6, lat.percentileNanos(99.9) / 1e6, lat.maxNanos() / 1e6);
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
          disk(n.disk())));
    }
    Network net = system.world().network();
    RunResult.NetworkResult network = new RunResult.NetworkResult(net.messagesSent(),
        net.messagesDelivered(), net.messagesDropped(), net.messagesLost(),
        net.messagesDuplicated(), net.messagesCorrupted(), net.corruptMessagesDiscarded());
    List<RunResult.FaultRecord> faults = new ArrayList<>();
    for (FaultRecord f : system.faultLog().records()) {
      faults.add(new RunResult.FaultRecord(f.kind(), f.targets(), f.atNanos() / 1e9,
          f.healedAtNanos() < 0 ? null : f.healedAtNanos() / 1e9, f.source()));
    }
    String variant = scenario.variant() == null ? "base" : scenario.variant();
    return new RunResult(scenario.name(), variant, seed, sim.traceHashHex(),
        new RunResult.Simulated(simulatedSeconds, sim.eventsFired()),
        new RunResult.Requests(m.total(), m.ok(), m.failed(), m.timedOut(), m.corrupt()),
        m.availability(), m.throughputPerSecond(), latency,
        new RunResult.Cost(perHour, perHour * simulatedSeconds / 3600), network, faults, nodes);
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
