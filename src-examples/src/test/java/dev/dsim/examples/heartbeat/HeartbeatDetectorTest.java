package dev.dsim.examples.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsim.engine.Distribution;
import dev.dsim.examples.heartbeat.HeartbeatDetector.Crash;
import dev.dsim.examples.heartbeat.HeartbeatDetector.Healthy;
import dev.dsim.examples.heartbeat.HeartbeatDetector.Outcome;
import dev.dsim.examples.heartbeat.HeartbeatDetector.Params;
import dev.dsim.examples.heartbeat.HeartbeatDetector.Slow;
import dev.dsim.examples.heartbeat.HeartbeatDetector.TradeOffRow;
import java.util.List;
import org.junit.jupiter.api.Test;

final class HeartbeatDetectorTest {
  private static final long MS = 1_000_000L;
  private static final long SECOND = 1_000 * MS;
  private static final long INTERVAL = 100 * MS;
  private static final long LATENCY = MS;
  /** Work before each heartbeat: up to 10 ms, so healthy gaps are 100..110 ms. */
  private static final long MAX_WORK = 10 * MS;
  private static final Params BASE = new Params(INTERVAL, 150 * MS,
      new Distribution.Constant(LATENCY), new Distribution.Uniform(0, MAX_WORK));
  private static final Crash CRASH = new Crash(10 * SECOND);
  /** 30 times slower for 30 s: gaps of 100..400 ms, the node never stops. */
  private static final Slow SLOW = new Slow(5 * SECOND, 35 * SECOND, 30);
  private static final long DURATION = 40 * SECOND;

  @Test
  void healthyNode_isNeverSuspected() {
    Outcome o = HeartbeatDetector.run(1, BASE, new Healthy(), DURATION);
    assertThat(o.suspicions()).isZero();
    assertThat(o.falseSuspicions()).isZero();
    assertThat(o.detectionDelayNanos()).isEmpty();
    assertThat(o.maxGapNanos()).isBetween(INTERVAL, INTERVAL + MAX_WORK);
    assertThat(o.heartbeatsReceived()).isGreaterThan(DURATION / (INTERVAL + MAX_WORK));
  }

  @Test
  void crash_isDetectedBetweenTimeoutMinusOneGapAndTimeout() {
    for (long timeout : List.of(150 * MS, 300 * MS, 1_000 * MS)) {
      for (long seed = 1; seed <= 20; seed++) {
        Outcome o = HeartbeatDetector.run(seed, BASE.withTimeout(timeout), CRASH, DURATION);
        assertThat(o.falseSuspicions()).isZero();
        assertThat(o.suspicions()).isEqualTo(1);
        // The last heartbeat left at most one gap (interval + work) before the crash, and
        // arrives one latency later; the countdown started then.
        assertThat(o.detectionDelayNanos().orElseThrow())
            .isBetween(timeout - INTERVAL - MAX_WORK + LATENCY, timeout + LATENCY);
      }
    }
  }

  @Test
  void sameSeed_detectionDelayGrowsExactlyWithTheTimeout() {
    // The monitor never talks to the monitored node, so with the same seed the heartbeats
    // before the crash are the same whatever the timeout: only the countdown changes.
    long d150 = delay(7, 150 * MS);
    long d300 = delay(7, 300 * MS);
    long d1000 = delay(7, 1_000 * MS);
    assertThat(d300 - d150).isEqualTo(150 * MS);
    assertThat(d1000 - d300).isEqualTo(700 * MS);
  }

  @Test
  void slowNode_isFalselySuspectedWithAShortTimeout_notWithALongOne() {
    Outcome shortTimeout = HeartbeatDetector.run(1, BASE.withTimeout(150 * MS), SLOW, DURATION);
    Outcome longTimeout = HeartbeatDetector.run(1, BASE.withTimeout(500 * MS), SLOW, DURATION);
    // Every suspicion of a node that never crashed is false.
    assertThat(shortTimeout.falseSuspicions()).isPositive();
    assertThat(shortTimeout.falseSuspicions()).isEqualTo(shortTimeout.suspicions());
    // Slowed 30 times, the work takes up to 300 ms: gaps up to 400 ms, shorter than 500 ms.
    assertThat(shortTimeout.maxGapNanos()).isGreaterThan(150 * MS);
    assertThat(longTimeout.maxGapNanos()).isLessThanOrEqualTo(INTERVAL + 30 * MAX_WORK);
    assertThat(longTimeout.suspicions()).isZero();
    // The slow node still delivered every heartbeat; it only sent fewer of them.
    Outcome healthy = HeartbeatDetector.run(1, BASE, new Healthy(), DURATION);
    assertThat(shortTimeout.heartbeatsReceived()).isLessThan(healthy.heartbeatsReceived());
  }

  @Test
  void slowNode_falseSuspicionRateFollowsTheGapDistribution() {
    // Slowed gaps are 100 ms + 30 * Uniform(0, 10 ms): a gap outlasts a timeout t with
    // probability (400 ms - t) / 300 ms. About two thirds for 200 ms, one third for 300 ms.
    Outcome t200 = HeartbeatDetector.run(3, BASE.withTimeout(200 * MS), SLOW, DURATION);
    Outcome t300 = HeartbeatDetector.run(3, BASE.withTimeout(300 * MS), SLOW, DURATION);
    // Heartbeats in the slow period: 30 s at 250 ms per gap on average, about 120.
    assertThat(t200.falseSuspicions()).isBetween(60, 100);
    assertThat(t300.falseSuspicions()).isBetween(25, 55);
  }

  @Test
  void tradeOff_shorterTimeoutDetectsFasterButSuspectsMore() {
    List<Long> timeouts = List.of(150 * MS, 250 * MS, 350 * MS, 450 * MS, 1_000 * MS);
    List<TradeOffRow> rows = HeartbeatDetector.tradeOff(BASE, timeouts, CRASH, SLOW, DURATION,
        5);
    assertThat(rows).extracting(TradeOffRow::timeoutNanos).containsExactlyElementsOf(timeouts);
    for (int i = 1; i < rows.size(); i++) {
      assertThat(rows.get(i).meanDetectionDelayNanos())
          .isGreaterThan(rows.get(i - 1).meanDetectionDelayNanos());
      assertThat(rows.get(i).falseSuspicions())
          .isLessThanOrEqualTo(rows.get(i - 1).falseSuspicions());
    }
    assertThat(rows.get(0).falseSuspicions()).isPositive();
    assertThat(rows.get(rows.size() - 1).falseSuspicions()).isZero();
    // Every single delay lies within one gap below the timeout (plus the latency), so the mean
    // does too; over many seeds it settles about half a gap below the timeout.
    TradeOffRow first = rows.get(0);
    assertThat(first.meanDetectionDelayNanos())
        .isBetween(150.0 * MS - INTERVAL - MAX_WORK + LATENCY, 150.0 * MS + LATENCY);
  }

  @Test
  void sameSeed_sameRun_otherSeed_otherRun() {
    Outcome a = HeartbeatDetector.run(42, BASE, SLOW, DURATION);
    Outcome b = HeartbeatDetector.run(42, BASE, SLOW, DURATION);
    Outcome c = HeartbeatDetector.run(43, BASE, SLOW, DURATION);
    assertThat(b).isEqualTo(a);
    assertThat(c.traceHash()).isNotEqualTo(a.traceHash());
  }

  private static long delay(long seed, long timeout) {
    return HeartbeatDetector.run(seed, BASE.withTimeout(timeout), CRASH, DURATION)
        .detectionDelayNanos().orElseThrow();
  }
}
