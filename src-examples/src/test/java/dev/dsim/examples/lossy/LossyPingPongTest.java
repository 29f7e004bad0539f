package dev.dsim.examples.lossy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.dsim.engine.Distribution;
import dev.dsim.examples.lossy.LossyPingPong.Outcome;
import dev.dsim.examples.lossy.LossyPingPong.Params;
import dev.dsim.examples.lossy.LossyPingPong.Stats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class LossyPingPongTest {
  private static final long MS = 1_000_000L;
  /** One-way latency 1 ms, so the round trip is exactly 2 ms. */
  private static final Distribution ONE_MS = new Distribution.Constant(MS);
  private static final long ROUND_TRIP = 2 * MS;
  /** Longer than the round trip: a retry only happens when something was really lost. */
  private static final long LONG_TIMEOUT = 3 * MS;

  @Test
  void reliableNetwork_noRetries() {
    Stats s = LossyPingPong.run(1, new Params(ONE_MS, 0, 0, LONG_TIMEOUT, 500)).stats();
    assertThat(s.pingsCompleted()).isEqualTo(500);
    assertThat(s.attempts()).isEqualTo(500);
    assertThat(s.retries()).isZero();
    assertThat(s.duplicatesIgnored()).isZero();
    assertThat(s.pingsAnswered()).isEqualTo(500);
    assertThat(s.meanCompletionNanos()).isEqualTo((double) ROUND_TRIP);
    assertThat(s.maxCompletionNanos()).isEqualTo(ROUND_TRIP);
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.1, 0.2, 0.3})
  void lossyNetwork_meanAttemptsIsOneOverSuccessProbability(double loss) {
    int pings = 4_000;
    Stats s = LossyPingPong.run(7, new Params(ONE_MS, loss, 0, LONG_TIMEOUT, pings)).stats();
    assertThat(s.pingsCompleted()).isEqualTo(pings);
    // An attempt succeeds when the ping and the pong both survive: q = (1 - loss)^2. Attempts
    // are geometric with mean 1/q and standard deviation sqrt(1 - q)/q; over 4000 pings the
    // standard error is below 0.025, so 5% is more than four standard errors at every loss.
    double q = (1 - loss) * (1 - loss);
    assertThat(s.meanAttemptsPerPing()).isCloseTo(1 / q, within(0.05 / q));
    assertThat(s.retries()).isEqualTo(s.attempts() - pings);
    // The timeout exceeds the round trip, so no retry overtakes an answer in flight.
    assertThat(s.spuriousRetries()).isZero();
  }

  @Test
  void everyPingCompletes_andEachLossCostsOneTimeout() {
    Stats s = LossyPingPong.run(3, new Params(ONE_MS, 0.4, 0, LONG_TIMEOUT, 2_000)).stats();
    assertThat(s.pingsCompleted()).isEqualTo(2_000);
    assertThat(s.maxAttempts()).isGreaterThan(5);
    // With a constant latency, a ping needing k attempts completes after (k-1)*timeout + RTT.
    double expectedMean = (s.meanAttemptsPerPing() - 1) * LONG_TIMEOUT + ROUND_TRIP;
    assertThat(s.meanCompletionNanos()).isCloseTo(expectedMean, within(1.0));
    assertThat(s.maxCompletionNanos())
        .isEqualTo((s.maxAttempts() - 1) * LONG_TIMEOUT + ROUND_TRIP);
  }

  @Test
  void duplicates_areAnsweredButIgnoredBySequenceNumber() {
    Stats s = LossyPingPong.run(5, new Params(ONE_MS, 0.2, 0.2, LONG_TIMEOUT, 2_000)).stats();
    assertThat(s.pingsCompleted()).isEqualTo(2_000);
    assertThat(s.messagesDuplicated()).isPositive();
    assertThat(s.duplicatesIgnored()).isPositive();
    // At-least-once: the ponger handles more pings than there were, the repeats included.
    assertThat(s.pingsAnswered()).isGreaterThan(2_000);
    // Conservation: every message sent is lost, or delivered once, or twice if duplicated. The
    // ponger answers each ping delivered, so what reaches the pinger (completions and ignored
    // pongs) is what was sent in total, minus the losses, plus the duplicates, minus the pings.
    long sent = s.attempts() + s.pingsAnswered();
    long delivered = sent - s.messagesLost() + s.messagesDuplicated();
    assertThat(s.pingsCompleted() + s.duplicatesIgnored())
        .isEqualTo(delivered - s.pingsAnswered());
  }

  @Test
  void timeoutShorterThanRoundTrip_causesSpuriousRetries() {
    // 0.8 ms against a 2 ms round trip: retries at 0.8 and 1.6 ms, the first pong at 2 ms.
    Stats shortTimeout = LossyPingPong.run(1, new Params(ONE_MS, 0, 0, 800_000, 500)).stats();
    assertThat(shortTimeout.pingsCompleted()).isEqualTo(500);
    assertThat(shortTimeout.retries()).isEqualTo(2 * 500);
    assertThat(shortTimeout.spuriousRetries()).isEqualTo(2 * 500);
    assertThat(shortTimeout.pingsAnswered()).isEqualTo(3 * 500);
    // The two extra pongs per ping arrive after it completed and are ignored.
    assertThat(shortTimeout.duplicatesIgnored()).isEqualTo(2 * 500);
    // Retrying early did not make anything faster: nothing was lost.
    assertThat(shortTimeout.meanCompletionNanos()).isEqualTo((double) ROUND_TRIP);

    Stats longTimeout = LossyPingPong.run(1, new Params(ONE_MS, 0, 0, LONG_TIMEOUT, 500))
        .stats();
    assertThat(longTimeout.retries()).isZero();
    assertThat(longTimeout.spuriousRetries()).isZero();
  }

  @Test
  void jitteryLatency_aTimeoutNearTheRoundTripRetriesSpuriously() {
    // Median 1 ms per leg, but a long tail: some round trips outlast a 3 ms timeout.
    Distribution jittery = new Distribution.LogNormal(MS, 4 * MS);
    Stats tight = LossyPingPong.run(11, new Params(jittery, 0, 0, 3 * MS, 2_000)).stats();
    Stats generous = LossyPingPong.run(11, new Params(jittery, 0, 0, 50 * MS, 2_000)).stats();
    assertThat(tight.spuriousRetries()).isPositive();
    // Nothing was lost, so no retry was needed; but a retry whose pong overtook the slow answer
    // it duplicated did shorten that ping (a hedged request) and is not counted as spurious.
    assertThat(tight.spuriousRetries()).isLessThanOrEqualTo(tight.retries());
    assertThat(tight.pingsAnswered()).isEqualTo(tight.attempts());
    assertThat(generous.spuriousRetries()).isLessThan(tight.spuriousRetries());
  }

  @Test
  void sameSeed_sameRun_otherSeed_otherRun() {
    Params p = new Params(ONE_MS, 0.2, 0.05, LONG_TIMEOUT, 1_000);
    Outcome a = LossyPingPong.run(42, p);
    Outcome b = LossyPingPong.run(42, p);
    Outcome c = LossyPingPong.run(43, p);
    assertThat(b.traceHash()).isEqualTo(a.traceHash());
    assertThat(b.stats()).isEqualTo(a.stats());
    assertThat(c.traceHash()).isNotEqualTo(a.traceHash());
    assertThat(c.stats()).isNotEqualTo(a.stats());
  }

  @Test
  void certainLoss_isRejected() {
    assertThatThrownBy(() -> new Params(ONE_MS, 1.0, 0, LONG_TIMEOUT, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
