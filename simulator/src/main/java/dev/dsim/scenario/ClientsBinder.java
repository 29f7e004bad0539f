package dev.dsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsim.engine.Distribution;
import dev.dsim.service.ArrivalProcess;
import dev.dsim.service.Load;
import dev.dsim.service.OperationMix;
import dev.dsim.service.RateSchedule;
import dev.dsim.service.RetryPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds the {@code clients} section: open loop ({@code rate}, a number or a list of steps and
 * ramps, with {@code arrival}) or closed loop ({@code users} with {@code thinkTime}); the
 * operation mix ({@code reads}, {@code keys}, {@code keyDist}, {@code valueSize}); and failure
 * handling ({@code timeout}, {@code retries}, {@code backoff}, {@code hedge}).
 */
final class ClientsBinder {
  static final List<String> KEYS = List.of("arrival", "rate", "users", "thinkTime", "reads",
      "keys", "keyDist", "valueSize", "timeout", "retries", "backoff", "hedge");
  private static final List<String> STEP_KEYS = List.of("at", "rate", "ramp");
  private static final List<String> BACKOFF_KEYS = List.of("base", "max", "jitter");
  private static final List<String> KEY_DIST_KEYS = List.of("dist", "exponent");
  static final double DEFAULT_READS = 0.5;
  static final int DEFAULT_KEYS = 1000;
  static final long DEFAULT_VALUE_BYTES = 1024;
  static final long DEFAULT_BACKOFF_BASE = 10_000_000L;
  static final long DEFAULT_BACKOFF_MAX = 1_000_000_000L;

  private final Problems problems;

  ClientsBinder(Problems problems) {
    this.problems = problems;
  }

  ClientsSpec bind(Fields top, Long durationNanos) {
    if (!top.has("clients")) {
      // No clients: a system that drives itself (a protocol of "process" tiers). Nothing is
      // requested, so availability and latency have nothing to measure.
      Fields none = Fields.of(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
          .objectNode(), "clients", problems, KEYS);
      return new ClientsSpec(new Load.Open(ArrivalProcess.POISSON, RateSchedule.idle()),
          mix(none), retry(none));
    }
    Fields f = Fields.of(top.raw("clients"), top.pathOf("clients"), problems, KEYS);
    if (f == null) {
      return null;
    }
    Load load = load(f, durationNanos);
    OperationMix mix = mix(f);
    RetryPolicy retry = retry(f);
    return load == null || mix == null || retry == null ? null
        : new ClientsSpec(load, mix, retry);
  }

  private Load load(Fields f, Long durationNanos) {
    if (f.has("rate") == f.has("users")) {
      problems.atValue(f.path(), "give exactly one of \"rate\" (open loop: requests per "
          + "second, whatever the replies) and \"users\" (closed loop: each user waits for its "
          + "reply)", "e.g. \"rate\": 100 or \"users\": 50");
      return null;
    }
    if (f.has("users")) {
      for (String key : List.of("arrival")) {
        if (f.has(key)) {
          f.error(key, "'" + key + "' is for open-loop clients (\"rate\")",
              "closed-loop users pace themselves with \"thinkTime\"");
        }
      }
      long users = f.integer("users", 1, 1);
      if (users > Limits.USERS) {
        f.error("users", "at most " + Limits.count(Limits.USERS) + " users, got "
            + Limits.count(users), "for more load, shorten \"thinkTime\", or use \"rate\"");
        users = 1;
      }
      Distribution think = new Distribution.Constant(0);
      if (f.has("thinkTime")) {
        think = DistributionReader.read(f.raw("thinkTime"), f.pathOf("thinkTime"), problems);
      }
      return think == null ? null : new Load.Closed((int) users, think);
    }
    if (f.has("thinkTime")) {
      f.error("thinkTime", "'thinkTime' is for closed-loop clients (\"users\")",
          "open-loop clients are paced by \"rate\"");
    }
    Arrival arrival = f.choice("arrival", Arrival.class, Arrival.POISSON);
    ArrivalProcess process = arrival == Arrival.POISSON ? ArrivalProcess.POISSON
        : ArrivalProcess.CONSTANT;
    RateSchedule rate = rate(f, durationNanos);
    return rate == null ? null : new Load.Open(process, rate);
  }

  /** A number, or a list of {at, rate, ramp} points starting at "0s". */
  private RateSchedule rate(Fields f, Long durationNanos) {
    JsonNode v = f.raw("rate");
    if (v.isNumber()) {
      double rate = f.numberAbove("rate", 1, 0);
      return RateSchedule.constant(rate);
    }
    String hint = "a number of requests per second, or steps like [{\"at\": \"0s\", \"rate\": "
        + "100}, {\"at\": \"5m\", \"rate\": 400, \"ramp\": true}]";
    if (!v.isArray() || v.isEmpty()) {
      f.error("rate", "expected a rate > 0 or a list of rate steps, got " + Fields.describe(v),
          hint);
      return null;
    }
    if (v.size() > Limits.RATE_STEPS) {
      f.error("rate", "at most " + Limits.count(Limits.RATE_STEPS) + " rate steps, got "
          + Limits.count(v.size()), "a ramp (\"ramp\": true) between two steps replaces many "
          + "small steps");
      return null;
    }
    List<RateSchedule.Point> points = new ArrayList<>();
    boolean ok = true;
    long previous = -1;
    double max = 0;
    for (int i = 0; i < v.size(); i++) {
      String path = Paths.index(f.pathOf("rate"), i);
      Fields p = Fields.of(v.get(i), path, problems, STEP_KEYS);
      if (p == null) {
        ok = false;
        continue;
      }
      if (!p.has("at") || !p.has("rate")) {
        p.missing(p.has("at") ? "rate" : "at", "each step has a time and a rate",
            p.has("at") ? "100" : "\"0s\"");
        ok = false;
        continue;
      }
      Long at = p.durationOrNull("at", false);
      JsonNode r = p.raw("rate");
      if (!r.isNumber() || !(r.doubleValue() >= 0) || Double.isInfinite(r.doubleValue())) {
        p.error("rate", "expected a rate >= 0 (requests per second), got " + Fields.describe(r),
            "0 pauses the clients until the next step");
        ok = false;
        continue;
      }
      double rate = r.doubleValue();
      boolean ramp = p.bool("ramp", false);
      if (at == null) {
        ok = false;
        continue;
      }
      if (i == 0 && at != 0) {
        p.error("at", "the first step must be at \"0s\"", "say what the rate is from the start");
        ok = false;
      } else if (at <= previous) {
        p.error("at", "steps must be in increasing time order", "");
        ok = false;
      } else if (i == 0 && ramp) {
        p.error("ramp", "the first step cannot ramp: there is nothing before it", "");
        ok = false;
      }
      if (durationNanos != null && at >= durationNanos) {
        p.error("at", "this step starts after the run's duration, so it never applies", "");
        ok = false;
      }
      previous = at;
      max = Math.max(max, rate);
      points.add(new RateSchedule.Point(at, rate, ramp));
    }
    if (ok && !(max > 0)) {
      f.error("rate", "every step has rate 0: nothing would be sent", hint);
      ok = false;
    }
    return ok ? new RateSchedule(points) : null;
  }

  private OperationMix mix(Fields f) {
    double reads = DEFAULT_READS;
    if (f.has("reads")) {
      JsonNode r = f.raw("reads");
      if (!r.isNumber() || !(r.doubleValue() >= 0 && r.doubleValue() <= 1)) {
        f.error("reads", "expected the fraction of operations that are reads, between 0 and 1, "
            + "got " + Fields.describe(r), "e.g. 0.9 for 90% reads, 10% writes");
      } else {
        reads = r.doubleValue();
      }
    }
    long keys = f.integer("keys", DEFAULT_KEYS, 1);
    if (keys > Limits.KEYS) {
      f.error("keys", "at most " + Limits.count(Limits.KEYS) + " keys, got " + Limits.count(keys),
          "every kv node keeps a version and a value per key");
      keys = DEFAULT_KEYS;
    }
    double zipf = keyDist(f);
    long valueBytes = f.bytes("valueSize", DEFAULT_VALUE_BYTES);
    if (valueBytes < 1 || valueBytes > Limits.VALUE_BYTES) {
      f.error("valueSize", "expected a value size from 1B to 64MiB", "e.g. \"1KiB\"");
      valueBytes = DEFAULT_VALUE_BYTES;
    }
    return new OperationMix(reads, (int) keys, zipf, (int) valueBytes);
  }

  /** 0 for uniform keys, else the Zipf exponent. */
  private double keyDist(Fields f) {
    if (!f.has("keyDist")) {
      return 0;
    }
    JsonNode v = f.raw("keyDist");
    String hint = "\"uniform\", or {\"dist\": \"zipf\", \"exponent\": 0.99}";
    if (v.isTextual()) {
      if (v.textValue().equals("uniform")) {
        return 0;
      }
      if (v.textValue().equals("zipf")) {
        return 0.99;
      }
      f.error("keyDist", "unknown key distribution \"" + v.textValue() + "\"", hint);
      return 0;
    }
    Fields d = Fields.of(v, f.pathOf("keyDist"), problems, KEY_DIST_KEYS);
    if (d == null) {
      return 0;
    }
    if (!d.has("dist")) {
      d.missing("dist", "\"uniform\" or \"zipf\"", "\"zipf\"");
      return 0;
    }
    String dist = d.string("dist", "");
    if (dist.equals("uniform")) {
      if (d.has("exponent")) {
        d.error("exponent", "a uniform distribution has no exponent", "drop it");
      }
      return 0;
    }
    if (!dist.equals("zipf")) {
      d.error("dist", "expected \"uniform\" or \"zipf\" for keys, got " + Fields.describe(
          d.raw("dist") == null ? v : d.raw("dist")), hint);
      return 0;
    }
    return d.numberAbove("exponent", 0.99, 0);
  }

  private RetryPolicy retry(Fields f) {
    long timeout = f.duration("timeout", 0, true);
    long retries = f.integer("retries", 0, 0);
    if (retries > 100) {
      f.error("retries", "at most 100 retries, got " + retries, "");
      retries = 0;
    }
    if (retries > 0 && timeout == 0) {
      f.error("retries", "retries need a \"timeout\": without one a lost request is waited for "
          + "for ever and never retried", "add e.g. \"timeout\": \"1s\"");
    }
    long base = DEFAULT_BACKOFF_BASE;
    long max = DEFAULT_BACKOFF_MAX;
    RetryPolicy.Jitter jitter = RetryPolicy.Jitter.FULL;
    if (f.has("backoff")) {
      Fields b = Fields.of(f.raw("backoff"), f.pathOf("backoff"), problems, BACKOFF_KEYS);
      if (b != null) {
        base = b.duration("base", base, false);
        max = b.duration("max", max, false);
        if (max < base) {
          b.error("max", "the cap is below the base backoff", "raise \"max\" or lower \"base\"");
        }
        String j = b.string("jitter", "full");
        switch (j) {
          case "full" -> jitter = RetryPolicy.Jitter.FULL;
          case "equal" -> jitter = RetryPolicy.Jitter.EQUAL;
          case "none" -> jitter = RetryPolicy.Jitter.NONE;
          default -> b.error("jitter", "expected \"full\", \"equal\" or \"none\", got \"" + j
              + "\"", "full jitter spreads retries most (AWS Architecture Blog)");
        }
      }
    }
    long hedge = f.duration("hedge", 0, true);
    if (hedge > 0 && timeout > 0 && hedge >= timeout) {
      f.error("hedge", "the hedge delay must be shorter than the timeout, or it never fires",
          "hedge at about the p95 latency, e.g. \"50ms\"");
    }
    return new RetryPolicy(timeout, (int) retries, base, max, jitter, hedge);
  }
}
