package dev.dsim.scenario;

import java.util.Objects;

/**
 * A duration distribution of the scenario format, for the typed builder: a {@link Duration} (a
 * constant) or one of the records here, made by {@link Build#exponential} and its kin. Each
 * writes the object a file would hold ({@code {"dist": "exponential", "mean": "8ms"}}), which
 * the binder turns into the engine's {@code dev.dsim.engine.Distribution}; so the records check
 * nothing themselves (a uniform with max below min is reported by the binder, at its JSON path).
 */
public sealed interface Dist permits Duration, Dist.Exponential, Dist.Uniform, Dist.Normal,
    Dist.LogNormal, Dist.Pareto {

  /** Exponential (memoryless) with the given mean. */
  record Exponential(Duration mean) implements Dist {
    public Exponential {
      Objects.requireNonNull(mean, "mean");
    }
  }

  /** Uniform between min and max. */
  record Uniform(Duration min, Duration max) implements Dist {
    public Uniform {
      Objects.requireNonNull(min, "min");
      Objects.requireNonNull(max, "max");
    }
  }

  /** Normal, clamped at zero. */
  record Normal(Duration mean, Duration stddev) implements Dist {
    public Normal {
      Objects.requireNonNull(mean, "mean");
      Objects.requireNonNull(stddev, "stddev");
    }
  }

  /** Lognormal given its median and its 99th percentile. */
  record LogNormal(Duration median, Duration p99) implements Dist {
    public LogNormal {
      Objects.requireNonNull(median, "median");
      Objects.requireNonNull(p99, "p99");
    }
  }

  /** Pareto (heavy tail) with minimum {@code scale} and tail index {@code shape}. */
  record Pareto(Duration scale, double shape) implements Dist {
    public Pareto {
      Objects.requireNonNull(scale, "scale");
    }
  }
}
