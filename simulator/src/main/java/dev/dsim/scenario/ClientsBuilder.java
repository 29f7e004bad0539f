package dev.dsim.scenario;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsim.service.RetryPolicy;
import java.util.Locale;

/**
 * The {@code clients} section, typed: made by {@link Build#openLoop}, {@link Build#closedLoop}
 * or (for a variant that changes a few keys) {@link Build#clients}. Every method writes the key
 * of the format it is named after; the binder checks values and combinations (exactly one of
 * rate and users, retries only with a timeout) and reports them at their JSON path.
 */
public final class ClientsBuilder extends JsonSection<ClientsBuilder> {
  ClientsBuilder() {}

  /** Open loop: requests per second, whatever the replies. */
  public ClientsBuilder rate(double perSecond) {
    return put("rate", perSecond);
  }

  /** Open loop with a rate schedule; the first step is at 0s. */
  public ClientsBuilder rate(RateStep first, RateStep... more) {
    ArrayNode steps = BuilderJson.array();
    steps.add(step(first));
    for (RateStep s : more) {
      steps.add(step(s));
    }
    return put("rate", steps);
  }

  private static ObjectNode step(RateStep s) {
    ObjectNode o = BuilderJson.object().put("at", s.at().text());
    o.set("rate", BuilderJson.number(s.rate()));
    if (s.ramp()) {
      o.put("ramp", true);
    }
    return o;
  }

  /** How open-loop requests are spaced (default Poisson). */
  public ClientsBuilder arrival(Arrival arrival) {
    return put("arrival", arrival.jsonName());
  }

  /** Closed loop: this many users, each waiting for its reply before the next request. */
  public ClientsBuilder users(int users) {
    return put("users", users);
  }

  /** Closed loop: the pause between a reply and a user's next request. */
  public ClientsBuilder thinkTime(Dist thinkTime) {
    return put("thinkTime", thinkTime);
  }

  /** The fraction of operations that are reads (default 0.5). */
  public ClientsBuilder reads(double fraction) {
    return put("reads", fraction);
  }

  /** How many distinct keys the operations use (default 1000). */
  public ClientsBuilder keys(long keys) {
    return put("keys", keys);
  }

  /** How keys are picked (default uniform). */
  public ClientsBuilder keyDist(KeyDist keyDist) {
    if (keyDist.zipfExponent() == 0) {
      return put("keyDist", "uniform");
    }
    ObjectNode o = BuilderJson.object().put("dist", "zipf");
    o.set("exponent", BuilderJson.number(keyDist.zipfExponent()));
    return put("keyDist", o);
  }

  /** The size of each written value (default 1KiB). */
  public ClientsBuilder valueSize(Size size) {
    return put("valueSize", size);
  }

  /** How long a client waits for each attempt's reply (default: for ever). */
  public ClientsBuilder timeout(Duration timeout) {
    return put("timeout", timeout);
  }

  /** Attempts after a failure or timeout (needs a timeout). */
  public ClientsBuilder retries(int retries) {
    return put("retries", retries);
  }

  /** Exponential backoff between retries from {@code base}, capped at {@code max}. */
  public ClientsBuilder backoff(Duration base, Duration max) {
    return put("backoff", BuilderJson.object().put("base", base.text()).put("max", max.text()));
  }

  /** Backoff with the given jitter (default full). */
  public ClientsBuilder backoff(Duration base, Duration max, RetryPolicy.Jitter jitter) {
    return put("backoff", BuilderJson.object().put("base", base.text()).put("max", max.text())
        .put("jitter", jitter.name().toLowerCase(Locale.ROOT)));
  }

  /** Send a second copy of a request with no reply after this long. */
  public ClientsBuilder hedge(Duration after) {
    return put("hedge", after);
  }
}
