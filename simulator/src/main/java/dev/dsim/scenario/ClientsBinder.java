package dev.dsim.scenario;

import dev.dsim.engine.Distribution;
import dev.dsim.engine.Durations;
import dev.dsim.scenario.format.Backoff;
import dev.dsim.scenario.format.ClientRate;
import dev.dsim.scenario.format.Clients;
import dev.dsim.scenario.format.KeyDistName;
import dev.dsim.scenario.format.KeyDistribution;
import dev.dsim.scenario.format.NonNegativeDuration;
import dev.dsim.scenario.format.PositiveDuration;
import dev.dsim.service.ArrivalProcess;
import dev.dsim.service.Load;
import dev.dsim.service.OperationMix;
import dev.dsim.service.RateSchedule;
import dev.dsim.service.RetryPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds the {@code clients} section, read as {@link Clients} of the document model: open loop
 * ({@code rate}, a number or a list of steps and ramps, with {@code arrival}) or closed loop
 * ({@code users} with {@code thinkTime}); the operation mix ({@code reads}, {@code keys},
 * {@code keyDist}, {@code valueSize}); and failure handling ({@code timeout}, {@code retries},
 * {@code backoff}, {@code hedge}). Here are the rules between keys and the limits.
 */
final class ClientsBinder {
  static final double DEFAULT_READS = 0.5;
  static final int DEFAULT_KEYS = 1000;
  static final long DEFAULT_VALUE_BYTES = 1024;
  static final long DEFAULT_BACKOFF_BASE = 10_000_000L;
  static final long DEFAULT_BACKOFF_MAX = 1_000_000_000L;
  /** Clients that are not there: nothing requested, the defaults for everything else. */
  private static final Clients NONE = new Clients(null, null, null, null, null, null, null,
      null, null, null, null, null);

  private final Problems problems;
  private String path = "clients";

  ClientsBinder(Problems problems) {
    this.problems = problems;
  }

  ClientsSpec bind(DocumentObject top, Long durationNanos) {
    if (!top.has("clients")) {
      // No clients: a system that drives itself (a protocol of "process" tiers). Nothing is
      // requested, so availability and latency have nothing to measure.
      return new ClientsSpec(new Load.Open(ArrivalProcess.POISSON, RateSchedule.idle()),
          mix(NONE), retry(NONE));
    }
    path = top.pathOf("clients");
    Clients c = DocumentReader.section(top.raw("clients"), path, Clients.class, problems);
    if (c == null) {
      return null;
    }
    Load load = load(c, top.raw("clients"), durationNanos);
    OperationMix mix = mix(c);
    RetryPolicy retry = retry(c);
    return load == null || mix == null || retry == null ? null
        : new ClientsSpec(load, mix, retry);
  }

  private Load load(Clients c, com.fasterxml.jackson.databind.JsonNode node,
      Long durationNanos) {
    if ((c.rate() != null) == (c.users() != null)) {
      problems.atValue(path, "give exactly one of \"rate\" (open loop: requests per "
          + "second, whatever the replies) and \"users\" (closed loop: each user waits for its "
          + "reply)", "e.g. \"rate\": 100 or \"users\": 50");
      return null;
    }
    if (c.users() != null) {
      if (c.arrival() != null) {
        error("arrival", "'arrival' is for open-loop clients (\"rate\")",
            "closed-loop users pace themselves with \"thinkTime\"");
      }
      long users = c.users();
      if (users > Limits.USERS) {
        error("users", "at most " + Limits.count(Limits.USERS) + " users, got "
            + Limits.count(users), "for more load, shorten \"thinkTime\", or use \"rate\"");
        users = 1;
      }
      Distribution think = c.thinkTime() == null ? new Distribution.Constant(0)
          : DistributionReader.convert(c.thinkTime(), node.get("thinkTime"),
              Paths.child(path, "thinkTime"), problems);
      return think == null ? null : new Load.Closed((int) users, think);
    }
    if (c.thinkTime() != null) {
      error("thinkTime", "'thinkTime' is for closed-loop clients (\"users\")",
          "open-loop clients are paced by \"rate\"");
    }
    ArrivalProcess process = c.arrival() == dev.dsim.scenario.format.ArrivalProcess.CONSTANT
        ? ArrivalProcess.CONSTANT : ArrivalProcess.POISSON;
    RateSchedule rate = rate(c.rate(), durationNanos);
    return rate == null ? null : new Load.Open(process, rate);
  }

  /** A number, or a list of {at, rate, ramp} points starting at "0s". */
  private RateSchedule rate(ClientRate r, Long durationNanos) {
    if (r instanceof ClientRate.RequestRate n) {
      return RateSchedule.constant(n.perSecond());
    }
    List<dev.dsim.scenario.format.RateStep> steps = ((ClientRate.RateSchedule) r).steps();
    List<RateSchedule.Point> points = new ArrayList<>();
    boolean ok = true;
    long previous = -1;
    double max = 0;
    for (int i = 0; i < steps.size(); i++) {
      String at = Paths.index(Paths.child(path, "rate"), i);
      dev.dsim.scenario.format.RateStep step = steps.get(i);
      long time = nanos(step.at());
      boolean ramp = TierBinder.or(step.ramp(), false);
      if (i == 0 && time != 0) {
        problems.atValue(Paths.child(at, "at"), "the first step must be at \"0s\"",
            "say what the rate is from the start");
        ok = false;
      } else if (time <= previous) {
        problems.atValue(Paths.child(at, "at"), "steps must be in increasing time order", "");
        ok = false;
      } else if (i == 0 && ramp) {
        problems.atValue(Paths.child(at, "ramp"), "the first step cannot ramp: there is "
            + "nothing before it", "");
        ok = false;
      }
      if (durationNanos != null && time >= durationNanos) {
        problems.atValue(Paths.child(at, "at"), "this step starts after the run's duration, "
            + "so it never applies", "");
        ok = false;
      }
      previous = time;
      max = Math.max(max, step.rate());
      points.add(new RateSchedule.Point(time, step.rate(), ramp));
    }
    if (ok && !(max > 0)) {
      error("rate", "every step has rate 0: nothing would be sent", "a number of requests "
          + "per second, or steps like [{\"at\": \"0s\", \"rate\": 100}, {\"at\": \"5m\", "
          + "\"rate\": 400, \"ramp\": true}]");
      ok = false;
    }
    return ok ? new RateSchedule(points) : null;
  }

  private OperationMix mix(Clients c) {
    double reads = TierBinder.or(c.reads(), DEFAULT_READS);
    if (reads > 1) {
      error("reads", "expected the fraction of operations that are reads, between 0 and 1, "
          + "got " + reads, "e.g. 0.9 for 90% reads, 10% writes");
      reads = DEFAULT_READS;
    }
    long keys = TierBinder.or(c.keys(), (long) DEFAULT_KEYS);
    if (keys > Limits.KEYS) {
      error("keys", "at most " + Limits.count(Limits.KEYS) + " keys, got " + Limits.count(keys),
          "every kv node keeps a version and a value per key");
      keys = DEFAULT_KEYS;
    }
    double zipf = keyDist(c.keyDist());
    long valueBytes = c.valueSize() == null ? DEFAULT_VALUE_BYTES
        : Quantities.bytes(c.valueSize().text());
    if (valueBytes < 1 || valueBytes > Limits.VALUE_BYTES) {
      error("valueSize", "expected a value size from 1B to 64MiB", "e.g. \"1KiB\"");
      valueBytes = DEFAULT_VALUE_BYTES;
    }
    return new OperationMix(reads, (int) keys, zipf, (int) valueBytes);
  }

  /** 0 for uniform keys, else the Zipf exponent. */
  private double keyDist(KeyDistribution k) {
    if (k == null || k == KeyDistName.UNIFORM) {
      return 0;
    }
    if (k == KeyDistName.ZIPF) {
      return 0.99;
    }
    KeyDistribution.KeyDist d = (KeyDistribution.KeyDist) k;
    if (d.dist() == KeyDistName.UNIFORM) {
      if (d.exponent() != null) {
        problems.atValue(Paths.child(Paths.child(path, "keyDist"), "exponent"), "a uniform "
            + "distribution has no exponent", "drop it");
      }
      return 0;
    }
    return TierBinder.or(d.exponent(), 0.99);
  }

  private RetryPolicy retry(Clients c) {
    long timeout = c.timeout() == null ? 0 : nanos(c.timeout());
    long retries = TierBinder.or(c.retries(), 0L);
    if (retries > 100) {
      error("retries", "at most 100 retries, got " + retries, "");
      retries = 0;
    }
    if (retries > 0 && timeout == 0) {
      error("retries", "retries need a \"timeout\": without one a lost request is waited for "
          + "for ever and never retried", "add e.g. \"timeout\": \"1s\"");
    }
    long base = DEFAULT_BACKOFF_BASE;
    long max = DEFAULT_BACKOFF_MAX;
    RetryPolicy.Jitter jitter = RetryPolicy.Jitter.FULL;
    Backoff b = c.backoff();
    if (b != null) {
      base = b.base() == null ? base : nanos(b.base());
      max = b.max() == null ? max : nanos(b.max());
      if (max < base) {
        problems.atValue(Paths.child(Paths.child(path, "backoff"), "max"), "the cap is below "
            + "the base backoff", "raise \"max\" or lower \"base\"");
      }
      if (b.jitter() != null) {
        jitter = switch (b.jitter()) {
          case FULL -> RetryPolicy.Jitter.FULL;
          case EQUAL -> RetryPolicy.Jitter.EQUAL;
          case NONE -> RetryPolicy.Jitter.NONE;
        };
      }
    }
    long hedge = c.hedge() == null ? 0 : nanos(c.hedge());
    if (hedge > 0 && timeout > 0 && hedge >= timeout) {
      error("hedge", "the hedge delay must be shorter than the timeout, or it never fires",
          "hedge at about the p95 latency, e.g. \"50ms\"");
    }
    return new RetryPolicy(timeout, (int) retries, base, max, jitter, hedge);
  }

  private static long nanos(NonNegativeDuration d) {
    return Durations.parse(d.text());
  }

  private static long nanos(PositiveDuration d) {
    return Durations.parse(d.text());
  }

  private void error(String key, String message, String hint) {
    problems.atValue(Paths.child(path, key), message, hint);
  }
}
