package dev.dsim.examples.pingpong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dsim.engine.Distribution;
import org.junit.jupiter.api.Test;

final class PingPongTest {
  private static final long MS = 1_000_000L;

  @Test
  void constantLatency_roundTripIsTwiceTheLatency() {
    PingPong.Outcome o = PingPong.run(1, new Distribution.Constant(MS), 10 * MS, 1_000 * MS);
    // Pings at 10, 20, ..., 1000 ms; the one sent at 1000 ms is still in flight at the end.
    assertThat(o.stats().pingsSent()).isEqualTo(100);
    assertThat(o.stats().pongsReceived()).isEqualTo(99);
    assertThat(o.stats().meanRoundTripNanos()).isEqualTo(2.0 * MS);
  }

  @Test
  void randomLatency_sameSeedReplaysExactly() {
    Distribution latency = new Distribution.LogNormal(0.5 * MS, 4 * MS);
    PingPong.Outcome a = PingPong.run(42, latency, 10 * MS, 5_000 * MS);
    PingPong.Outcome b = PingPong.run(42, latency, 10 * MS, 5_000 * MS);
    PingPong.Outcome c = PingPong.run(43, latency, 10 * MS, 5_000 * MS);
    assertThat(b.traceHash()).isEqualTo(a.traceHash());
    assertThat(b.stats().meanRoundTripNanos()).isEqualTo(a.stats().meanRoundTripNanos());
    assertThat(c.traceHash()).isNotEqualTo(a.traceHash());
    // Mean of two lognormal legs: 2 * median * exp(sigma^2 / 2).
    double expected = 2 * latency.mean();
    assertThat(a.stats().meanRoundTripNanos()).isCloseTo(expected, within(expected * 0.1));
  }
}
