package dev.dsim.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsim.run.RunResult;
import dev.dsim.run.TheoryChecks;
import dev.dsim.run.theory.Inapplicable;
import dev.dsim.run.theory.Prediction;
import dev.dsim.run.theory.Theory;
import dev.dsim.run.theory.TierLoad;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code results.json}: the contract of DESIGN.md ("results.json"), field by field in a fixed
 * order. Built by hand rather than by reflection so that the names and the order are the
 * contract, not an accident of the record's layout.
 */
public final class ResultsJson {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  private ResultsJson() {}

  /** The JSON text, with a final newline. */
  public static String toJson(RunResult r) {
    try {
      return MAPPER.writeValueAsString(toTree(r)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise results", e);
    }
  }

  /** Writes {@code results.json} atomically. */
  public static void write(Path file, RunResult r) throws IOException {
    AtomicFiles.writeString(file, toJson(r));
  }

  static ObjectNode toTree(RunResult r) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("scenario", r.scenario());
    root.put("variant", r.variant());
    root.put("seed", r.seed());
    root.put("traceHash", r.traceHash());
    ObjectNode sim = root.putObject("simulated");
    sim.put("seconds", Numbers.fixed(r.simulated().seconds(), 9));
    sim.put("events", r.simulated().events());
    ObjectNode req = root.putObject("requests");
    req.put("total", r.requests().total());
    req.put("ok", r.requests().ok());
    req.put("failed", r.requests().failed());
    req.put("timedOut", r.requests().timedOut());
    req.put("corrupt", r.requests().corrupt());
    req.put("retries", r.requests().retries());
    req.put("hedges", r.requests().hedges());
    span(req, "firstFailure", r.requests().firstFailure());
    span(req, "slowest", r.requests().slowest());
    root.put("availability", Numbers.significant(r.availability(), 9));
    root.put("throughput", Numbers.fixed(r.throughputPerSecond(), 3));
    ObjectNode lat = root.putObject("latencyMs");
    RunResult.LatencyMs l = r.latencyMs();
    lat.put("mean", Numbers.fixed(l.mean(), 6));
    lat.put("p50", Numbers.fixed(l.p50(), 6));
    lat.put("p90", Numbers.fixed(l.p90(), 6));
    lat.put("p99", Numbers.fixed(l.p99(), 6));
    lat.put("p999", Numbers.fixed(l.p999(), 6));
    lat.put("max", Numbers.fixed(l.max(), 6));
    ArrayNode dist = lat.putArray("distribution");
    for (RunResult.Percentile p : l.distribution()) {
      ObjectNode point = dist.addObject();
      point.put("percentile", Numbers.significant(p.percentile(), 9));
      point.put("ms", Numbers.fixed(p.ms(), 6));
    }
    ObjectNode cost = root.putObject("cost");
    cost.put("perHour", Numbers.fixed(r.cost().perHour(), 6));
    cost.put("total", Numbers.fixed(r.cost().total(), 6));
    cost.put("currency", r.cost().currency());
    ObjectNode net = root.putObject("network");
    RunResult.NetworkResult n0 = r.network();
    net.put("sent", n0.sent());
    net.put("delivered", n0.delivered());
    net.put("dropped", n0.dropped());
    net.put("lost", n0.lost());
    net.put("duplicated", n0.duplicated());
    net.put("corrupted", n0.corrupted());
    net.put("corruptDiscarded", n0.corruptDiscarded());
    consistency(root, r.consistency());
    detection(root, r.detection());
    timeline(root, r.timeline());
    ArrayNode faults = root.putArray("faults");
    for (RunResult.FaultRecord f : r.faults()) {
      ObjectNode o = faults.addObject();
      o.put("kind", f.kind());
      o.put("targets", f.targets());
      o.put("atSeconds", Numbers.fixed(f.atSeconds(), 9));
      if (f.healedAtSeconds() != null) {
        o.put("healedAtSeconds", Numbers.fixed(f.healedAtSeconds(), 9));
      }
      o.put("source", f.source());
    }
    if (r.swarm() != null) {
      ObjectNode swarm = root.putObject("swarm");
      ArrayNode enabled = swarm.putArray("enabled");
      r.swarm().enabled().forEach(enabled::add);
      ArrayNode disabled = swarm.putArray("disabled");
      r.swarm().disabled().forEach(disabled::add);
    }
    ArrayNode nodes = root.putArray("nodes");
    for (RunResult.NodeResult n : r.nodes()) {
      ObjectNode o = nodes.addObject();
      o.put("name", n.name());
      o.put("tier", n.tier());
      o.put("cores", n.cores());
      o.put("speed", Numbers.significant(n.speed(), 9));
      o.put("pricePerHour", Numbers.fixed(n.pricePerHour(), 6));
      o.put("uptime", Numbers.fixed(n.uptime(), 9));
      o.put("crashes", n.crashes());
      o.put("jobs", n.jobs());
      o.put("utilisation", Numbers.fixed(n.utilisation(), 6));
      RunResult.DiskResult d = n.disk();
      if (d != null) {
        ObjectNode disk = o.putObject("disk");
        disk.put("reads", d.reads());
        disk.put("writes", d.writes());
        disk.put("fsyncs", d.fsyncs());
        disk.put("corruptDetected", d.corruptDetected());
        disk.put("corruptReturned", d.corruptReturned());
        disk.put("ioErrors", d.ioErrors());
        disk.put("fullErrors", d.fullErrors());
        disk.put("writesLostOnCrash", d.writesLostOnCrash());
        disk.put("tornWrites", d.tornWrites());
        disk.put("usedBytes", d.usedBytes());
      }
      if (n.store() != null) {
        ObjectNode store = o.putObject("store");
        n.store().forEach(store::put);
      }
    }
    ArrayNode expectations = root.putArray("expectations");
    for (RunResult.ExpectationResult e : r.expectations()) {
      ObjectNode o = expectations.addObject();
      o.put("metric", e.metric());
      o.put("condition", e.condition());
      if (e.actual() == null) {
        o.putNull("actual");
      } else {
        o.put("actual", Numbers.significant(e.actual(), 9));
      }
      o.put("ok", e.ok());
    }
    theory(root, r);
    return root;
  }

  /**
   * The {@code theory} section: each prediction beside this run's measurement, the figures no
   * model covers (with why) and each tier's load against its capacity.
   */
  private static void theory(ObjectNode root, RunResult r) {
    Theory t = r.theory();
    ObjectNode theory = root.putObject("theory");
    ArrayNode predictions = theory.putArray("predictions");
    for (Prediction p : t.predictions()) {
      ObjectNode o = predictions.addObject();
      o.put("metric", p.metric());
      o.put("subject", p.subject());
      o.put("model", p.model());
      o.put("exact", p.exact());
      o.put("predicted", Numbers.significant(p.value(), 9));
      double m = TheoryChecks.measured(p, r);
      if (Double.isNaN(m)) {
        o.putNull("measured");
      } else {
        o.put("measured", Numbers.significant(m, 9));
        o.put("error", Numbers.significant(TheoryChecks.error(p, m), 6));
      }
      ArrayNode a = o.putArray("assumptions");
      p.assumptions().forEach(a::add);
    }
    ArrayNode gaps = theory.putArray("notPredicted");
    for (Inapplicable i : t.inapplicable()) {
      ObjectNode o = gaps.addObject();
      o.put("metric", i.metric());
      o.put("subject", i.subject());
      o.put("reason", i.reason());
    }
    ArrayNode loads = theory.putArray("capacity");
    for (TierLoad l : t.loads()) {
      ObjectNode o = loads.addObject();
      o.put("tier", l.tier());
      o.put("offeredPerSecond", Numbers.significant(l.offeredPerSecond(), 9));
      o.put("capacityPerSecond", Numbers.significant(l.capacityPerSecond(), 9));
      o.put("loadFactor", Numbers.significant(l.loadFactor(), 6));
      o.put("perRequest", l.perRequest());
    }
  }

  private static void consistency(ObjectNode root, RunResult.Consistency c) {
    if (c == null) {
      return;
    }
    ObjectNode o = root.putObject("consistency");
    o.put("lostWrites", c.lostWrites());
    o.put("vanishedWrites", c.vanishedWrites());
    o.put("lostWritesCorrupt", c.lostWritesCorrupt());
    o.put("staleReads", c.staleReads());
    o.put("corruptReads", c.corruptReads());
    o.put("unverifiedKeys", c.unverifiedKeys());
    o.put("readsChecked", c.readsChecked());
    o.put("writesAcknowledged", c.writesAcknowledged());
    o.put("keysVerified", c.keysVerified());
    RunResult.Linearizability lin = c.linearizability();
    if (lin.verdict().equals("unknown")) {
      o.put("linearizable", "unknown");
    } else {
      o.put("linearizable", lin.verdict().equals("true"));
    }
    if (!lin.verdict().equals("true")) {
      ObjectNode l = o.putObject("linearizability");
      l.put("key", lin.key());
      l.put("violatingKeys", lin.violatingKeys());
      l.put("unknownKeys", lin.unknownKeys());
      ArrayNode core = l.putArray("operations");
      lin.operations().forEach(core::add);
      l.put("explanation", lin.explanation());
      if (!Double.isNaN(lin.fromSeconds())) {
        l.put("fromSeconds", Numbers.fixed(lin.fromSeconds(), 9));
        l.put("toSeconds", Numbers.fixed(lin.toSeconds(), 9));
      }
      operations(l.putArray("core"), lin.core());
    }
    ArrayNode examples = o.putArray("examples");
    for (RunResult.Example e : c.examples()) {
      ObjectNode x = examples.addObject();
      x.put("kind", e.kind());
      x.put("explanation", e.explanation());
      operations(x.putArray("operations"), e.operations());
    }
  }

  private static void operations(ArrayNode ops, List<RunResult.Operation> list) {
    for (RunResult.Operation op : list) {
      ObjectNode y = ops.addObject();
      y.put("op", op.op());
      y.put("key", op.key());
      y.put("value", op.value());
      y.put("invokedAtSeconds", Numbers.fixed(op.invokedAtSeconds(), 9));
      if (op.completedAtSeconds() != null) {
        y.put("completedAtSeconds", Numbers.fixed(op.completedAtSeconds(), 9));
      }
      y.put("outcome", op.outcome());
    }
  }

  private static void detection(ObjectNode root, RunResult.Detection d) {
    if (d.loadBalancer() == null && d.replicas() == null) {
      return;
    }
    ObjectNode o = root.putObject("detection");
    detector(o, "loadBalancer", d.loadBalancer());
    detector(o, "replicas", d.replicas());
  }

  private static void detector(ObjectNode parent, String name, RunResult.Detector d) {
    if (d == null) {
      return;
    }
    ObjectNode o = parent.putObject(name);
    o.put("detections", d.detections());
    o.put("meanDelayMs", Numbers.fixed(d.meanDelayMs(), 6));
    o.put("maxDelayMs", Numbers.fixed(d.maxDelayMs(), 6));
    o.put("falseSuspicions", d.falseSuspicions());
  }

  /** One request's span, when there is one: its issue and end times and its outcome. */
  private static void span(ObjectNode parent, String key, RunResult.RequestSpan span) {
    if (span != null) {
      ObjectNode f = parent.putObject(key);
      f.put("issuedAtSeconds", Numbers.fixed(span.issuedAtSeconds(), 9));
      f.put("endedAtSeconds", Numbers.fixed(span.endedAtSeconds(), 9));
      f.put("outcome", span.outcome());
    }
  }

  /** Per bucket of the window: start time, requests, availability and throughput. */
  private static void timeline(ObjectNode root, RunResult.Timeline t) {
    ObjectNode o = root.putObject("timeline");
    o.put("bucketSeconds", Numbers.significant(t.bucketSeconds(), 9));
    ArrayNode at = o.putArray("atSeconds");
    ArrayNode total = o.putArray("requests");
    ArrayNode availability = o.putArray("availability");
    ArrayNode throughput = o.putArray("throughput");
    ArrayNode p50 = o.putArray("latencyMsP50");
    ArrayNode p99 = o.putArray("latencyMsP99");
    for (int i = 0; i < t.total().length; i++) {
      at.add(Numbers.fixed(t.startSeconds() + i * t.bucketSeconds(), 9));
      total.add(t.total()[i]);
      availability.add(Numbers.significant(t.total()[i] == 0 ? 1.0
          : t.ok()[i] / (double) t.total()[i], 6));
      throughput.add(Numbers.fixed(t.ok()[i] / t.bucketSeconds(), 3));
      // null where no request of the bucket succeeded: there is no latency to show.
      if (Double.isNaN(t.p50Ms()[i])) {
        p50.addNull();
        p99.addNull();
      } else {
        p50.add(Numbers.significant(t.p50Ms()[i], 6));
        p99.add(Numbers.significant(t.p99Ms()[i], 6));
      }
    }
  }
}
