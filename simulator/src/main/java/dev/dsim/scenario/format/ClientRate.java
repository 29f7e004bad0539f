package dev.dsim.scenario.format;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/** The open-loop rate of clients: a number of requests per second, or a schedule of steps. */
public sealed interface ClientRate permits ClientRate.RequestRate, ClientRate.RateSchedule {
  /**
   * One rate for the whole run; its schema (a number above 0) is {@link ScalarDefinitions}'s.
   *
   * @param perSecond requests per second
   */
  record RequestRate(@JsonValue double perSecond) implements ClientRate {
    /** Binds the number itself. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public RequestRate {}
  }

  /**
   * A rate schedule; its schema (the first step at 0 without a ramp) is {@link
   * ScalarDefinitions}'s.
   *
   * @param steps the steps, in time order
   */
  record RateSchedule(@JsonValue List<RateStep> steps) implements ClientRate {
    /** Binds the array itself. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public RateSchedule {
      // A step that was not an object is null here, its error already reported: leave it out
      // rather than fail on it (List.copyOf refuses nulls).
      steps = steps.stream().filter(java.util.Objects::nonNull).toList();
    }
  }
}
