package dev.dsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsim.engine.Distribution;
import dev.dsim.engine.Durations;
import dev.dsim.scenario.format.Distribution.ConstantDistribution;
import dev.dsim.scenario.format.Distribution.ExponentialDistribution;
import dev.dsim.scenario.format.Distribution.LognormalDistribution;
import dev.dsim.scenario.format.Distribution.NormalDistribution;
import dev.dsim.scenario.format.Distribution.ParetoDistribution;
import dev.dsim.scenario.format.Distribution.UniformDistribution;
import dev.dsim.scenario.format.NonNegativeDuration;
import dev.dsim.scenario.format.PositiveDuration;
import java.util.function.Supplier;

/**
 * Reads a duration distribution, a bare duration string (a constant) or {@code {"dist":
 * "exponential", "mean": "8ms"}} and its kin, into the engine's: the document model's {@link
 * dev.dsim.scenario.format.Distribution} checks the shape, this what needs two values at once
 * (a uniform's max >= min, a lognormal's p99 > median). Values become nanoseconds.
 */
final class DistributionReader {
  private DistributionReader() {}

  /** The distribution at {@code path}, or null after reporting what is wrong. */
  static Distribution read(JsonNode v, String path, Problems problems) {
    if (v.isNull()) {
      problems.atValue(path, "expected a duration like \"8ms\" or a distribution like "
          + "{\"dist\": \"exponential\", \"mean\": \"8ms\"}, got null", "");
      return null;
    }
    dev.dsim.scenario.format.Distribution d = DocumentReader.section(v, path,
        dev.dsim.scenario.format.Distribution.class, problems);
    return d == null ? null : convert(d, v, path, problems);
  }

  /** A distribution already read (as part of its section) at {@code path}, whose tree is v. */
  static Distribution convert(dev.dsim.scenario.format.Distribution d, JsonNode v,
      String path, Problems problems) {
    if (d instanceof NonNegativeDuration c) {
      return new Distribution.Constant(nanos(c));
    }
    return construct(v, path, problems, () -> {
      if (d instanceof ConstantDistribution c) {
        return new Distribution.Constant(nanos(c.value()));
      } else if (d instanceof ExponentialDistribution e) {
        return new Distribution.Exponential(nanos(e.mean()));
      } else if (d instanceof UniformDistribution u) {
        return new Distribution.Uniform(nanos(u.min()), nanos(u.max()));
      } else if (d instanceof NormalDistribution n) {
        return new Distribution.Normal(nanos(n.mean()), nanos(n.stddev()));
      } else if (d instanceof LognormalDistribution l) {
        return new Distribution.LogNormal(nanos(l.median()), nanos(l.p99()));
      }
      ParetoDistribution p = (ParetoDistribution) d;
      return new Distribution.Pareto(nanos(p.scale()), p.shape());
    });
  }

  private static long nanos(NonNegativeDuration d) {
    return Durations.parse(d.text());
  }

  private static long nanos(PositiveDuration d) {
    return Durations.parse(d.text());
  }

  private static Distribution construct(JsonNode v, String path, Problems problems,
      Supplier<Distribution> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException e) {
      // The record speaks in nanoseconds; show the rule, then the user's own values.
      String rule = e.getMessage().replaceAll(", got .*$", "");
      problems.atValue(path, rule + ", got " + v, "");
      return null;
    }
  }
}
