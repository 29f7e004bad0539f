package dev.dsim.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The offered load over time: steps, ramps, and the inversion that paces arrivals. */
final class RateScheduleTest {
  private static final long S = 1_000_000_000L;

  @Test
  void constantRate_pacesOneRequestPerGap() {
    RateSchedule r = RateSchedule.constant(100);
    assertThat(r.isConstant()).isTrue();
    assertThat(r.advance(0, 1.0)).isEqualTo(10_000_000L);
    assertThat(r.advance(5 * S, 2.5)).isEqualTo(5 * S + 25_000_000L);
  }

  @Test
  void step_changesTheRateAtItsTime() {
    RateSchedule r = new RateSchedule(List.of(new RateSchedule.Point(0, 10, false),
        new RateSchedule.Point(10 * S, 1000, false)));
    assertThat(r.rateAt(9 * S)).isEqualTo(10);
    assertThat(r.rateAt(10 * S)).isEqualTo(1000);
    // 5 requests at 10/s take 0.5s; crossing the step, the rest go at 1000/s.
    assertThat(r.advance(0, 5)).isEqualTo(S / 2);
    assertThat(r.advance(9 * S, 20)).isEqualTo(10 * S + 10_000_000L);
  }

  @Test
  void ramp_integratesLinearly() {
    RateSchedule r = new RateSchedule(List.of(new RateSchedule.Point(0, 0, false),
        new RateSchedule.Point(10 * S, 100, true)));
    assertThat(r.rateAt(5 * S)).isEqualTo(50);
    // Cumulative count over [0, t] is 5 t^2 (rate 10 t): 500 requests by t = 10s.
    assertThat(r.advance(0, 500)).isEqualTo(10 * S);
    assertThat(r.advance(0, 125)).isEqualTo(5 * S);
    // After the ramp the rate holds at 100/s.
    assertThat(r.advance(10 * S, 100)).isEqualTo(11 * S);
  }

  @Test
  void zeroRateForever_meansNoMoreArrivals() {
    RateSchedule r = new RateSchedule(List.of(new RateSchedule.Point(0, 100, false),
        new RateSchedule.Point(S, 0, false)));
    assertThat(r.advance(2 * S, 1)).isEqualTo(-1);
    assertThat(r.advance(S - 5_000_000L, 1)).isEqualTo(-1);
  }

  @Test
  void badSchedules_areRejected() {
    assertThatThrownBy(() -> new RateSchedule(List.of(new RateSchedule.Point(S, 5, false))))
        .hasMessageContaining("time 0");
    // A rate of 0 throughout is allowed: no clients (the binder rejects it where a user wrote
    // a rate, as a likely mistake).
    assertThat(RateSchedule.idle().isIdle()).isTrue();
    assertThat(RateSchedule.idle().advance(0, 1.0)).isEqualTo(-1);
    assertThat(RateSchedule.constant(5).isIdle()).isFalse();
  }
}
