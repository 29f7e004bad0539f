package dev.dsim.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class RetryPolicyTest {
  private static final long MS = 1_000_000L;

  @Test
  void backoff_doublesUpToItsCap() {
    RetryPolicy p = new RetryPolicy(100 * MS, 5, 10 * MS, 50 * MS, RetryPolicy.Jitter.NONE, 0);
    assertThat(p.backoffNanos(1)).isEqualTo(10 * MS);
    assertThat(p.backoffNanos(2)).isEqualTo(20 * MS);
    assertThat(p.backoffNanos(3)).isEqualTo(40 * MS);
    assertThat(p.backoffNanos(4)).isEqualTo(50 * MS);
    assertThat(p.backoffNanos(60)).isEqualTo(50 * MS);
  }

  @Test
  void worstCase_isEveryAttemptTimingOutAfterEveryBackoff() {
    RetryPolicy p = new RetryPolicy(100 * MS, 2, 10 * MS, 50 * MS, RetryPolicy.Jitter.FULL, 0);
    assertThat(p.worstCaseNanos()).isEqualTo(100 * MS + 110 * MS + 120 * MS);
    assertThat(RetryPolicy.timeoutOnly(0).worstCaseNanos()).isEqualTo(Long.MAX_VALUE);
  }
}
