package dev.dsim.run.theory;

import dev.dsim.engine.Distribution;
import dev.dsim.fault.FaultPlan;
import dev.dsim.fault.Target;
import dev.dsim.scenario.Hardware;
import dev.dsim.scenario.LbPolicy;
import dev.dsim.scenario.NetworkSpec;
import dev.dsim.scenario.Scenario;
import dev.dsim.scenario.Tier;
import dev.dsim.service.ArrivalProcess;
import dev.dsim.service.Load;
import dev.dsim.service.RetryPolicy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What closed-form theory predicts for a scenario, and where it has nothing to say.
 *
 * <p>The request path it models is the simulator's: the client sends to a load balancer, the
 * balancer to a node of the entry tier (four network hops there and back, the balancer doing
 * no work), and a stateless node that calls the next tier adds two hops and that tier's time
 * per call. Each node of a tier is a queue of {@code cores} servers of speed {@code speed}
 * (service time = work / speed). Every model is applied only after its assumptions are
 * checked on the scenario; a figure whose assumptions fail gets an {@link Inapplicable} with
 * the reason instead of a number.
 *
 * <p>Models: M/M/c (Erlang C, mean and percentiles), M/G/1 (Pollaczek-Khinchine) and M/D/1,
 * a random split into per-node queues, round-robin as E_k/M/1, the contended node as a
 * birth-death chain (Universal Scalability Law), tandem tiers (Jackson), closed loops by mean
 * value analysis, the saturation rate per tier, loss with retries over the hops of a request,
 * renewal and k-of-n availability under the random-crash nemesis.
 */
public final class ScenarioTheory {
  /** Requests cross four hops: client → balancer → node → balancer → client. */
  static final int HOPS = 4;
  /**
   * A client timeout this many predicted means away is out of reach: an exponential tail there
   * is e^-20, and no shipped workload comes near. Closer than that, timed-out requests leave
   * the measured latency and theory describes requests that no longer count.
   */
  static final double TIMEOUT_REACH = 20;

  /** Why the contended node's chain is an approximation of the simulator's CPU. */
  static final String CONTENDED = "approximation: the chain re-rates running jobs as cores"
      + " come and go; the simulator fixes each job's stretch when it starts (exact at"
      + " saturation and at light load)";

  private ScenarioTheory() {}

  /** The theory of {@code s} (one variant, resolved). */
  public static Theory of(Scenario s) {
    return new Analysis(s).run();
  }

  /** One scenario's analysis: accumulates predictions, gaps and loads. */
  private static final class Analysis {
    private final Scenario s;
    private final List<Prediction> predictions = new ArrayList<>();
    private final List<Inapplicable> inapplicable = new ArrayList<>();
    private final List<TierLoad> loads = new ArrayList<>();
    /** The tiers a request crosses, the entry tier first. */
    private final List<Tier> path = new ArrayList<>();

    Analysis(Scenario s) {
      this.s = s;
      Tier t = s.tiers().values().iterator().next();
      while (t != null && !path.contains(t)) {
        path.add(t);
        t = t instanceof Tier.Stateless st && st.calls() != null
            ? s.tiers().get(st.calls().tier()) : null;
      }
    }

    Theory run() {
      Load load = s.clients().load();
      if (load instanceof Load.Open open) {
        open(open);
      } else {
        closed((Load.Closed) load);
      }
      uptime();
      // A figure a later model covered (random crashes after "faults strike") is predicted.
      inapplicable.removeIf(i -> predictions.stream().anyMatch(p ->
          p.metric().equals(i.metric()) && p.subject().equals(i.subject())));
      return new Theory(predictions, inapplicable, loads, s.durationNanos() / 1e9);
    }

    // ------------------------------------------------------------------ open loop

    private void open(Load.Open open) {
      if (open.rate().isIdle()) {
        gap("throughput", "no client requests (rate 0): nothing to predict");
        return;
      }
      double lambda = open.rate().maxRate();
      double[] offered = offered(lambda);
      List<String> why = new ArrayList<>();
      if (!open.rate().isConstant()) {
        why.add("the rate changes during the run (a schedule of rates): no steady state; the"
            + " capacities use its highest rate, " + Format.number(lambda) + "/s");
      }
      if (open.arrival() != ArrivalProcess.POISSON) {
        why.add("arrivals are evenly spaced, not Poisson: the queues are D/G/c, which have no"
            + " closed form here");
      }
      for (Tier t : s.tiers().values()) {
        if (!path.contains(t)) {
          why.add("tier \"" + t.name() + "\" is called by no request path the models follow");
        }
      }
      boolean overloaded = false;
      for (TierLoad l : loads) {
        if (l.overloaded()) {
          overloaded = true;
          why.add("offered load " + Format.number(l.loadFactor()) + "x tier \"" + l.tier()
              + "\"'s capacity (" + Format.number(l.offeredPerSecond()) + "/s against "
              + Format.number(l.capacityPerSecond()) + "/s): no steady state");
        }
      }
      String faults = faultsInWindow();
      String network = networkBeyondLatency();
      boolean lossOnly = faults == null && network != null && lossOnly();
      RetryPolicy retry = s.clients().retry();

      // Availability and throughput: no faults and no loss, or loss alone (with retries).
      if (overloaded) {
        gapAll(List.of("availability", "throughput"), why);
      } else if (faults == null && network == null) {
        List<String> a = new ArrayList<>(List.of("no faults in the run",
            "no message loss, duplication or corruption"));
        predictions.add(new Prediction("availability", "end to end", List.of(),
            "no failures", a, 1.0, true));
        predictions.add(new Prediction("throughput", "end to end", List.of(),
            "open loop: what is offered is done", a, open.rate().isConstant() ? lambda : rate(),
            true));
      } else if (lossOnly && path.size() == 1) {
        double p = s.network().loss();
        double attempt = Reliability.delivered(p, HOPS);
        double ok = Reliability.successWithRetries(attempt, retry.retries());
        List<String> a = List.of("each message lost independently with probability "
            + Format.number(p), "a request crosses " + HOPS + " hops: client, balancer, "
            + path.get(0).name() + " and back", "a lost attempt times out and, with "
            + retry.retries() + " client retries, is sent again");
        String model = "loss with retries: 1 - (1 - (1-p)^" + HOPS + ")^" + (retry.retries() + 1);
        predictions.add(new Prediction("availability", "end to end", List.of(), model, a, ok,
            true));
        predictions.add(new Prediction("throughput", "end to end", List.of(), model, a,
            lambda * ok, true));
      } else {
        String reason = faults != null ? faults : network;
        if (lossOnly) {
          reason = "message loss over " + path.size() + " tiers with calls: each call's"
              + " timeout and retries make the loss model depend on the tiers' own retries";
        }
        gapAll(List.of("availability", "throughput"), List.of(reason));
      }
      crashAvailability(lambda);

      // Latency and utilisation: a steady state without faults.
      if (faults != null) {
        why.add(faults);
      }
      if (network != null && !(lossOnly && retry.retries() == 0 && path.size() == 1)) {
        why.add(network);
      }
      if (!why.isEmpty()) {
        gapAll(List.of("latencyMs.mean", "utilisation"), why);
        return;
      }
      double hopShare = lossOnly ? Reliability.delivered(s.network().loss(), 2) : 1;
      latency(lambda * hopShare, offered, lossOnly);
    }

    /** The client rate when it is constant (only called then). */
    private double rate() {
      return ((Load.Open) s.clients().load()).rate().maxRate();
    }

    /**
     * Requests per second offered to each tier on the path (and records its load), given
     * {@code lambda} at the entry tier: each request calls the next tier once.
     */
    private double[] offered(double lambda) {
      double[] out = new double[path.size()];
      for (int i = 0; i < path.size(); i++) {
        Tier t = path.get(i);
        out[i] = lambda;
        TierLoad l = load(t, lambda);
        if (l != null) {
          loads.add(l);
        }
      }
      return out;
    }

    /** The tier's saturation rate for {@code lambda} requests per second; null without CPU work. */
    private TierLoad load(Tier t, double lambda) {
      Hardware h = t.hardware();
      if (!(t instanceof Tier.UserProcess) && !(Moments.mean(work(t)) > 0)) {
        return null; // no CPU work: nothing saturates
      }
      double cores = h.contention().capacity(h.cores());
      double perNode = cores * h.speed();
      if (t instanceof Tier.Stateless st) {
        double w = Moments.mean(st.workNanos()) / 1e9;
        return new TierLoad(t.name(), lambda, t.nodes() * perNode / w,
            Format.ms(w) + " of work per request on " + t.nodes() + " x " + h.cores()
            + " cores at speed " + Format.number(h.speed()) + contended(h));
      }
      if (t instanceof Tier.Static st) {
        double w = Moments.mean(st.workNanos()) / 1e9;
        return new TierLoad(t.name(), lambda, t.nodes() * perNode / w,
            Format.ms(w) + " of work per request (disk time not counted) on " + t.nodes()
            + " x " + h.cores() + " cores" + contended(h));
      }
      if (t instanceof Tier.Kv kv) {
        double w = Moments.mean(kv.workNanos()) / 1e9;
        int n = Math.min(kv.store().replication(), t.nodes());
        return new TierLoad(t.name(), lambda, t.nodes() * perNode / (w * n),
            Format.ms(w) + " of work on each of " + n + " replicas per operation (disk time"
            + " and read repair not counted) on " + t.nodes() + " x " + h.cores() + " cores"
            + contended(h));
      }
      return null; // the user's own process: its work is its own
    }

    private static Distribution work(Tier t) {
      if (t instanceof Tier.Stateless st) {
        return st.workNanos();
      }
      if (t instanceof Tier.Static st) {
        return st.workNanos();
      }
      return t instanceof Tier.Kv kv ? kv.workNanos() : null;
    }

    private static String contended(Hardware h) {
      return h.contention().isNone() ? "" : ", contention leaving "
          + Format.number(h.contention().capacity(h.cores())) + " cores' worth";
    }

    /** The latency and utilisation models of a stable path without faults. */
    private void latency(double lambda, double[] offered, boolean lossOnly) {
      Distribution hop = s.network().latencyNanos();
      double hopMean = Moments.mean(hop) / 1e9;
      double total = HOPS * hopMean;
      List<String> assumptions = new ArrayList<>();
      assumptions.add("Poisson arrivals at " + Format.number(lambda) + "/s");
      assumptions.add("no faults; no message loss on the way" + (lossOnly
          ? " (lost requests are counted out: " + Format.percent(1 - lambda / offered[0])
          + " of arrivals never reach the tier)" : ""));
      assumptions.add(HOPS + " network hops of mean " + Format.ms(hopMean) + " ("
          + Moments.describe(hop) + ")");
      for (Tier t : path) {
        if (t instanceof Tier.Stateless st) {
          utilisation(st, lambda);
        }
      }
      List<String> models = new ArrayList<>();
      boolean exact = true;
      NodeQueue only = null;
      for (int i = 0; i < path.size(); i++) {
        Tier t = path.get(i);
        if (!(t instanceof Tier.Stateless st)) {
          gapAll(List.of("latencyMs.mean", "utilisation"), List.of("tier \"" + t.name()
              + "\" is a " + t.kind().jsonName() + " tier: "
              + (t instanceof Tier.Kv ? "quorum operations fan out to replicas and disks,"
                  + " which no closed-form queue here models"
                  : t instanceof Tier.Static ? "each request also reads the disk, whose queue"
                      + " no closed-form model here covers" : "its work is its own code")));
          return;
        }
        NodeQueue q = node(st, lambda, i == 0, i == 0 ? null : path.get(i - 1));
        if (q.reason != null) {
          gapAll(List.of("latencyMs.mean"), List.of(q.reason));
          return;
        }
        total += q.meanSeconds;
        if (i > 0) {
          total += 2 * hopMean;
          assumptions.add("each call to \"" + t.name() + "\" adds 2 hops");
        }
        models.add(q.model);
        assumptions.addAll(q.assumptions);
        exact &= q.exact;
        only = path.size() == 1 ? q : null;
      }
      RetryPolicy retry = s.clients().retry();
      if (retry.timeoutNanos() > 0 && retry.timeoutNanos() / 1e9 < TIMEOUT_REACH * total) {
        gap("latencyMs.mean", "the client timeout (" + Format.ms(retry.timeoutNanos() / 1e9)
            + ") is within reach of the predicted mean (" + Format.ms(total) + "): timed-out"
            + " requests leave the measured latency, and theory counts them");
        return;
      }
      if (retry.hedgeAfterNanos() > 0) {
        gap("latencyMs.mean", "clients hedge (a second copy after "
            + Format.ms(retry.hedgeAfterNanos() / 1e9) + "): the first reply of two wins, which"
            + " no model here covers");
        return;
      }
      if (retry.timeoutNanos() > 0) {
        assumptions.add("the client timeout (" + Format.ms(retry.timeoutNanos() / 1e9)
            + ") is out of reach (over " + Format.number(TIMEOUT_REACH) + "x the mean)");
      }
      String model = String.join(" + ", models) + (path.size() > 1 ? " (tandem, Jackson)" : "")
          + " + network hops";
      predictions.add(new Prediction("latencyMs.mean", "end to end", List.of(), model,
          assumptions, total * 1e3, exact));
      percentiles(only, hop, assumptions, model);
    }

    /** Percentiles: only for one tier whose sojourn time has a closed form, over fixed hops. */
    private void percentiles(NodeQueue q, Distribution hop, List<String> assumptions,
        String model) {
      List<String> metrics = List.of("latencyMs.p50", "latencyMs.p99");
      if (q == null || q.percentile == null) {
        gapAll(metrics, List.of(q == null ? "several tiers: the percentile of a sum of queues"
            + " has no closed form" : "the percentiles of " + q.model + " have no closed form"));
        return;
      }
      if (!(hop instanceof Distribution.Constant c)) {
        gapAll(metrics, List.of("network latency is " + Moments.describe(hop)
            + ": the percentile of a queue plus random hops has no closed form (the mean does)"));
        return;
      }
      double shift = HOPS * c.value() / 1e9;
      predictions.add(new Prediction("latencyMs.p50", "end to end", List.of(), model,
          assumptions, (q.percentile.at(0.5) + shift) * 1e3, q.exact));
      predictions.add(new Prediction("latencyMs.p99", "end to end", List.of(), model,
          assumptions, (q.percentile.at(0.99) + shift) * 1e3, q.exact));
    }

    /**
     * Utilisation law: λ·E[S]/(nodes × cores), whatever the balancer and the work distribution;
     * with contending cores, the birth-death chain's figure (Poisson-fed nodes, exponential work).
     */
    private void utilisation(Tier.Stateless t, double lambda) {
      Hardware h = t.hardware();
      double service = Moments.mean(t.workNanos()) / 1e9 / h.speed();
      if (h.contention().isNone()) {
        double rho = lambda * service / (t.nodes() * h.cores());
        predictions.add(new Prediction("utilisation", t.name(), nodesOf(t),
            "utilisation law: U = λ·E[S] / (nodes × cores)", List.of("every request's work"
                + " done once (no loss after the balancer, no retries)", "E[S] = "
                + Format.ms(service) + " (work / speed)", "measured over the time clients send"
                + " (the drain after it left out)"), rho, true));
        return;
      }
      boolean poisson = t.nodes() == 1 || (path.get(0) == t
          && s.loadBalancer().policy() == LbPolicy.RANDOM);
      if (!(t.workNanos() instanceof Distribution.Exponential) || !poisson) {
        gap("utilisation", t.name(), "cores contend (USL): how long a job runs depends on how"
            + " many run at once, which is solved only for Poisson-fed nodes with exponential"
            + " work (this tier: " + Moments.describe(t.workNanos()) + " work, "
            + (poisson ? "Poisson" : "not Poisson") + " arrivals per node)");
        return;
      }
      ContendedQueue q = ContendedQueue.of(lambda / t.nodes(), 1 / service, h.cores(),
          h.contention());
      predictions.add(new Prediction("utilisation", t.name(), nodesOf(t),
          "birth-death chain of a contended node (USL)", List.of("Poisson arrivals at "
              + Format.number(lambda / t.nodes()) + "/s per node", "exponential work, E[S] = "
              + Format.ms(service), "USL alpha " + Format.number(h.contention().alpha())
              + ", beta " + Format.number(h.contention().beta()), CONTENDED), q.utilisation(),
          false));
    }

    /** One node of a tier as a queue, or the reason none applies. */
    private NodeQueue node(Tier.Stateless t, double lambda, boolean entry, Tier caller) {
      Hardware h = t.hardware();
      int n = t.nodes();
      int c = h.cores();
      Distribution work = t.workNanos();
      double es = Moments.mean(work) / 1e9 / h.speed();
      double es2 = Moments.secondMoment(work) / 1e18 / (h.speed() * h.speed());
      double mu = 1 / es;
      boolean exponential = work instanceof Distribution.Exponential;
      List<String> a = new ArrayList<>();
      a.add("tier \"" + t.name() + "\": " + n + " node" + (n == 1 ? "" : "s") + " of " + c
          + " core" + (c == 1 ? "" : "s") + ", work " + Moments.describe(work) + " with mean "
          + Format.ms(es) + " at speed " + Format.number(h.speed()));
      boolean poisson;
      boolean roundRobin = false;
      boolean exact = true;
      LbPolicy policy = s.loadBalancer().policy();
      if (n == 1) {
        poisson = true;
      } else if (entry && policy == LbPolicy.RANDOM) {
        poisson = true;
        a.add("random balancing: each node gets a Poisson 1/" + n + " of the arrivals");
      } else if (entry && policy == LbPolicy.ROUND_ROBIN && s.loadBalancer().nodes() == 1) {
        poisson = false;
        roundRobin = true;
      } else if (entry) {
        return NodeQueue.none(policy == LbPolicy.ROUND_ROBIN
            ? s.loadBalancer().nodes() + " balancers each going round-robin: their"
                + " interleaved streams have no closed form"
            : policy.jsonName() + " balancing reacts to queue lengths: no closed form; it lies"
                + " between the pooled " + pooled(n, c, lambda, mu, exponential)
                + " and the random split" + split(n, c, lambda, mu, exponential, es, es2));
      } else {
        poisson = false;
        exact = false;
        a.add("approximation (Jackson): each of the " + n + " nodes treated as Poisson-fed;"
            + " the callers' round-robin makes arrivals more regular, so it is an upper bound");
      }
      if (!poisson && !roundRobin && caller != null) {
        poisson = true; // the Jackson approximation above
      }
      if (caller != null && n == 1 && !(caller instanceof Tier.Stateless up
          && up.workNanos() instanceof Distribution.Exponential)) {
        exact = false;
        a.add("approximation: the caller's departures are Poisson only for exponential work"
            + " (Burke)");
      } else if (caller != null && n == 1) {
        a.add("the caller's departures are Poisson (Burke), so this tier is Poisson-fed");
      }
      double perNode = lambda / n;
      if (!h.contention().isNone()) {
        if (!exponential || roundRobin) {
          return NodeQueue.none("cores contend (USL) and "
              + (roundRobin ? "arrivals are round-robin" : "work is " + Moments.describe(work))
              + ": the contended node is solved only for Poisson arrivals of exponential work");
        }
        ContendedQueue q = ContendedQueue.of(perNode, mu, c, h.contention());
        a.add("cores contend (USL alpha " + Format.number(h.contention().alpha()) + ", beta "
            + Format.number(h.contention().beta()) + ")");
        a.add(CONTENDED);
        return new NodeQueue("birth-death chain (USL) per node", q.meanResponseSeconds(), null,
            q.utilisation(), false, a, null);
      }
      if (roundRobin) {
        if (c != 1 || !exponential) {
          return NodeQueue.none("round-robin makes each node's arrivals Erlang-" + n
              + ", which is solved (E_k/M/1) only for one core and exponential work; this tier"
              + " has " + c + " core" + (c == 1 ? "" : "s") + " and " + Moments.describe(work)
              + " work");
        }
        double mean = Queues.erlangArrivalsMeanResponse(n, perNode, mu);
        a.add("round-robin: each node gets every " + n + "th arrival (Erlang-" + n + " gaps)");
        return new NodeQueue("E_" + n + "/M/1 per node", mean, q -> -StrictMath.log(1 - q) * mean,
            perNode * es, exact, a, null);
      }
      if (exponential) {
        String model = c == 1 ? "M/M/1" : "M/M/" + c + " (Erlang C)";
        double mean = Queues.mmcMeanResponse(c, perNode, mu);
        return new NodeQueue(model + (n > 1 ? " per node" : ""), mean,
            q -> Queues.mmcResponsePercentile(c, perNode, mu, q), perNode * es / c, exact, a,
            null);
      }
      if (c > 1) {
        return NodeQueue.none("work is " + Moments.describe(work) + " on " + c + " cores:"
            + " M/G/c has no exact closed form (only approximations such as Allen-Cunneen)");
      }
      if (Double.isInfinite(es2)) {
        return NodeQueue.none("work is " + Moments.describe(work) + ": infinite variance,"
            + " so the Pollaczek-Khinchine formula has no mean (the queue's mean wait is"
            + " infinite)");
      }
      boolean constant = work instanceof Distribution.Constant;
      double mean = constant ? Queues.md1MeanResponse(perNode, es)
          : Queues.mg1MeanResponse(perNode, es, es2);
      a.add("E[S²] = " + Format.number(es2 * 1e6) + " ms² (squared coefficient of variation "
          + Format.number(Moments.scv(work)) + ")");
      return new NodeQueue(constant ? "M/D/1" : "M/G/1 (Pollaczek-Khinchine)", mean, null,
          perNode * es, exact, a, null);
    }

    private static String pooled(int n, int c, double lambda, double mu, boolean exponential) {
      if (!exponential || lambda >= n * c * mu) {
        return "queue of all " + n * c + " cores";
      }
      return "M/M/" + n * c + " (" + Format.ms(Queues.mmcMeanResponse(n * c, lambda, mu)) + ")";
    }

    private static String split(int n, int c, double lambda, double mu, boolean exponential,
        double es, double es2) {
      double per = lambda / n;
      if (per >= c * mu) {
        return "";
      }
      if (exponential) {
        return " (" + Format.ms(Queues.mmcMeanResponse(c, per, mu)) + " at each node)";
      }
      return c == 1 && !Double.isInfinite(es2)
          ? " (" + Format.ms(Queues.mg1MeanResponse(per, es, es2)) + " at each node)" : "";
    }

    // ---------------------------------------------------------------- closed loop

    private void closed(Load.Closed closed) {
      List<String> why = new ArrayList<>();
      String faults = faultsInWindow();
      if (faults != null) {
        why.add(faults);
      }
      String network = networkBeyondLatency();
      if (network != null) {
        why.add(network);
      }
      double[] demand = new double[path.size()];
      int[] servers = new int[path.size()];
      List<String> a = new ArrayList<>();
      double hopMean = Moments.mean(s.network().latencyNanos()) / 1e9;
      double delay = Moments.mean(closed.thinkNanos()) / 1e9 + HOPS * hopMean;
      a.add(closed.users() + " users thinking " + Format.ms(Moments.mean(closed.thinkNanos())
          / 1e9) + " on average, plus " + HOPS + " hops of " + Format.ms(hopMean));
      boolean exact = true;
      for (int i = 0; i < path.size(); i++) {
        Tier t = path.get(i);
        if (!(t instanceof Tier.Stateless st)) {
          why.add("tier \"" + t.name() + "\" is a " + t.kind().jsonName() + " tier, which mean"
              + " value analysis here does not model");
          break;
        }
        Hardware h = st.hardware();
        if (!h.contention().isNone()) {
          why.add("tier \"" + t.name() + "\"'s cores contend (USL): load-dependent service");
        }
        if (st.nodes() > 1) {
          why.add("tier \"" + t.name() + "\" has " + st.nodes() + " nodes: the balancer's"
              + " split of a closed loop is not the random routing MVA assumes");
        }
        if (!(st.workNanos() instanceof Distribution.Exponential)) {
          exact = false;
          a.add("approximation: MVA is exact for exponential work; tier \"" + t.name()
              + "\"'s is " + Moments.describe(st.workNanos()));
        }
        if (i > 0) {
          delay += 2 * hopMean;
        }
        demand[i] = Moments.mean(st.workNanos()) / 1e9 / h.speed();
        servers[i] = h.cores();
      }
      if (s.clients().retry().timeoutNanos() > 0) {
        why.add("a client timeout: a user whose request times out thinks sooner than MVA's");
      }
      if (!why.isEmpty()) {
        gapAll(List.of("throughput", "latencyMs.mean"), why);
        return;
      }
      Queues.ClosedLoop r = Queues.mva(closed.users(), delay, demand, servers);
      exact &= r.exact();
      String model = "mean value analysis (closed loop of " + closed.users() + " users)";
      predictions.add(new Prediction("throughput", "end to end", List.of(), model, a,
          r.throughputPerSecond(), exact));
      double latency = r.responseSeconds() + HOPS * hopMean + (path.size() - 1) * 2 * hopMean;
      predictions.add(new Prediction("latencyMs.mean", "end to end", List.of(), model, a,
          latency * 1e3, exact));
      for (Tier t : path) {
        Hardware h = t.hardware();
        double service = Moments.mean(((Tier.Stateless) t).workNanos()) / 1e9 / h.speed();
        predictions.add(new Prediction("utilisation", t.name(), nodesOf(t),
            "utilisation law with the MVA throughput", a,
            r.throughputPerSecond() * service / h.cores(), exact));
      }
    }

    // ---------------------------------------------------------------- faults

    /** Node uptime under the random-crash nemesis: the birth-death chain over its candidates. */
    private void uptime() {
      FaultPlan.CrashNemesis crash = s.faults().randomCrash();
      if (crash == null) {
        return;
      }
      List<String> nodes = candidates(crash.candidates());
      if (crashesScheduled(nodes)) {
        gap("uptime", String.join(",", nodes), "scheduled crashes strike the same nodes as"
            + " the random ones");
        return;
      }
      CrashChain chain = CrashChain.of(nodes.size(), crash.mttfNanos() / 1e9,
          crash.mttrNanos() / 1e9, crash.maxDown());
      boolean independent = crash.maxDown() >= nodes.size();
      List<String> a = List.of(nodes.size() + " candidates, exponential uptimes of mean "
          + Format.number(crash.mttfNanos() / 1e9) + " s and repairs of mean "
          + Format.number(crash.mttrNanos() / 1e9) + " s", independent
          ? "maxDown does not bind: independent renewal processes"
          : "at most " + crash.maxDown() + " down at once (a failure beyond that is skipped)");
      String model = independent ? "renewal availability MTTF / (MTTF + MTTR)"
          : "birth-death chain of the crash nemesis (maxDown " + crash.maxDown() + ")";
      predictions.add(new Prediction("uptime", tierOrNodes(nodes), nodes, model, a,
          chain.nodeUptime(), true));
    }

    /**
     * Request availability under random crashes alone, on a single stateless tier: an attempt
     * succeeds when the node it reaches is up (by PASTA, the fraction of time a node is up);
     * with health checks it depends on detection, which has no closed form.
     */
    private void crashAvailability(double lambda) {
      FaultPlan.CrashNemesis crash = s.faults().randomCrash();
      if (crash == null || !s.faults().schedule().isEmpty() || !s.faults().random().isEmpty()
          || networkBeyondLatency() != null) {
        return;
      }
      List<String> nodes = candidates(crash.candidates());
      Tier entry = path.get(0);
      List<String> tierNodes = nodesOf(entry);
      CrashChain chain = CrashChain.of(nodes.size(), crash.mttfNanos() / 1e9,
          crash.mttrNanos() / 1e9, crash.maxDown());
      if (path.get(path.size() - 1) instanceof Tier.Kv kv
          && (path.size() == 1 || path.size() == 2 && entry instanceof Tier.Stateless)) {
        quorumAvailability(lambda, crash, nodes, chain, kv);
        return;
      }
      if (path.size() > 1 || !(entry instanceof Tier.Stateless) || !tierNodes.equals(nodes)) {
        gapAll(List.of("availability", "throughput"), List.of("random crashes on "
            + String.join(",", nodes) + " over " + path.size() + " tier(s): no model here for"
            + " requests crossing crashed and live tiers"));
        return;
      }
      if (s.loadBalancer().healthCheck() != null) {
        gapAll(List.of("availability", "throughput"), List.of("health checks take crashed"
            + " nodes out after a detection delay: availability depends on that delay, which"
            + " has no closed form; the bound is 1 - P(all " + nodes.size() + " down) = "
            + Format.percent(1 - chain.allDown())));
        return;
      }
      int retries = s.clients().retry().retries();
      double up = chain.nodeUptime();
      double ok = Reliability.successWithRetries(up, retries);
      List<String> a = List.of("random crashes only; no health checks: the balancer keeps"
          + " sending each node its share, up or down", "an attempt arrives at a random"
          + " moment (Poisson arrivals see time averages), so it finds its node up with the"
          + " node's uptime, " + Format.percent(up), retries == 0 ? "no client retries"
          : retries + " client retries treated as independent attempts (an approximation:"
              + " a retry soon after may meet the same outage)");
      String model = "node uptime" + (retries == 0 ? "" : " with retries");
      predictions.add(new Prediction("availability", "end to end", List.of(), model, a, ok,
          retries == 0));
      predictions.add(new Prediction("throughput", "end to end", List.of(), model, a,
          lambda * ok, retries == 0));
    }

    /**
     * Request availability under random crashes when the request ends in a key-value tier,
     * reached directly or through one stateless tier: the node the balancer picks must be up
     * (without health checks), a coordinator must be reached within the call's tries, and the
     * key's replicas must hold a quorum. The state is the crash chain's: with k candidates down,
     * every set of k equally likely, so only how many of the request's nodes are down counts.
     */
    private void quorumAvailability(double lambda, FaultPlan.CrashNemesis crash,
        List<String> nodes, CrashChain chain, Tier.Kv kv) {
      List<String> metrics = List.of("availability", "throughput");
      Tier entry = path.get(0);
      int candidatesIn = 0;
      Set<String> crashing = new java.util.HashSet<>(nodes);
      for (Tier t : s.tiers().values()) {
        List<String> own = nodesOf(t);
        long hit = own.stream().filter(crashing::contains).count();
        if (hit != 0 && hit != own.size()) {
          gapAll(metrics, List.of("random crashes strike only some nodes of tier \"" + t.name()
              + "\": its nodes are not alike, and the quorum model needs them so"));
          return;
        }
        candidatesIn += (int) hit;
      }
      if (candidatesIn != nodes.size()) {
        gapAll(metrics, List.of("random crashes strike nodes outside the tiers"));
        return;
      }
      RetryPolicy retry = s.clients().retry();
      if (retry.retries() > 0 || retry.hedgeAfterNanos() > 0) {
        gapAll(metrics, List.of("client retries or hedges after an outage meet the same"
            + " outage (outages last seconds, retries milliseconds): the attempts are not"
            + " independent, and the quorum model has no closed form for them"));
        return;
      }
      boolean healthChecks = s.loadBalancer().healthCheck() != null;
      boolean kvCrashes = nodes.contains(nodesOf(kv).get(0));
      boolean entryCrashes = nodes.contains(nodesOf(entry).get(0));
      int n = kv.nodes();
      int r = kv.store().replication();
      double reads = s.clients().mix().readFraction();
      List<String> a = new ArrayList<>();
      a.add(nodes.size() + " crash candidates (tiers " + tiersOf(nodes) + "), exponential"
          + " uptimes of mean " + Format.number(crash.mttfNanos() / 1e9) + " s, repairs of mean "
          + Format.number(crash.mttrNanos() / 1e9) + " s" + (crash.maxDown() < nodes.size()
              ? ", at most " + crash.maxDown() + " down at once" : "") + "; with k down, every"
          + " set of k as likely");
      boolean exact = true;
      double ok;
      if (path.size() == 1) {
        // The balancer's pick is the coordinator; it may itself hold the key.
        boolean mustBeUp = !healthChecks && kvCrashes;
        ok = reads * coordinated(chain, kv, kvCrashes, mustBeUp, readQuorum(kv))
            + (1 - reads) * coordinated(chain, kv, kvCrashes, mustBeUp, writeQuorum(kv));
        a.add(mustBeUp ? "no health checks: the balancer sends each node its share, up or down,"
            + " so the coordinator must be up (it holds the key with probability " + r + "/" + n
            + ")" : healthChecks ? "health checks: the balancer sends only to live nodes" : "");
      } else {
        Tier.Stateless web = (Tier.Stateless) entry;
        int tries = tries(web);
        double[] distinct = distinctTries(web, lambda, tries, n);
        boolean webMustBeUp = !healthChecks && entryCrashes;
        ok = reads * called(chain, kv, webMustBeUp, kvCrashes, distinct, readQuorum(kv))
            + (1 - reads) * called(chain, kv, webMustBeUp, kvCrashes, distinct, writeQuorum(kv));
        if (webMustBeUp) {
          a.add("no health checks: the balancer sends each " + web.name() + " node its share,"
              + " up or down, and a request to a crashed one fails");
        }
        a.add("each " + web.name() + " node calls " + kv.name() + " nodes round-robin with "
            + tries + " tr" + (tries == 1 ? "y" : "ies") + " per request (callRetries "
            + web.calls().retries() + ", call timeout "
            + (web.calls().timeoutNanos() == 0 ? "none" : Format.ms(web.calls().timeoutNanos()
                / 1e9)) + " within the client's " + (retry.timeoutNanos() == 0 ? "none"
                : Format.ms(retry.timeoutNanos() / 1e9)) + "); a coordinator that cannot get"
            + " a quorum fails at once, and so does every other");
        if (tries > 1 && n > 1) {
          exact = false;
          a.add("approximation: the tries of one request land on a random set of distinct "
              + kv.name() + " nodes (the pointer moves on with every call of the node: "
              + Format.number(callsPerTimeout(web, lambda)) + " calls per call timeout)");
        }
      }
      a.removeIf(String::isEmpty);
      a.add(kv.name() + ": " + n + " node" + (n == 1 ? "" : "s") + ", replication " + r + ", quorums " + readQuorum(kv)
          + " to read and " + writeQuorum(kv) + " to write" + (kv.store().sloppy()
              ? " (sloppy: any live replica will do)" : "") + "; " + Format.percent(reads)
          + " reads");
      if (healthChecks && (kvCrashes && path.size() == 1 || entryCrashes && path.size() == 2)) {
        exact = false;
        a.add("approximation: the balancer's health checks take a crashed node out at once;"
            + " until they notice (about " + Format.ms((s.loadBalancer().healthCheck()
                .timeoutNanos() + s.loadBalancer().healthCheck().intervalNanos() / 2.0) / 1e9)
            + "), its share of the requests fails");
      }
      a.add("requests in flight at a crash, and the failure detection of the replicas'"
          + " heartbeats, are not counted (seconds against outages of "
          + Format.number(crash.mttrNanos() / 1e9) + " s)");
      boolean bounded = crash.maxDown() < nodes.size();
      String model = "k-of-n quorum availability" + (healthChecks ? "" : " with the coordinator term")
          + " under " + (bounded ? "the crash nemesis's chain" : "independent renewals");
      predictions.add(new Prediction("availability", "end to end", List.of(), model, a, ok,
          exact));
      predictions.add(new Prediction("throughput", "end to end", List.of(), model, a,
          lambda * ok, exact));
    }

    private static int readQuorum(Tier.Kv kv) {
      return kv.store().sloppy() ? 1 : kv.store().readQuorum();
    }

    private static int writeQuorum(Tier.Kv kv) {
      return kv.store().sloppy() ? 1 : kv.store().writeQuorum();
    }

    /**
     * P(ok) of an operation on a kv tier entered directly: the coordinator (uniform over the
     * tier, so holding the key with probability r/n) must be up if {@code mustBeUp}, and at
     * least q of the key's r replicas up.
     */
    private static double coordinated(CrashChain chain, Tier.Kv kv, boolean kvCrashes,
        boolean mustBeUp, int q) {
      int n = kv.nodes();
      int r = kv.store().replication();
      if (!kvCrashes) {
        return r >= q ? 1 : 0;
      }
      if (!mustBeUp) {
        return chain.average(new int[] {r}, d -> r - d[0] >= q ? 1 : 0);
      }
      // The coordinator is one of the replicas: it and q-1 of the other r-1 up.
      double holds = chain.average(new int[] {1, r - 1},
          d -> d[0] == 0 && r - d[1] >= q ? 1 : 0);
      if (r == n) {
        return holds;
      }
      double apart = chain.average(new int[] {1, r},
          d -> d[0] == 0 && r - d[1] >= q ? 1 : 0);
      return (double) r / n * holds + (1 - (double) r / n) * apart;
    }

    /**
     * P(ok) of an operation through a stateless node calling the kv tier: that node up (if
     * {@code webMustBeUp}), some try reaching a live coordinator, at least q of the key's r
     * replicas up. {@code distinct[u]} is P(the tries reach u distinct nodes).
     */
    private static double called(CrashChain chain, Tier.Kv kv, boolean webMustBeUp,
        boolean kvCrashes, double[] distinct, int q) {
      int n = kv.nodes();
      int r = kv.store().replication();
      int[] classes = new int[] {webMustBeUp ? 1 : 0, kvCrashes ? r : 0, kvCrashes ? n - r : 0};
      return chain.average(classes, d -> {
        if (d[0] > 0 || r - d[1] < q) {
          return 0;
        }
        int downKv = d[1] + d[2];
        double allTriesDown = 0;
        for (int u = 1; u < distinct.length; u++) {
          if (distinct[u] == 0) {
            continue;
          }
          // The u nodes tried are a random u-set of the n: all down with C(down, u)/C(n, u).
          allTriesDown += distinct[u] * CrashChain.choose(downKv, u) / CrashChain.choose(n, u);
        }
        return 1 - allTriesDown;
      });
    }

    /** Tries of a call within the client's timeout: the call timeout bounds each. */
    private int tries(Tier.Stateless web) {
      long call = web.calls().timeoutNanos();
      if (call == 0) {
        return 1; // a call to a crashed node waits for ever: no second try
      }
      long client = s.clients().retry().timeoutNanos();
      long fit = client == 0 ? Long.MAX_VALUE : (client + call - 1) / call;
      return (int) Math.max(1, Math.min(web.calls().retries() + 1L, fit));
    }

    /** The calls one stateless node sends while one call waits out its timeout. */
    private double callsPerTimeout(Tier.Stateless web, double lambda) {
      return lambda / web.nodes() * web.calls().timeoutNanos() / 1e9;
    }

    /**
     * P(the tries of one request reach u distinct nodes of n), u = 0..tries: the round-robin
     * pointer moves one step per try and one per call of the node's other requests in between,
     * a Poisson number while a try waits out its timeout.
     */
    private double[] distinctTries(Tier.Stateless web, double lambda, int tries, int n) {
      double[] p = new double[tries + 1];
      if (tries == 1 || n == 1) {
        p[1] = 1;
        return p;
      }
      double mu = callsPerTimeout(web, lambda);
      // Offset of the next try from this one: (1 + m) mod n, m ~ Poisson(mu).
      double[] step = new double[n];
      double term = StrictMath.exp(-mu);
      double seen = 0;
      for (int m = 0; seen < 1 - 1e-12 && m < 100_000; m++) {
        step[(1 + m) % n] += term;
        seen += term;
        term *= mu / (m + 1);
      }
      if (StrictMath.pow(n, tries - 1) <= 100_000) {
        distinctFrom(new int[] {0}, tries, step, 1.0, p, n);
        return p;
      }
      // Too many paths to follow: steps taken as uniform (the pointer has moved on many times).
      p[1] = 1;
      for (int i = 1; i < tries; i++) {
        for (int u = i + 1; u >= 1; u--) {
          p[u] = p[u] * u / n + (u > 1 ? p[u - 1] * (n - u + 1) / n : 0);
        }
      }
      return p;
    }

    private static void distinctFrom(int[] visited, int tries, double[] step, double weight,
        double[] p, int n) {
      int last = visited[visited.length - 1];
      if (visited.length == tries) {
        long count = java.util.Arrays.stream(visited).distinct().count();
        p[(int) count] += weight;
        return;
      }
      for (int o = 0; o < n; o++) {
        if (step[o] > 0) {
          int[] next = java.util.Arrays.copyOf(visited, visited.length + 1);
          next[visited.length] = (last + o) % n;
          distinctFrom(next, tries, step, weight * step[o], p, n);
        }
      }
    }

    private String tiersOf(List<String> nodes) {
      List<String> names = new ArrayList<>();
      for (Tier t : s.tiers().values()) {
        if (nodes.contains(nodesOf(t).get(0))) {
          names.add(t.name());
        }
      }
      return String.join(", ", names);
    }

    /** Null when no fault strikes; otherwise which do, in words. */
    private String faultsInWindow() {
      FaultPlan f = s.faults();
      if (f.schedule().isEmpty() && f.random().isEmpty() && f.randomCrash() == null) {
        return null;
      }
      Set<String> kinds = new LinkedHashSet<>();
      for (FaultPlan.Scheduled x : f.schedule()) {
        kinds.add(x.fault().kind());
      }
      for (FaultPlan.RandomFault x : f.random()) {
        kinds.add("random " + x.fault().kind());
      }
      if (f.randomCrash() != null) {
        kinds.add("random crashes");
      }
      return "faults strike during the run (" + String.join(", ", kinds) + "): the queueing"
          + " models describe a steady state without them";
    }

    /** Null when the network only delays; otherwise what else it does. */
    private String networkBeyondLatency() {
      NetworkSpec n = s.network();
      List<String> what = new ArrayList<>();
      if (n.loss() > 0) {
        what.add("loses " + Format.percent(n.loss()) + " of messages");
      }
      if (n.duplicate() > 0) {
        what.add("duplicates " + Format.percent(n.duplicate()));
      }
      if (n.corrupt() > 0) {
        what.add("corrupts " + Format.percent(n.corrupt()));
      }
      if (n.bitsPerSecond() > 0) {
        what.add("has a bandwidth (transmission queues on links)");
      }
      if (!n.links().isEmpty()) {
        what.add("has links configured apart");
      }
      return what.isEmpty() ? null : "the network " + String.join(", ", what)
          + ": the models assume it only delays";
    }

    /** Loss is the network's only effect beyond delay. */
    private boolean lossOnly() {
      NetworkSpec n = s.network();
      return n.loss() > 0 && n.duplicate() == 0 && n.corrupt() == 0 && n.bitsPerSecond() == 0
          && n.links().isEmpty() && s.loadBalancer().healthCheck() == null
          && s.clients().retry().hedgeAfterNanos() == 0;
    }

    private boolean crashesScheduled(List<String> nodes) {
      for (FaultPlan.Scheduled x : s.faults().schedule()) {
        if (x.fault().kind().equals("crash")) {
          for (Target t : x.fault().targets()) {
            for (String name : candidates(t)) {
              if (nodes.contains(name)) {
                return true;
              }
            }
          }
        }
      }
      return false;
    }

    /** The node names a target names (tiers expanded), in scenario order. */
    private List<String> candidates(Target t) {
      Set<String> out = new LinkedHashSet<>();
      for (String name : t.names()) {
        Tier tier = s.tiers().get(name);
        out.addAll(tier != null ? nodesOf(tier) : List.of(name));
      }
      return List.copyOf(out);
    }

    /** "web + db" when the nodes are whole tiers, else the node names. */
    private String tierOrNodes(List<String> nodes) {
      List<String> tiers = new ArrayList<>();
      Set<String> set = new java.util.HashSet<>(nodes);
      int covered = 0;
      for (Tier t : s.tiers().values()) {
        List<String> own = nodesOf(t);
        if (set.containsAll(own)) {
          tiers.add(t.name());
          covered += own.size();
        }
      }
      return !tiers.isEmpty() && covered == nodes.size() ? String.join(" + ", tiers)
          : String.join(",", nodes);
    }

    private static List<String> nodesOf(Tier t) {
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= t.nodes(); i++) {
        names.add(t.name() + "-" + i);
      }
      return names;
    }

    private void gap(String metric, String reason) {
      gap(metric, "end to end", reason);
    }

    private void gap(String metric, String subject, String reason) {
      for (Inapplicable i : inapplicable) {
        if (i.metric().equals(metric) && i.subject().equals(subject)) {
          return; // the first reason stands
        }
      }
      for (Prediction p : predictions) {
        if (p.metric().equals(metric) && p.subject().equals(subject)) {
          return;
        }
      }
      inapplicable.add(new Inapplicable(metric, subject, reason));
    }

    private void gapAll(List<String> metrics, List<String> reasons) {
      for (String m : metrics) {
        gap(m, m.equals("utilisation") ? path.get(0).name() : "end to end",
            String.join("; ", reasons));
      }
    }
  }

  /** A node's queue as a model: its mean sojourn, its quantiles when known, its utilisation. */
  private record NodeQueue(String model, double meanSeconds, Quantile percentile,
      double utilisation, boolean exact, List<String> assumptions, String reason) {
    static NodeQueue none(String reason) {
      return new NodeQueue(null, Double.NaN, null, Double.NaN, false, List.of(), reason);
    }
  }

  /** The sojourn time's q-quantile, in seconds. */
  @FunctionalInterface
  private interface Quantile {
    double at(double q);
  }
}
