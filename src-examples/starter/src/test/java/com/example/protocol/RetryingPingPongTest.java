package com.example.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsim.engine.LivenessViolation;
import dev.dsim.engine.Simulation;
import dev.dsim.testing.RunFaults;
import dev.dsim.testing.SeedSweep;
import dev.dsim.testing.Simulations;
import org.junit.jupiter.api.Test;

class RetryingPingPongTest {

  @Test
  void withRetries_everyPingIsAnswered_inEverySeed() {
    // 50 seeds: 50 different runs (losses, latencies, crash times), each must answer all pings.
    // A failing seed is reported with its trace hash and the line that re-runs only it.
    Simulations.seeds(1, 50).check(sim -> {
      RetryingPingPong.Progress p =
          RetryingPingPong.run(sim, true, RunFaults.of(RetryingPingPong.faults()));
      assertThat(p.answered()).isEqualTo(RetryingPingPong.PINGS);
      assertThat(p.retries()).isPositive(); // the faults did strike: the retries were needed
    });
  }

  @Test
  void withoutRetries_theSweepFindsAPingNeverAnswered() {
    SeedSweep.Result r = Simulations.seeds(1, 50).run(
        sim -> RetryingPingPong.run(sim, false, RunFaults.of(RetryingPingPong.faults())));
    assertThat(r.passed()).isFalse();
    assertThat(r.failure().cause()).isInstanceOf(LivenessViolation.class)
        .hasMessageContaining("every ping is answered");
    assertThat(r.failure().reproduced()).isTrue(); // the failing seed replays exactly
  }

  @Test
  void sameSeed_sameRun() {
    Simulation a = new Simulation(7);
    Simulation b = new Simulation(7);
    RetryingPingPong.run(a, true, RunFaults.of(RetryingPingPong.faults()));
    RetryingPingPong.run(b, true, RunFaults.of(RetryingPingPong.faults()));
    assertThat(a.traceHashHex()).isEqualTo(b.traceHashHex());
  }
}
