package dev.dsim.scenario;

import java.util.Objects;

/**
 * One step of an open-loop rate schedule ({@code clients.rate} as a list), for the typed builder:
 * from {@code at} on, {@code rate} requests per second, reached linearly from the previous step's
 * when {@code ramp} ({@link Build#step}, {@link Build#rampTo}). The order and ranges are the
 * binder's to check.
 */
public record RateStep(Duration at, double rate, boolean ramp) {
  public RateStep {
    Objects.requireNonNull(at, "at");
  }
}
