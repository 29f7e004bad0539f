package dev.dsim.fault;

import java.util.Objects;

/** A fault and the simulated time at which it strikes. */
public record ScheduledFault(long atNanos, Fault fault) {
  public ScheduledFault {
    if (atNanos < 0) {
      throw new IllegalArgumentException("a fault cannot strike before time 0: " + atNanos);
    }
    Objects.requireNonNull(fault, "fault");
  }
}
