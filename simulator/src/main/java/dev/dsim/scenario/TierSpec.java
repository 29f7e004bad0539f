package dev.dsim.scenario;

import dev.dsim.engine.Distribution;
import java.util.Objects;

/**
 * A tier: {@code nodes} identical nodes named {@code <name>-1 … <name>-n}, each with
 * {@code cores} cores of {@code speed}, doing {@code workNanos} of work (at speed 1) per request,
 * with local clocks that start {@code clockOffsetNanos} off and drift by {@code clockDriftPpm}.
 */
public record TierSpec(String name, TierKind kind, int nodes, int cores, double speed,
    Distribution workNanos, long clockOffsetNanos, double clockDriftPpm) {
  public TierSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(workNanos, "workNanos");
  }

  /** A tier whose clocks are exact. */
  public TierSpec(String name, TierKind kind, int nodes, int cores, double speed,
      Distribution workNanos) {
    this(name, kind, nodes, cores, speed, workNanos, 0, 0);
  }
}
