package dev.dsim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class DurationsTest {

  @Test
  void parsesEveryUnit() {
    assertThat(Durations.parse("10ns")).isEqualTo(10);
    assertThat(Durations.parse("250us")).isEqualTo(250_000);
    assertThat(Durations.parse("2ms")).isEqualTo(2_000_000);
    assertThat(Durations.parse("30s")).isEqualTo(30_000_000_000L);
    assertThat(Durations.parse("5m")).isEqualTo(300_000_000_000L);
    assertThat(Durations.parse("2h")).isEqualTo(7_200_000_000_000L);
    assertThat(Durations.parse("1d")).isEqualTo(86_400_000_000_000L);
    assertThat(Durations.parse("1.5s")).isEqualTo(1_500_000_000L);
    assertThat(Durations.parse("0s")).isZero();
    assertThat(Durations.parse("-2s")).isEqualTo(-2_000_000_000L);
    assertThat(Durations.parse(" 3 ms ")).isEqualTo(3_000_000);
  }

  @Test
  void rejectsWhatIsNotADuration() {
    for (String bad : new String[] {"10", "ms", "2 parsecs", "abc", "", "1.2.3s", "--1s"}) {
      assertThatThrownBy(() -> Durations.parse(bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("duration");
    }
  }

  @Test
  void formatsReadably_andRoundTrips() {
    assertThat(Durations.format(0)).isEqualTo("0s");
    assertThat(Durations.format(999)).isEqualTo("999ns");
    assertThat(Durations.format(250_000)).isEqualTo("250us");
    assertThat(Durations.format(1_500_000_000L)).isEqualTo("1.5s");
    assertThat(Durations.format(300_000_000_000L)).isEqualTo("5m");
    assertThat(Durations.format(7_200_000_000_000L)).isEqualTo("2h");
    for (long v : new long[] {7, 250_000, 2_000_000, 1_500_000_000L, 300_000_000_000L}) {
      assertThat(Durations.parse(Durations.format(v))).isEqualTo(v);
    }
  }

  @Test
  void compoundDurations_sumTheirParts_largestUnitFirst() {
    assertThat(Durations.parse("1m30s")).isEqualTo(90 * Durations.NANOS_PER_SECOND);
    assertThat(Durations.parse("1h15m")).isEqualTo(75 * Durations.NANOS_PER_MINUTE);
    assertThat(Durations.parse("2s500ms")).isEqualTo(2_500 * Durations.NANOS_PER_MILLI);
    assertThat(Durations.parse("1d2h3m4s5ms6us7ns")).isEqualTo(Durations.NANOS_PER_DAY
        + 2 * Durations.NANOS_PER_HOUR + 3 * Durations.NANOS_PER_MINUTE
        + 4 * Durations.NANOS_PER_SECOND + 5 * Durations.NANOS_PER_MILLI + 6_007);
    assertThat(Durations.parse("-1m30s")).isEqualTo(-90 * Durations.NANOS_PER_SECOND);
    assertThat(Durations.parse(" 1m0.5s ")).isEqualTo(60_500 * Durations.NANOS_PER_MILLI);
    for (String bad : new String[] {"30s1m", "1m1m", "1us1µs", "1m 30s", "1m30"}) {
      assertThatThrownBy(() -> Durations.parse(bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duration");
    }
  }
}
